using System.Globalization;
using System.Text.RegularExpressions;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using SpatialPlan.Core.Tiles;
namespace SpatialPlan.TestSupport;

/// <summary>
/// Reads a tile with GDAL's MVT driver (the oracle): the tile is laid out as <c>z/x/y.pbf</c> beside a metadata.json that
/// states the grid (crs, top-left origin, side at level 0, as GDAL itself writes for a custom tiling scheme), so GDAL
/// places the tile's integer coordinates in the working CRS by its own arithmetic. Shared by the Core tile tests and the
/// app's tile API tests.
/// </summary>
public static partial class GdalMvt
{
    public sealed record Decoded(string Layer, Geometry Geometry, IReadOnlyDictionary<string, string> Properties);

    public static IReadOnlyList<Decoded> Read(TileGrid grid, int z, long x, long y, byte[] tile, bool clip = false)
    {
        ArgumentNullException.ThrowIfNull(grid);
        return Read(grid.Crs, grid.OriginX, grid.OriginY, grid.Side, z, x, y, tile, clip);
    }

    /// <summary>The tile (z, x, y) of the grid with this CRS, top-left origin and side at level 0, as GDAL decodes it.</summary>
    public static IReadOnlyList<Decoded> Read(string crs, double originX, double originY, double side, int z, long x, long y, byte[] tile, bool clip = false)
    {
        using var folder = new TempFolder("sp-mvt");
        var dir = Path.Combine(folder.Path, z.ToString(CultureInfo.InvariantCulture), x.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(dir);
        var file = Path.Combine(dir, y.ToString(CultureInfo.InvariantCulture) + ".pbf");
        File.WriteAllBytes(file, tile);
        var metadata = Path.Combine(folder.Path, "metadata.json");
        File.WriteAllText(metadata, string.Create(CultureInfo.InvariantCulture,
            $"{{\"name\":\"t\",\"format\":\"pbf\",\"crs\":\"{crs}\",\"tile_origin_upper_left_x\":{originX:R},\"tile_origin_upper_left_y\":{originY:R},\"tile_dimension_zoom_0\":{side:R},\"minzoom\":0,\"maxzoom\":{Math.Max(z, 1)}}}"));
        var text = ExternalTool.OgrInfo("-al", "-oo", "METADATA_FILE=" + metadata, "-oo", "CLIP=" + (clip ? "YES" : "NO"), file);
        return Parse(text);
    }

    private static List<Decoded> Parse(string text)
    {
        var reader = new WKTReader();
        var result = new List<Decoded>();
        string? layer = null;
        Dictionary<string, string>? props = null;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (FeatureLine().Match(line) is { Success: true } f)
            {
                layer = f.Groups[1].Value;
                props = new Dictionary<string, string>(StringComparer.Ordinal);
            }
            else if (props is not null && PropertyLine().Match(line) is { Success: true } p)
            {
                props[p.Groups[1].Value] = p.Groups[2].Value;
            }
            else if (props is not null && line.StartsWith("  ", StringComparison.Ordinal) && GeometryLine().IsMatch(line.Trim()))
            {
                result.Add(new Decoded(layer!, reader.Read(line.Trim()), props));
                props = null;
            }
        }

        return result;
    }

    [GeneratedRegex(@"^OGRFeature\(([^)]*)\):\d+")]
    private static partial Regex FeatureLine();

    [GeneratedRegex(@"^  (\S+) \([A-Za-z0-9()]+\) = (.*)$")]
    private static partial Regex PropertyLine();

    [GeneratedRegex(@"^(MULTI)?(POINT|LINESTRING|POLYGON)")]
    private static partial Regex GeometryLine();
}
