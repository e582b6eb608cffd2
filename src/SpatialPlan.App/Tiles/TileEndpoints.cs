using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using SpatialPlan.App.Layers;
using SpatialPlan.Core.Layers.Sources;
using SpatialPlan.Core.Tiles;

namespace SpatialPlan.App.Tiles;

/// <summary>
/// <c>GET /api/tiles/{layer}/{z}/{x}/{y}.mvt</c>: a Mapbox Vector Tile of a tiled layer in the area's working-CRS grid
/// (docs/tiles.md). Answers carry an ETag (data version, layer, z/x/y, tile format version, the layer file's stamp),
/// <c>Cache-Control: no-cache</c> (the browser revalidates, and gets a 304 while nothing changed) and
/// <c>Server-Timing: tile;dur=…</c> (the server's time on the tile). An empty tile is a 200 with an empty body.
/// </summary>
public static class TileEndpoints
{
    /// <summary>The media type of a vector tile.</summary>
    public const string MediaType = "application/vnd.mapbox-vector-tile";

    /// <summary>Changes whenever what a tile holds or how it is encoded changes, so old ETags no longer match.</summary>
    public const string ContentVersion = "mvt-3";

    public static IEndpointRouteBuilder MapTiles(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/tiles/{layer}/{z}/{x}/{y}.mvt", GetTile);
        return app;
    }

    private static async Task<IResult> GetTile(string layer, string z, string x, string y, PlanData data, HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        var plan = data.Tiles;
        if (data.Catalog.Find(layer) is null)
        {
            return NotFound("图层不存在 / Unknown layer",
                $"没有编号为“{layer}”的图层。处理办法：可用的图层及其分块地址见 /api/layers。 There is no layer '{layer}'; see /api/layers for the layers and their tile URLs.");
        }

        if (!plan.IsTiled(layer) || plan.Grid is not { } grid)
        {
            return NotFound("图层不分块 / Layer not tiled",
                $"图层“{layer}”较小，不分块提供。处理办法：用 /api/layers/{layer} 取整层 GeoJSON。 Layer '{layer}' is small and served whole, not as tiles; fetch /api/layers/{layer}.");
        }

        if (!int.TryParse(z, NumberStyles.None, CultureInfo.InvariantCulture, out var zi)
            || !long.TryParse(x, NumberStyles.None, CultureInfo.InvariantCulture, out var xi)
            || !long.TryParse(y, NumberStyles.None, CultureInfo.InvariantCulture, out var yi))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "分块编号无效 / Bad tile address",
                detail: $"“{z}/{x}/{y}”不是分块编号。处理办法：z、x、y 须为非负整数，按 /api/layers 中该图层 tiles 的 resolutions 与 origin 计算。 '{z}/{x}/{y}' is not a tile address: z, x and y are whole numbers ≥ 0 in the grid /api/layers gives.");
        }

        if (!grid.Contains(zi, xi, yi))
        {
            return NotFound("分块不在网格内 / Tile outside the grid",
                $"分块 {zi}/{xi}/{yi} 不在网格内（级别 0–{grid.MaxZoom}，第 z 级 x、y 为 0 至 2^z−1）。处理办法：按 /api/layers 中的 tiles 网格取块。 Tile {zi}/{xi}/{yi} is outside the grid (levels 0–{grid.MaxZoom}, x and y from 0 to 2^z−1 at level z).");
        }

        var schema = plan.Schema(layer)!;
        var etag = ETag(data, layer, zi, xi, yi);
        var headers = context.Response.Headers;
        headers.ETag = etag;
        headers.CacheControl = "no-cache";
        if (context.Request.Headers.IfNoneMatch.Any(v => v is not null && v.Split(',').Select(t => t.Trim()).Any(t => t == etag || t == "*" || t == "W/" + etag)))
        {
            headers.Append("Server-Timing", Timing(started));
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        var (tile, hit) = await data.TileCache.GetOrMake(etag, () => Make(data, layer, schema, grid, zi, xi, yi));
        headers.Append("Server-Timing", Timing(started) + (hit ? ", cache;desc=hit" : ", cache;desc=miss"));
        return TypedResults.Bytes(tile, MediaType);
    }

    /// <summary>The app makes ahead every level whose tiles hold on average more features than this (docs/tiles.md §3). At
    /// 2 000, a million 图斑's level 5 was left to its first requests: 30–200 ms a tile, the slowest of the map bench.</summary>
    public const long PrewarmFeaturesPerTile = 500;

    /// <summary>
    /// Makes and caches, once the layers are warm, the small-scale tiles of every tiled layer that meet its extent: level 0
    /// and each further level whose tiles hold on average more than <see cref="PrewarmFeaturesPerTile"/> features (levels
    /// 0–3 for the embedded 44 491 图斑, 0–5 for a million: 759 tiles in 15 s, 56 MB). Those read the most features each
    /// (0.1–1 s a tile for a million at levels 0–3, tens of milliseconds at levels 4–5); the first views then come from the
    /// cache, which keeps them apart from its bound. A tile that fails is left for its request to report.
    /// </summary>
    internal static void Prewarm(PlanData data, ILogger? logger, CancellationToken cancellationToken)
    {
        var plan = data.Tiles;
        if (plan.Grid is not { } grid)
        {
            return;
        }

        var started = Stopwatch.GetTimestamp();
        var made = 0;
        foreach (var layer in plan.Layers)
        {
            try
            {
                var source = data.Store.Source(layer);
                var extent = source.Extent;
                var count = source.Count;
                for (var z = 0; z <= grid.MaxZoom && (z == 0 || count >> (2 * z) > PrewarmFeaturesPerTile); z++)
                {
                    for (long x = 0; x < 1L << z; x++)
                    {
                        for (long y = 0; y < 1L << z; y++)
                        {
                            cancellationToken.ThrowIfCancellationRequested();
                            if (!extent.IsNull && grid.TileExtent(z, x, y).Intersects(extent))
                            {
                                _ = data.TileCache.GetOrMake(ETag(data, layer, z, x, y), () => Make(data, layer, plan.Schema(layer)!, grid, z, x, y), keep: true).GetAwaiter().GetResult();
                                made++;
                            }
                        }
                    }
                }
            }
            catch (Core.Sources.InputException e)
            {
                logger?.LogWarning("layer {Layer}: tiles not made ahead: {Message}", layer, e.Message);
            }
        }

        logger?.LogInformation("{Count} small-scale tiles made ahead in {Ms:0} ms ({Kb:0} KB kept)", made, Stopwatch.GetElapsedTime(started).TotalMilliseconds, data.TileCache.KeptBytes / 1024.0);
    }

    // Made without the request's cancellation: other requests may wait on the same tile, and it is kept for them.
    private static byte[] Make(PlanData data, string layer, TileSchema schema, TileGrid grid, int z, long x, long y)
    {
        var source = data.Store.Source(layer);
        // The warm in-memory copy answers when it is there and holds what the tile needs (it keeps the mapped fields
        // only): under a millisecond at large scales. Otherwise a PostGIS layer's tile is made by the database
        // (ST_AsMVT over the grid, docs/tiles.md §7) — a layer too big to copy, one not copied yet, one whose style
        // reads other columns — and only then is it built here from the index's rows.
        var warmAnswers = source is WarmingLayerSource { IsWarm: true } && schema.MappedOnly;
        if (!warmAnswers && (source is WarmingLayerSource w ? w.Cold : source) is IDatabaseTiles database
            && database.Tile(grid, z, x, y, layer, schema) is { } made)
        {
            return made;
        }

        var rows = !schema.MappedOnly && source is WarmingLayerSource warming ? warming.Cold : source;
        var features = rows.Query(TileBuilder.QueryExtent(grid, z, x, y));
        return TileBuilder.Build(grid, z, x, y, layer, features, schema);
    }

    private static string ETag(PlanData data, string layer, int z, long x, long y)
    {
        var key = string.Create(CultureInfo.InvariantCulture, $"{data.DataVersion}\n{data.LayerStamp(layer)}\n{layer}\n{z}/{x}/{y}\n{ContentVersion}");
        return "\"" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)).AsSpan(0, 16)) + "\"";
    }

    private static string Timing(long started) =>
        string.Create(CultureInfo.InvariantCulture, $"tile;dur={Stopwatch.GetElapsedTime(started).TotalMilliseconds:0.0}");

    private static ProblemHttpResult NotFound(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: title, detail: detail);
}
