using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using SpatialPlan.Core.Crs;
using SpatialPlan.Core.Layers.Sources;

namespace SpatialPlan.App.Layers;

/// <summary>The plan's layers: the catalog with styles, and each layer's features.</summary>
public static class LayerEndpoints
{
    /// <summary>
    /// Most features one <c>/api/layers/{id}</c> answer streams (about 100 MB of GeoJSON). A larger layer, or a bbox that
    /// holds more, is refused with a message that asks for a smaller bbox.
    /// </summary>
    public const int MaxStreamedFeatures = 300_000;

    /// <summary>
    /// Most features of an indexed layer whose whole-layer answer the app keeps once made (<see cref="PlanData.WholeLayer"/>):
    /// the map asks for every layer whole on each page load, and making the answer reads, reprojects and writes every
    /// feature (the embedded farmland's 44 491 图斑 take seconds). About 420 bytes a 图斑: 63 MB at the limit.
    /// </summary>
    public const int MaxCachedFeatures = 150_000;

    private static readonly JsonSerializerOptions GeoJson = new()
    {
        Converters = { new GeoJsonConverterFactory() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    public static IEndpointRouteBuilder MapLayers(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/layers");
        group.MapGet("/", (PlanData data) => TypedResults.Json(data.Response, PlanData.Json));
        group.MapGet("/{id}", GetLayer);
        return app;
    }

    /// <summary>
    /// The layer as a GeoJSON FeatureCollection in EPSG:4490 (lon/lat). A GeoJSON layer file is sent as stored; an indexed
    /// layer (GeoPackage, PostGIS) is streamed from its source. <paramref name="bbox"/> (<c>minLon,minLat,maxLon,maxLat</c>)
    /// keeps only the features whose envelope meets it.
    /// </summary>
    private static async Task<Results<PhysicalFileHttpResult, PushStreamHttpResult, FileContentHttpResult, ProblemHttpResult>> GetLayer(string id, string? bbox, PlanData data)
    {
        var layer = data.Catalog.Find(id);
        if (layer is null || (layer.SourceType == LayerSourceSpec.GeoJsonType && data.LayerFile(id) is null))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "图层不存在 / Unknown layer",
                detail: $"没有编号为“{id}”的图层，或其数据文件不在数据目录中。可用的图层见 /api/layers。 There is no layer '{id}' or its file is missing from the data folder; see /api/layers.");
        }

        var box = bbox is null ? null : ParseBbox(bbox);
        if (box is null && data.LayerFile(id) is { } file)
        {
            return TypedResults.PhysicalFile(file, "application/geo+json");
        }

        if (box is null && data.WholeLayer(id) is { } whole)
        {
            return TypedResults.Bytes(await whole, "application/geo+json");
        }

        var source = data.Store.Source(id);
        IEnumerable<(IFeature Feature, bool Geographic)> features;
        if (box is null)
        {
            if (source.Count > MaxStreamedFeatures)
            {
                return TooMany(id, source.Count);
            }

            features = source.All().Select(f => ((IFeature)new Feature(f.Geometry, f.Attributes), false));
        }
        else
        {
            // The map wants every attribute: a warmed layer's copy keeps only the mapped ones, so ask its index.
            var rows = source is WarmingLayerSource warming ? warming.Cold : source;
            var hits = rows.Query(EnvelopeTransform.Transform(box, Epsg.Cgcs2000, source.WorkingEpsg));
            if (hits.Count > MaxStreamedFeatures)
            {
                return TooMany(id, hits.Count);
            }

            // A GeoJSON layer keeps its lon/lat features: send those, exactly as stored.
            features = source is GeoJsonLayerSource g
                ? hits.OrderBy(f => f.Key).Select(f => (g.Data.Features[(int)f.Key], true))
                : hits.OrderBy(f => f.Key).Select(f => ((IFeature)new Feature(f.Geometry, f.Attributes), false));
        }

        return TypedResults.Stream(stream => Write(stream, features, source.WorkingEpsg), "application/geo+json");
    }

    private static ProblemHttpResult TooMany(string id, long count) => TypedResults.Problem(
        statusCode: StatusCodes.Status400BadRequest,
        title: "图层过大 / Layer too large",
        detail: $"图层“{id}”此范围内有 {count:N0} 个要素，超过一次可传送的 {MaxStreamedFeatures:N0} 个。处理办法：放大地图，带 bbox=最小经度,最小纬度,最大经度,最大纬度 参数只取当前视图。 " +
                $"Layer '{id}' has {count:N0} features here, over the {MaxStreamedFeatures:N0} one answer sends; zoom in and pass bbox=minLon,minLat,maxLon,maxLat.");

    /// <summary><c>minLon,minLat,maxLon,maxLat</c> in EPSG:4490.</summary>
    /// <exception cref="Core.Sources.InputException">Not four numbers, or not a lon/lat box (answered 400).</exception>
    internal static Envelope ParseBbox(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var values = new double[4];
        if (parts.Length != 4 || parts.Select((p, i) => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) && double.IsFinite(values[i])).Any(ok => !ok)
            || values[0] >= values[2] || values[1] >= values[3] || values[0] < -180 || values[2] > 180 || values[1] < -90 || values[3] > 90)
        {
            throw new Core.Sources.InputException(
                $"bbox=“{text}”不是经纬度范围（bbox is not a lon/lat box）。",
                "写成 bbox=最小经度,最小纬度,最大经度,最大纬度（EPSG:4490，例如 bbox=107.0,40.7,107.3,40.9），最小值须小于最大值。");
        }

        return new Envelope(values[0], values[2], values[1], values[3]);
    }

    /// <summary>The whole layer as the GeoJSON answer, every attribute as stored (the indexed source, not a warm copy).</summary>
    internal static async Task<byte[]> WholeLayerAnswer(ILayerSource source)
    {
        var rows = source is WarmingLayerSource warming ? warming.Cold : source;
        using var buffer = new MemoryStream();
        await Write(buffer, rows.All().Select(f => ((IFeature)new Feature(f.Geometry, f.Attributes), false)), source.WorkingEpsg);
        return buffer.ToArray();
    }

    private static async Task Write(Stream stream, IEnumerable<(IFeature Feature, bool Geographic)> features, int workingEpsg)
    {
        var buffer = new MemoryStream(1 << 17);
        buffer.Write("{\"type\":\"FeatureCollection\",\"features\":["u8);
        var first = true;
        foreach (var (feature, geographic) in features)
        {
            if (!first)
            {
                buffer.WriteByte((byte)',');
            }

            first = false;
            var lonLat = geographic ? feature : new Feature(Rounded(CrsTransformer.Transform(feature.Geometry, workingEpsg, Epsg.Cgcs2000)), feature.Attributes);
            JsonSerializer.Serialize(buffer, lonLat, GeoJson);
            if (buffer.Length > 1 << 16)
            {
                await stream.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
                buffer.SetLength(0);
            }
        }

        buffer.Write("]}"u8);
        await stream.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
    }

    /// <summary>Lon/lat to 7 decimals (about 1 cm), as gis-data stores them.</summary>
    private static Geometry Rounded(Geometry geometry)
    {
        geometry.Apply(new RoundFilter());
        return geometry;
    }

    private sealed class RoundFilter : ICoordinateSequenceFilter
    {
        public bool Done => false;

        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq, int i)
        {
            seq.SetX(i, Math.Round(seq.GetX(i), 7));
            seq.SetY(i, Math.Round(seq.GetY(i), 7));
        }
    }
}
