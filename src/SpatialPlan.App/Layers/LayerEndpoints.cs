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

    /// <summary>
    /// Most features one <c>/api/layers/{id}</c> answer of a tiled layer sends (docs/tiles.md §4): a larger tiled layer
    /// without a bbox, or a bbox holding more, is a 413 pointing to the tiles and the features query.
    /// </summary>
    public const int MaxWholeTiledFeatures = 20_000;

    /// <summary>Most features one <c>/api/layers/{id}/features</c> answer sends: more is a 413 asking to zoom in.</summary>
    public const int MaxQueriedFeatures = 5_000;

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
        group.MapGet("/{id}/features", FeatureQuery.Get);
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
        var tiled = data.Tiles.IsTiled(id);
        if (box is null && tiled && data.Store.Source(id).Count > MaxWholeTiledFeatures)
        {
            return TooBig(id, data.Store.Source(id).Count, whole: true);
        }

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
            if (tiled && hits.Count > MaxWholeTiledFeatures)
            {
                return TooBig(id, hits.Count, whole: false);
            }

            if (hits.Count > MaxStreamedFeatures)
            {
                return TooMany(id, hits.Count);
            }

            // A GeoJSON layer keeps its lon/lat features: send those, exactly as stored.
            features = source is GeoJsonLayerSource g
                ? hits.OrderBy(f => f.Key).Select(f => (g.Data.Features[(int)f.Key], true))
                : hits.OrderBy(f => f.Key).Select(f => (WithId(f), false));
        }

        return TypedResults.Stream(stream => Write(stream, features, source.WorkingEpsg), "application/geo+json");
    }

    /// <summary>A tiled layer too big for one GeoJSON answer: 413, pointing to its tiles and the features query.</summary>
    private static ProblemHttpResult TooBig(string id, long count, bool whole) => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "图层过大，请用分块 / Layer too large: use its tiles",
        detail: (whole
                ? $"图层“{id}”有 {count:N0} 个要素，超过一次可整层传送的 {MaxWholeTiledFeatures:N0} 个。"
                : $"图层“{id}”在此范围内有 {count:N0} 个要素，超过一次可传送的 {MaxWholeTiledFeatures:N0} 个。")
            + $"处理办法：地图按矢量分块显示它：/api/tiles/{id}/{{z}}/{{x}}/{{y}}.mvt（网格见 /api/layers 中该图层的 tiles）；查询要素的完整几何和属性用 /api/layers/{id}/features?at=经度,纬度 或 ?bbox=最小经度,最小纬度,最大经度,最大纬度（放大到较小范围）。 "
            + (whole
                ? $"Layer '{id}' has {count:N0} features, over the {MaxWholeTiledFeatures:N0} one whole-layer answer sends. "
                : $"Layer '{id}' has {count:N0} features in this box, over the {MaxWholeTiledFeatures:N0} one answer sends. ")
            + $"Draw it from its vector tiles, /api/tiles/{id}/{{z}}/{{x}}/{{y}}.mvt (grid in its 'tiles' object in /api/layers), and query full features with /api/layers/{id}/features?at=lon,lat or ?bbox=minLon,minLat,maxLon,maxLat over a smaller area.");

    /// <summary>An indexed layer's feature for a GeoJSON answer, its <c>id</c> the feature id tiles and checks use (<see cref="Core.Tiles.TileSchema.Fid"/>).</summary>
    internal static IFeature WithId(LayerFeature f)
    {
        var attributes = new AttributesTable();
        foreach (var name in f.Attributes.GetNames())
        {
            attributes.Add(name, f.Attributes[name]);
        }

        attributes.Add(IdProperty, Core.Tiles.TileSchema.Fid(f));
        return new Feature(f.Geometry, attributes);
    }

    /// <summary>The attribute the GeoJSON writer turns into a feature's <c>id</c>.</summary>
    internal const string IdProperty = "_NetTopologySuite_id";

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

    internal static async Task Write(Stream stream, IEnumerable<(IFeature Feature, bool Geographic)> features, int workingEpsg)
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
