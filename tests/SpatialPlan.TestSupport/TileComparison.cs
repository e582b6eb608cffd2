using NetTopologySuite.Algorithm.Distance;
using SpatialPlan.Core.Tiles;

namespace SpatialPlan.TestSupport;

/// <summary>
/// Compares two tiles of the same grid square as GDAL's MVT driver decodes them (docs/tiles.md §2, §7): the same layer
/// name, the same fids with the same properties, each drawn geometry within a pixel of the other's, and per combination of
/// filter values the same merged count and cells. Used to hold the database's tiles (ST_AsMVT) to the app's builder.
/// </summary>
public static class TileComparison
{
    /// <summary>What differs (empty when nothing does), and how many merged features the actual tile holds.</summary>
    public static (IReadOnlyList<string> Differences, int Merged) Compare(TileGrid grid, int z, long x, long y, byte[] expectedTile, byte[] actualTile,
        string layer, IReadOnlyList<string> filterProperties)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(expectedTile);
        ArgumentNullException.ThrowIfNull(actualTile);
        ArgumentNullException.ThrowIfNull(filterProperties);
        var where = $"z{z}/{x}/{y}";
        var differences = new List<string>();
        if (expectedTile.Length == 0 || actualTile.Length == 0)
        {
            if (expectedTile.Length != actualTile.Length)
            {
                differences.Add($"{where}: one tile is empty ({expectedTile.Length} vs {actualTile.Length} bytes)");
            }

            return (differences, 0);
        }

        var res = grid.Resolutions[z];
        var expected = GdalMvt.Read(grid, z, x, y, expectedTile);
        var actual = GdalMvt.Read(grid, z, x, y, actualTile);
        differences.AddRange(actual.Where(d => d.Layer != layer).Select(d => $"{where}: a feature in layer {d.Layer}, not {layer}").Take(1));

        var expectedDrawn = expected.Where(d => d.Properties.ContainsKey("fid")).ToDictionary(d => d.Properties["fid"]);
        var actualDrawn = actual.Where(d => d.Properties.ContainsKey("fid")).ToDictionary(d => d.Properties["fid"]);
        foreach (var fid in expectedDrawn.Keys.Except(actualDrawn.Keys).Take(5))
        {
            differences.Add($"{where}: {fid} is missing");
        }

        foreach (var fid in actualDrawn.Keys.Except(expectedDrawn.Keys).Take(5))
        {
            differences.Add($"{where}: {fid} should not be there");
        }

        foreach (var (fid, e) in expectedDrawn)
        {
            if (!actualDrawn.TryGetValue(fid, out var a))
            {
                continue;
            }

            var ep = string.Join(", ", e.Properties.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
            var ap = string.Join(", ", a.Properties.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
            if (ep != ap)
            {
                differences.Add($"{where} {fid}: properties {ap}, expected {ep}");
            }

            var off = DiscreteHausdorffDistance.Distance(e.Geometry, a.Geometry);
            if (off > res)
            {
                differences.Add($"{where} {fid}: {off:0.00} m from the expected geometry (a pixel is {res} m)\n  expected {e.Geometry.AsText()}\n  actual   {a.Geometry.AsText()}");
            }
        }

        var expectedMerged = expected.Where(d => d.Properties.ContainsKey("merged")).ToList();
        var actualMerged = actual.Where(d => d.Properties.ContainsKey("merged")).ToList();
        string Group(GdalMvt.Decoded d) => string.Join('|', filterProperties.Select(p => d.Properties.GetValueOrDefault(p)));
        var cell = res * TileBuilder.CoverageCellPixels;
        foreach (var e in expectedMerged)
        {
            var a = actualMerged.Where(m => Group(m) == Group(e)).ToList();
            if (a.Count != 1)
            {
                differences.Add($"{where}: {a.Count} merged features for ({Group(e)}), expected one");
                continue;
            }

            if (e.Properties["count"] != a[0].Properties["count"])
            {
                differences.Add($"{where} merged ({Group(e)}): count {a[0].Properties["count"]}, expected {e.Properties["count"]}");
            }

            // The same cells: the union of the expected rectangles and the actual multipolygon cover the same ground.
            var apart = e.Geometry.Union().SymmetricDifference(a[0].Geometry.Union()).Area;
            if (apart >= cell * cell / 2)
            {
                differences.Add($"{where} merged ({Group(e)}): the cells differ by {apart / (cell * cell):0.0} cells");
            }
        }

        if (actualMerged.Count != expectedMerged.Count)
        {
            differences.Add($"{where}: {actualMerged.Count} merged features, expected {expectedMerged.Count}");
        }

        return (differences, actualMerged.Count);
    }
}
