using System.Diagnostics;
using NetTopologySuite.Geometries;
using SpatialPlan.Core.Crs;
using SpatialPlan.Core.Layers.GeoPackage;

namespace SpatialPlan.Core.Tests.Layers.GeoPackage;

/// <summary>
/// The GeoPackage layer file: what we write, GDAL reads (ogrinfo is the independent reader), and what GDAL writes, we
/// read; envelope queries through the R-tree return exactly the features a brute-force scan finds.
/// </summary>
public sealed class GpkgLayerFileTests : IDisposable
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4545);
    private readonly string _dir = Directory.CreateTempSubdirectory("sp-gpkg-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void WhatWeWriteGdalReadsWithTheSameFeaturesAttributesAndAreas()
    {
        var path = Write("farmland", Grid(20, 20));

        var info = Ogr("-so", "-al", path);
        Assert.Contains("Feature Count: 400", info, StringComparison.Ordinal);
        Assert.Contains("Geometry: Polygon", info, StringComparison.Ordinal);
        Assert.Contains("4545", info, StringComparison.Ordinal);
        Assert.Contains("JBNTTBBH: String", info, StringComparison.Ordinal);
        Assert.Contains("TBMJ: Real", info, StringComparison.Ordinal);

        // GDAL's own sum of areas and of our attribute, over the same rows.
        var sums = Ogr("-dialect", "SQLite", "-sql", "SELECT sum(ST_Area(geom)) AS a, sum(TBMJ) AS m, count(*) AS n FROM farmland", path);
        Assert.Contains("a (Real) = 4000000", sums, StringComparison.Ordinal);
        Assert.Contains("m (Real) = 4000000", sums, StringComparison.Ordinal);
        Assert.Contains("n (Integer) = 400", sums, StringComparison.Ordinal);
        Assert.Contains("JBNT-0123", Ogr("-al", "-where", "fid = 124", path), StringComparison.Ordinal);

        // GDAL's validator finds the R-tree it expects (an ogrinfo spatial filter uses it).
        var filtered = Ogr("-al", "-so", "-spat", "433000", "4527000", "433150", "4527150", path);
        Assert.Contains("Feature Count: 4", filtered, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEnvelopeQueryReturnsExactlyWhatAScanFinds()
    {
        var features = Grid(30, 30);
        var path = Write("parcels", features);
        using var reader = GpkgLayerReader.Open(path);

        Assert.True(reader.HasIndex);
        Assert.Equal(900, reader.Count());
        Assert.Equal(4545, reader.Srid);
        var window = new Envelope(433_250, 433_530, 4_527_120, 4_527_380);
        var expected = features.Where(f => f.Geometry.EnvelopeInternal.Intersects(window)).Select(f => (string)f.Values[0]!).Order().ToList();
        var actual = reader.Query(window).Select(f => (string)f.Attributes["JBNTTBBH"]).Order().ToList();

        Assert.NotEmpty(expected);
        Assert.Equal(expected, actual);
        var one = reader.Get(1)!;
        Assert.Equal(features[0].Geometry, one.Geometry);
        Assert.Equal(10_000.0, (double)one.Attributes["TBMJ"]);
        Assert.Equal(4545, one.Geometry.SRID);
    }

    [Fact]
    public void WhatGdalWritesWeRead()
    {
        var geojson = Path.Combine(_dir, "in.geojson");
        File.WriteAllText(geojson, """
            {"type":"FeatureCollection","features":[
             {"type":"Feature","properties":{"TBBH":"0001","DLMC":"水浇地","TBMJ":12.5},"geometry":{"type":"Polygon","coordinates":[[[107.1,40.8],[107.101,40.8],[107.101,40.801],[107.1,40.801],[107.1,40.8]]]}},
             {"type":"Feature","properties":{"TBBH":"0002","DLMC":"旱地","TBMJ":null},"geometry":{"type":"Polygon","coordinates":[[[107.2,40.9],[107.201,40.9],[107.201,40.901],[107.2,40.901],[107.2,40.9]]]}}]}
            """);
        var gpkg = Path.Combine(_dir, "gdal.gpkg");
        Run("ogr2ogr", "-f", "GPKG", "-nln", "dltb", "-a_srs", "EPSG:4490", gpkg, geojson);

        Assert.Equal(["dltb"], GpkgLayerReader.FeatureTables(gpkg));
        using var reader = GpkgLayerReader.Open(gpkg, "dltb");
        var all = reader.All().ToList();

        Assert.True(reader.HasIndex);
        Assert.Equal(4490, reader.Srid);
        Assert.Equal(["0001", "0002"], all.Select(f => (string)f.Attributes["TBBH"]));
        Assert.Equal("水浇地", all[0].Attributes["DLMC"]);
        Assert.False(all[1].Attributes.Exists("TBMJ"));
        Assert.Single(reader.Query(new Envelope(107.15, 107.25, 40.85, 40.95)));
    }

    [Fact]
    public void AWriteThatIsNotCompletedLeavesTheOldFileAndNoTemporaryFile()
    {
        var path = Write("parcels", Grid(2, 2));
        var before = File.ReadAllBytes(path);

        using (var writer = GpkgLayerWriter.Create(path, "parcels", 4545, GaussKrugerZone.FromEpsg(4545)!.Wkt, "CGCS2000 / 3-degree Gauss-Kruger CM 108E",
            [new GpkgColumn("JBNTTBBH", GpkgColumnType.Text), new GpkgColumn("TBMJ", GpkgColumnType.Real)]))
        {
            writer.Add(Factory.CreatePoint(new Coordinate(1, 1)), ["x", 1.0]);
        }

        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal([Path.GetFileName(path)], Directory.GetFiles(_dir).Select(Path.GetFileName));
    }

    [Fact]
    public void TheBulkLoadedRtreeIsOneSqlitesOwnCheckAcceptsAndThatSqliteAndGdalKeepUpToDate()
    {
        // 120 × 100 squares: 235 leaves under 5 interior nodes under the root (three levels).
        var features = Grid(120, 100);
        var path = Write("many", features);

        Assert.Equal("ok", Scalar(path, "SELECT rtreecheck('rtree_many_geom')"));
        Assert.Equal("12000", Scalar(path, "SELECT count(*) FROM rtree_many_geom_rowid"));
        using (var reader = GpkgLayerReader.Open(path))
        {
            var random = new Random(8);
            for (var k = 0; k < 50; k++)
            {
                var x = 433_000 + (random.NextDouble() * 12_000);
                var y = 4_527_000 + (random.NextDouble() * 10_000);
                var window = new Envelope(x, x + (random.NextDouble() * 800), y, y + (random.NextDouble() * 800));
                var expected = features.Where(f => f.Geometry.EnvelopeInternal.Intersects(window)).Select(f => (string)f.Values[0]!).Order().ToList();
                Assert.Equal(expected, reader.Query(window).Select(f => (string)f.Attributes["JBNTTBBH"]).Order().ToList());
            }
        }

        // GDAL appends a feature: its R-tree triggers update our tree, which stays valid and finds it.
        var extra = Path.Combine(_dir, "extra.geojson");
        File.WriteAllText(extra, """{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"JBNTTBBH":"NEW","TBMJ":1},"geometry":{"type":"Polygon","coordinates":[[[500000,4600000],[500010,4600000],[500010,4600010],[500000,4600000]]]}}]}""");
        Run("ogr2ogr", "-append", "-update", "-nln", "many", "-a_srs", "EPSG:4545", path, extra);
        Assert.Equal("ok", Scalar(path, "SELECT rtreecheck('rtree_many_geom')"));
        Assert.Contains("Feature Count: 1", Ogr("-al", "-so", "-spat", "499999", "4599999", "500011", "4600011", path), StringComparison.Ordinal);
    }

    [Fact]
    public void AFileThatIsNotAGeoPackageIsNamedInTheError()
    {
        var path = Path.Combine(_dir, "not.gpkg");
        File.WriteAllText(path, "hello");

        var e = Assert.Throws<GpkgException>(() => GpkgLayerReader.Open(path));
        Assert.Contains("not.gpkg", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSameFeaturesWithAFixedLastChangeAreTheSameBytesSoTheDataVersionHoldsAcrossGenerations()
    {
        var first = File.ReadAllBytes(Write("fixed", Grid(20, 10), "2026-01-01T00:00:00.000Z"));
        Thread.Sleep(20); // the default last_change has millisecond resolution
        File.Delete(Path.Combine(_dir, "fixed.gpkg"));
        var second = File.ReadAllBytes(Write("fixed", Grid(20, 10), "2026-01-01T00:00:00.000Z"));
        var stamped = Write("stamped", Grid(2, 2));

        Assert.Equal(first, second);
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(_dir, "fixed.gpkg")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT last_change FROM gpkg_contents";
        Assert.Equal("2026-01-01T00:00:00.000Z", command.ExecuteScalar());
        using var other = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={stamped};Mode=ReadOnly;Pooling=False");
        other.Open();
        using var now = other.CreateCommand();
        now.CommandText = "SELECT last_change FROM gpkg_contents";
        Assert.StartsWith(DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), (string)now.ExecuteScalar()!, StringComparison.Ordinal);
    }

    private string Write(string table, List<(Geometry Geometry, object?[] Values)> features, string? lastChange = null)
    {
        var path = Path.Combine(_dir, table + ".gpkg");
        using var writer = GpkgLayerWriter.Create(path, table, 4545, GaussKrugerZone.FromEpsg(4545)!.Wkt, "CGCS2000 / 3-degree Gauss-Kruger CM 108E",
            [new GpkgColumn("JBNTTBBH", GpkgColumnType.Text), new GpkgColumn("TBMJ", GpkgColumnType.Real)], "永久基本农田", "POLYGON", lastChange: lastChange);
        foreach (var (geometry, values) in features)
        {
            writer.Add(geometry, values);
        }

        writer.Complete();
        return path;
    }

    /// <summary>n × m squares of 100 m × 100 m from (433 000, 4 527 000), each with a 图斑编号 and its area.</summary>
    private static List<(Geometry Geometry, object?[] Values)> Grid(int n, int m)
    {
        var list = new List<(Geometry, object?[])>();
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < m; j++)
            {
                var x = 433_000 + (i * 100.0);
                var y = 4_527_000 + (j * 100.0);
                var square = Factory.CreatePolygon([new(x, y), new(x + 100, y), new(x + 100, y + 100), new(x, y + 100), new(x, y)]);
                list.Add((square, [$"JBNT-{list.Count:0000}", 10_000.0]));
            }
        }

        return list;
    }

    private static string Scalar(string path, string sql)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture)!;
    }

    private static string Ogr(params string[] args) => Run("ogrinfo", ["-ro", .. args]);

    private static string Run(string program, params string[] args)
    {
        var psi = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"{program} failed: {output}");
        return output;
    }
}
