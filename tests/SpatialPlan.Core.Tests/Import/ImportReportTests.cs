using SpatialPlan.Core.Import;
using static SpatialPlan.Core.Tests.Import.ImportFixture;

namespace SpatialPlan.Core.Tests.Import;

/// <summary>
/// What the import reports, each against an independent answer: the overlapping 图斑 pairs and their areas against a
/// GDAL/GEOS self-join of the written layer (areas by GeographicLib's Planimeter), the repaired geometries against
/// GDAL's validity test, and the features outside the data area against GDAL's intersection with the area layer.
/// </summary>
public sealed class ImportReportTests : IDisposable
{
    private readonly ImportFixture _f = new();

    public void Dispose() => _f.Dispose();

    [Fact]
    public void OverlappingPairsAreThoseGdalsSelfJoinFindsWithTheSameAreas()
    {
        var source = _f.Write("p.geojson", Parcels(20, 10, overlapEvery: 10));

        var report = LayerImporter.Run(new ImportRequest(source, _f.Data, "jbnt", "permanent-farmland") { Crs = 4524 });

        var gpkg = Path.Combine(_f.Data, "layers", "jbnt.gpkg");
        // GEOS through GDAL: every pair whose intersection is an area more than 1 mm wide on average (2A/P), as the import counts.
        var oracle = Rows(gpkg, """
            SELECT a.fid * 1 AS fa, b.fid * 1 AS fb, ST_Area(ST_Intersection(a.geom, b.geom)) AS grid
            FROM jbnt a JOIN jbnt b ON a.fid < b.fid
            WHERE ST_Intersects(a.geom, b.geom) AND ST_Area(ST_Intersection(a.geom, b.geom)) > 0
              AND 2 * ST_Area(ST_Intersection(a.geom, b.geom)) / ST_Perimeter(ST_Intersection(a.geom, b.geom)) > 0.001
            ORDER BY a.fid, b.fid
            """);

        // Parcels 7, 17, … 187 reach 3 m into their right-hand neighbour (10 further on); 197 has none.
        Assert.Equal(19, oracle.Count);
        Assert.Equal(oracle.Select(r => (long.Parse(r["fa"]), long.Parse(r["fb"]))), report.Overlaps.Select(o => (o.FidA, o.FidB)));
        Assert.Equal(19, report.OverlapCount);
        // The true area of each overlap: GEOS's intersection, on the ellipsoid by Planimeter; its grid area is k² larger.
        var planimeter = _f.PlanimeterAreas(gpkg, ["-dialect", "SQLite", "-sql",
            "SELECT ST_Intersection(a.geom, b.geom) AS geom FROM jbnt a, jbnt b WHERE " +
            string.Join(" OR ", report.Overlaps.Select(o => $"(a.fid = {o.FidA} AND b.fid = {o.FidB})"))]);
        for (var i = 0; i < oracle.Count; i++)
        {
            var o = report.Overlaps[i];
            Assert.InRange(Number(oracle[i]["grid"]) / o.AreaM2, 1.0001, 1.0002); // k² at x ≈ 420 km (80 km west of 108°E)
            Assert.InRange(o.AreaM2 / planimeter[i], 1 - 1e-6, 1 + 1e-6);
        }

        Assert.Equal(report.Overlaps.Sum(o => o.AreaM2), report.OverlapAreaM2, 6);
        Assert.Equal(report.Overlaps[0].AreaMu, report.Overlaps[0].AreaM2 * 15 / 10_000, 9);
        Assert.Equal("150826000000000007", report.Overlaps[0].IdA);
    }

    [Fact]
    public void InvalidGeometriesAreRepairedAndEachIsListed()
    {
        var source = _f.Write("p.geojson", Parcels(10, 10, bowtieEvery: 25));

        var report = LayerImporter.Run(new ImportRequest(source, _f.Data, "jbnt", "permanent-farmland") { Crs = 4524 });

        var gpkg = Path.Combine(_f.Data, "layers", "jbnt.gpkg");
        Assert.Equal(4, report.RepairCount); // parcels 11, 36, 61, 86
        Assert.Equal([11L, 36, 61, 86], report.Repairs.Select(r => r.Fid));
        Assert.All(report.Repairs, r => Assert.Contains("自相交", r.Problem, StringComparison.Ordinal));
        Assert.All(report.Repairs, r => Assert.Contains("GeometryFixer", r.Action, StringComparison.Ordinal));
        Assert.Equal("100", Sql(gpkg, "SELECT SUM(ST_IsValid(geom)) AS v FROM jbnt")["v"]);
        Assert.Equal("0", Sql(gpkg, "SELECT COUNT(*) AS n FROM jbnt WHERE fid = 11 AND ST_IsValid(geom) = 0")["n"]);
        Assert.Equal(0, report.OutsideCount);
        Assert.Equal(100, report.FeaturesWritten);
    }

    [Fact]
    public void FeaturesOutsideTheDataAreaAreCountedAndListedAsGdalFindsThem()
    {
        // 30 parcels inside 杭锦后旗, 12 beyond its eastern edge (x ≈ 470 km, the banner ends at 449 km), and 6 across the line.
        var inside = Parcels(6, 5);
        var beyond = Parcels(4, 3, x0: 36_470_000, firstNumber: 31);
        var across = Parcels(6, 1, x0: 36_448_300, y0: 4_530_000, firstNumber: 43);
        var source = _f.Write("p.geojson", Merge(inside, beyond, across));

        var report = LayerImporter.Run(new ImportRequest(source, _f.Data, "mixed", "urban-boundary") { Crs = 4524 });

        var gpkg = Path.Combine(_f.Data, "layers", "mixed.gpkg");
        File.Copy(gpkg, _f.In("check.gpkg"));
        Ogr2Ogr("-update", "-t_srs", "EPSG:4545", "-nln", "banner", _f.In("check.gpkg"), Path.Combine(_f.Data, "layers", "banner-boundary.geojson"));
        var oracle = Rows(_f.In("check.gpkg"),
            "SELECT m.fid * 1 AS f FROM mixed m WHERE NOT EXISTS (SELECT 1 FROM banner b WHERE ST_Intersects(m.geom, b.geom)) ORDER BY m.fid");

        Assert.Equal(oracle.Select(r => long.Parse(r["f"])), report.Outside.Select(o => o.Fid));
        Assert.Equal(oracle.Count, report.OutsideCount);
        Assert.InRange(report.OutsideCount, 12, 18); // the 12 beyond, and those of the 6 by the line that GDAL also finds out
        Assert.Equal("杭锦后旗", report.AreaNameZh); // catalog.json area.nameZh
    }

    private static string Merge(params string[] collections)
    {
        var features = collections.Select(c => c[(c.IndexOf('[', StringComparison.Ordinal) + 1)..c.LastIndexOf(']')].Trim());
        return $"{{\"type\":\"FeatureCollection\",\"features\":[{string.Join(",", features)}]}}";
    }
}
