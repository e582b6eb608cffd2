using System.Globalization;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using SpatialPlan.Core.Crs;
using SpatialPlan.Core.Layers.Sources;
using SpatialPlan.Core.Tiles;

namespace SpatialPlan.App.Layers;

/// <summary>
/// <c>GET /api/layers/{id}/features</c>: identify and select by query (docs/tiles.md §5). Tiles hold simplified geometry
/// and a few attributes; this answers the features themselves, full geometry (lon/lat, EPSG:4490, to 7 decimals as the
/// layer answer) and every attribute, each with <c>id</c> = its fid. One of
/// <list type="bullet">
/// <item><c>at=lon,lat[&amp;tol=metres]</c>: features within <c>tol</c> metres (default 0: the polygons the point is in);</item>
/// <item><c>bbox=minLon,minLat,maxLon,maxLat</c>: features whose geometry meets the box;</item>
/// <item><c>ids=fid1,fid2,…</c>: those features (with a bbox too, searched in it only).</item>
/// </list>
/// More than <see cref="LayerEndpoints.MaxQueriedFeatures"/> is a 413 asking to zoom in.
/// </summary>
internal static class FeatureQuery
{
    /// <summary>Largest tolerance, metres (a click's few pixels at the smallest scale are well under it).</summary>
    public const double MaxTolerance = 5_000;

    /// <summary>Most ids one query names.</summary>
    public const int MaxIds = 1_000;

    private static readonly GeometryFactory Factory = new();

    public static async Task<IResult> Get(string id, string? at, string? tol, string? bbox, string? ids, PlanData data, HttpContext context)
    {
        var layer = data.Catalog.Find(id);
        if (layer is null || (layer.SourceType == LayerSourceSpec.GeoJsonType && data.LayerFile(id) is null))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "图层不存在 / Unknown layer",
                detail: $"没有编号为“{id}”的图层，或其数据文件不在数据目录中。可用的图层见 /api/layers。 There is no layer '{id}' or its file is missing from the data folder; see /api/layers.");
        }

        if ((at is null ? 0 : 1) + (bbox is null && ids is null ? 0 : 1) != 1 || (at is not null && ids is not null))
        {
            return Bad("查询条件不对 / Say what to query",
                "须给出且只给出一种查询：at=经度,纬度（可加 tol=米）、bbox=最小经度,最小纬度,最大经度,最大纬度，或 ids=编号1,编号2（可加 bbox）。 " +
                "Give one query: at=lon,lat (with tol=metres), bbox=minLon,minLat,maxLon,maxLat, or ids=fid1,fid2 (with a bbox to search in).");
        }

        var source = data.Store.Source(id);
        var rows = source is WarmingLayerSource warming ? warming.Cold : source;
        var epsg = source.WorkingEpsg;
        List<LayerFeature> found;
        if (at is not null)
        {
            var (lon, lat) = ParsePoint(at);
            var tolerance = ParseTolerance(tol);
            var p = CrsTransformer.Transform(new Coordinate(lon, lat), Epsg.Cgcs2000, epsg);
            var point = Factory.CreatePoint(p);
            var box = new Envelope(p);
            box.ExpandBy(Math.Max(tolerance, 0.001));
            found = [.. rows.Query(box).Where(f => tolerance > 0 ? f.Geometry.IsWithinDistance(point, tolerance) : f.Geometry.Intersects(point))];
        }
        else
        {
            Geometry? area = null;
            if (bbox is not null)
            {
                var lonLat = LayerEndpoints.ParseBbox(bbox);
                area = CrsTransformer.Transform(Densified(lonLat), Epsg.Cgcs2000, epsg);
            }

            if (ids is null)
            {
                var hits = rows.Query(area!.EnvelopeInternal);
                if (hits.Count > LayerEndpoints.MaxQueriedFeatures * 4)
                {
                    return TooMany(id, hits.Count);
                }

                found = [.. hits.Where(f => f.Geometry.Intersects(area))];
            }
            else
            {
                var wanted = ParseIds(ids);
                // Look the ids up in the warm copy when there is one (in memory), else in the source; then read those rows whole.
                var search = area?.EnvelopeInternal ?? source.Extent;
                var matches = (search.IsNull ? [] : source.Query(search)).Where(f => wanted.Contains(TileSchema.Fid(f))).ToList();
                if (matches.Count > LayerEndpoints.MaxQueriedFeatures)
                {
                    return TooMany(id, matches.Count);
                }

                found = ReferenceEquals(rows, source)
                    ? matches
                    : [.. matches.Select(m => rows.Query(m.Geometry.EnvelopeInternal).FirstOrDefault(f => f.Key == m.Key) ?? m)];
            }
        }

        if (found.Count > LayerEndpoints.MaxQueriedFeatures)
        {
            return TooMany(id, found.Count);
        }

        found.Sort((a, b) => a.Key.CompareTo(b.Key));
        // A GeoJSON layer keeps its lon/lat features: send those as stored, with their id.
        IEnumerable<(IFeature, bool)> features = source is GeoJsonLayerSource g
            ? found.Select(f => (WithId(g.Data.Features[(int)f.Key], f), true))
            : found.Select(f => (LayerEndpoints.WithId(f), false));
        return TypedResults.Stream(stream => LayerEndpoints.Write(stream, features, epsg), "application/geo+json");
    }

    private static IFeature WithId(IFeature stored, LayerFeature f)
    {
        var attributes = new AttributesTable();
        foreach (var name in stored.Attributes?.GetNames() ?? [])
        {
            attributes.Add(name, stored.Attributes![name]);
        }

        attributes.Add(LayerEndpoints.IdProperty, TileSchema.Fid(f));
        return new Feature(stored.Geometry, attributes);
    }

    private static Polygon Densified(Envelope lonLat)
    {
        const int Steps = 16;
        var ring = new List<Coordinate>();
        for (var i = 0; i < Steps; i++)
        {
            ring.Add(new Coordinate(lonLat.MinX + (lonLat.Width * i / Steps), lonLat.MinY));
        }

        for (var i = 0; i < Steps; i++)
        {
            ring.Add(new Coordinate(lonLat.MaxX, lonLat.MinY + (lonLat.Height * i / Steps)));
        }

        for (var i = 0; i < Steps; i++)
        {
            ring.Add(new Coordinate(lonLat.MaxX - (lonLat.Width * i / Steps), lonLat.MaxY));
        }

        for (var i = 0; i < Steps; i++)
        {
            ring.Add(new Coordinate(lonLat.MinX, lonLat.MaxY - (lonLat.Height * i / Steps)));
        }

        ring.Add(ring[0].Copy());
        return Factory.CreatePolygon([.. ring]);
    }

    private static (double Lon, double Lat) ParsePoint(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length == 2
            && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon) && double.IsFinite(lon) && lon is >= -180 and <= 180
            && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat) && double.IsFinite(lat) && lat is >= -90 and <= 90)
        {
            return (lon, lat);
        }

        throw new Core.Sources.InputException(
            $"at=“{text}”不是经纬度点（at is not a lon/lat point）。",
            "写成 at=经度,纬度（EPSG:4490，例如 at=107.1,40.85）。");
    }

    private static double ParseTolerance(string? text)
    {
        if (text is null)
        {
            return 0;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var t) && double.IsFinite(t) && t >= 0 && t <= MaxTolerance)
        {
            return t;
        }

        throw new Core.Sources.InputException(
            $"tol=“{text}”不是有效的容差（tol is not a tolerance in metres）。",
            $"写成 tol=米数，0 至 {MaxTolerance:0}（例如点、线要素用屏幕上约 5 个像素对应的米数）。");
    }

    private static HashSet<string> ParseIds(string text)
    {
        var ids = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        if (ids.Count is 0 or > MaxIds)
        {
            throw new Core.Sources.InputException(
                $"ids=“{(text.Length > 60 ? text[..60] + "…" : text)}”须列出 1 至 {MaxIds} 个要素编号（ids must name 1–{MaxIds} feature ids）。",
                "写成 ids=编号1,编号2（即 /api/layers/{id}/features 答复中要素的 id、分块中的 fid）；更多时分批查询。");
        }

        return ids;
    }

    private static IResult Bad(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: title, detail: detail);

    private static IResult TooMany(string id, long count) => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "要素过多，请放大 / Too many features: zoom in",
        detail: $"图层“{id}”此查询有 {(count > LayerEndpoints.MaxQueriedFeatures * 4 ? "超过 " + (LayerEndpoints.MaxQueriedFeatures * 4).ToString("N0", CultureInfo.InvariantCulture) : count.ToString("N0", CultureInfo.InvariantCulture))} 个要素，超过一次可返回的 {LayerEndpoints.MaxQueriedFeatures:N0} 个。处理办法：放大地图，缩小 bbox 范围或减少 ids 后再查询。 " +
                $"Layer '{id}' has {count:N0} candidate features for this query, over the {LayerEndpoints.MaxQueriedFeatures:N0} one answer returns; zoom in or ask for a smaller bbox or fewer ids.");
}
