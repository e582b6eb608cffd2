using System.IO.Compression;
using System.Text.Json.Nodes;
using SpatialPlan.Core.Import;
using SpatialPlan.Core.Sources;
using static SpatialPlan.Core.Tests.Import.ImportFixture;

namespace SpatialPlan.Core.Tests.Import;

/// <summary>
/// Each source format, built by GDAL's ogr2ogr from GeoJSON the test writes, imports into an indexed GeoPackage in the
/// working CRS (EPSG:4545) with the national fields mapped; GDAL then reads what was written: the same features, the
/// same grid areas as the source (a zone prefix is a pure shift), and geodesic areas (GDAL/PROJ on the ellipsoid) that
/// agree with the import's scale-corrected total within 1e-6.
/// </summary>
public sealed class ImportFormatTests : IDisposable
{
    private readonly ImportFixture _f = new();

    public void Dispose() => _f.Dispose();

    [Fact]
    public void AShapefileInZone36WithTheZonePrefixAndNationalFieldsImportsWithItsAreas()
    {
        var shp = Shapefile("jbnt", Parcels(20, 10));
        Assert.Contains("CGCS2000_3_Degree_GK_Zone_36", File.ReadAllText(_f.In("jbnt.prj")), StringComparison.Ordinal);

        var report = LayerImporter.Run(new ImportRequest(shp, _f.Data, "jbnt", "permanent-farmland"));

        Assert.Equal("EPSG:4524", report.SourceCrs);
        Assert.Equal("EPSG:4545", report.WorkingCrs);
        Assert.Contains(".prj", report.CrsReasonZh, StringComparison.Ordinal);
        Assert.Equal(200, report.FeaturesRead);
        Assert.Equal(200, report.FeaturesWritten);
        Assert.Equal("JBNTTBBH", report.Fields["id"]);
        Assert.Equal("ZLDWMC", report.Fields["name"]);
        Assert.Equal("DLMC", report.Fields["landClass"]);
        Assert.StartsWith("TBMJ", report.Fields["areaMu"], StringComparison.Ordinal);
        Assert.True(report.OutsideCount == 0, string.Join(", ", report.Outside));
        Assert.Equal(0, report.OverlapCount);
        Assert.Equal(0, report.RepairCount);

        var gpkg = Layer("jbnt");
        var written = Sql(gpkg, "SELECT SUM(ST_Area(geom)) AS a, SUM(areaMu) AS mu, SUM(TBMJ) AS m2, " +
                                "COUNT(*) AS n, MIN(ST_MinX(geom)) AS x FROM jbnt");
        var source = Sql(shp, "SELECT SUM(ST_Area(geometry)) AS a FROM jbnt");
        Assert.Equal("200", written["n"]);
        Assert.InRange(Number(written["x"]), 400_000, 500_000); // the zone prefix is gone
        Relative(Number(source["a"]), Number(written["a"]), 1e-9);
        Relative(Number(_f.PlanimeterArea(gpkg, "jbnt")), report.AreaM2, 1e-6);
        Relative(Number(written["m2"]) * 15 / 10_000, Number(written["mu"]), 1e-12); // TBMJ is m²; areaMu = TBMJ in 亩
        Relative(Number(written["mu"]), report.AttributeAreaMu!.Value, 1e-12);

        // The GBK attributes came through as text, the normalised columns beside the originals.
        var first = Sql(gpkg, "SELECT id, name, landClass, DLMC, QSDWMC, TBBH FROM jbnt WHERE fid = 1");
        Assert.Equal("150826000000000001", first["id"]);
        Assert.Equal("第01村", first["name"]);
        Assert.Equal("水浇地", first["landClass"]);
        Assert.Equal("水浇地", first["DLMC"]);
        Assert.Equal("0001", first["TBBH"]);

        // GDAL's spatial filter uses the R-tree and finds the parcels in a window.
        var window = Run("ogrinfo", "-ro", "-so", "-al", "-spat", "420000", "4525000", "420300", "4525300", gpkg);
        Assert.Matches(@"Feature Count: [1-9]", window);

        var entry = Entry("jbnt");
        Assert.Equal("gpkg", (string?)entry["source"]!["type"]);
        Assert.Equal("layers/jbnt.gpkg", (string?)entry["source"]!["file"]);
        Assert.Equal("jbnt", (string?)entry["source"]!["table"]);
        Assert.Equal("permanent-farmland", (string?)entry["policy"]);
        Assert.Equal("control-lines", (string?)entry["group"]);
        Assert.Equal("farmland", (string?)entry["style"]);
        Assert.False((bool)entry["schematic"]!);
        Assert.Equal("永久基本农田", (string?)entry["titleZh"]);
    }

    [Fact]
    public void AZippedShapefileImportsLikeTheShp()
    {
        Shapefile("zipped", Parcels(5, 4));
        var zip = _f.In("zipped.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            foreach (var ext in new[] { ".shp", ".shx", ".dbf", ".prj", ".cpg" })
            {
                archive.CreateEntryFromFile(_f.In("zipped" + ext), "dir/zipped" + ext);
            }
        }

        var report = LayerImporter.Run(new ImportRequest(zip, _f.Data, "zipped", "permanent-farmland") { Title = "永久基本农田（2023 年）" });

        Assert.Equal(20, report.FeaturesWritten);
        Assert.Equal("EPSG:4524", report.SourceCrs);
        Assert.Equal("永久基本农田（2023 年）", (string?)Entry("zipped")["titleZh"]);
        Assert.Equal("第01村", Sql(Layer("zipped"), "SELECT name FROM zipped WHERE fid = 1")["name"]);
    }

    [Fact]
    public void AGeoPackageTableIsNamedAsFileColonTableAndItsSrsIdIsItsCrs()
    {
        var geojson = _f.Write("p.geojson", Parcels(6, 5));
        var gpkg = _f.In("source.gpkg");
        Ogr2Ogr("-f", "GPKG", "-s_srs", "EPSG:4524", "-t_srs", "EPSG:4545", "-nln", "yjjbnt", gpkg, geojson);
        Ogr2Ogr("-f", "GPKG", "-update", "-s_srs", "EPSG:4524", "-t_srs", "EPSG:4545", "-nln", "other", gpkg, geojson);

        var ambiguous = Assert.Throws<InputException>(() => LayerImporter.Run(new ImportRequest(gpkg, _f.Data, "g", "permanent-farmland")));
        Assert.Contains("文件.gpkg:表名", ambiguous.Message, StringComparison.Ordinal);

        var report = LayerImporter.Run(new ImportRequest(gpkg + ":yjjbnt", _f.Data, "g", "permanent-farmland"));

        Assert.Equal("EPSG:4545", report.SourceCrs);
        Assert.Contains("srs_id", report.CrsReasonZh, StringComparison.Ordinal);
        Assert.Equal(30, report.FeaturesWritten);
        var sums = Sql(Layer("g"), "SELECT SUM(ST_Area(geom)) AS a FROM g");
        Relative(Number(Sql(gpkg, "SELECT SUM(ST_Area(geom)) AS a FROM yjjbnt")["a"]), Number(sums["a"]), 1e-9);
        Relative(Number(_f.PlanimeterArea(Layer("g"), "g")), report.AreaM2, 1e-6);
    }

    [Fact]
    public void AGeoJsonInLonLatWithItsCrsMemberIsProjectedIntoTheWorkingCrs()
    {
        var source = _f.Write("p4524.geojson", Parcels(8, 5));
        var geojson = _f.In("lonlat.geojson");
        Ogr2Ogr("-f", "GeoJSON", "-lco", "RFC7946=NO", "-s_srs", "EPSG:4524", "-t_srs", "EPSG:4490", "-nln", "lonlat", geojson, source);
        Assert.Contains("EPSG::4490", File.ReadAllText(geojson), StringComparison.Ordinal);

        var report = LayerImporter.Run(new ImportRequest(geojson, _f.Data, "lonlat", "permanent-farmland"));

        Assert.Equal("EPSG:4490", report.SourceCrs);
        Assert.Contains("crs 成员", report.CrsReasonZh, StringComparison.Ordinal);
        Assert.Equal(40, report.FeaturesWritten);
        // Ellipsoidal areas of the source's own lon/lat vertices (GeographicLib) against the import's scale-corrected ones.
        Relative(Number(_f.PlanimeterArea(geojson, "lonlat")), report.AreaM2, 1e-6);
    }

    [Fact]
    public void GeoJsonLinesWithoutACrsAreTakenAsLonLatFromTheirValues()
    {
        var source = _f.Write("p.geojson", Parcels(7, 3));
        var lines = _f.In("parcels.geojsonl");
        Ogr2Ogr("-f", "GeoJSONSeq", "-s_srs", "EPSG:4524", "-t_srs", "EPSG:4326", lines, source);
        Assert.Equal(21, File.ReadAllLines(lines).Count(l => l.Trim().Length > 0));

        var report = LayerImporter.Run(new ImportRequest(lines, _f.Data, "lines", "permanent-farmland"));

        Assert.Equal("GeoJSON Lines", report.Format);
        Assert.Equal("EPSG:4490", report.SourceCrs);
        Assert.Contains("未声明坐标系", report.CrsReasonZh, StringComparison.Ordinal);
        Assert.Equal(21, report.FeaturesWritten);
        Relative(Number(_f.PlanimeterArea(lines, "parcels")), report.AreaM2, 1e-6);
        Assert.Equal("150826000000000021", Sql(Layer("lines"), "SELECT id FROM lines WHERE fid = 21")["id"]);
    }

    [Fact]
    public void AShapefileWithoutPrjIsJudgedByItsZonePrefixedEastings()
    {
        var shp = Shapefile("noprj", Parcels(4, 4));
        File.Delete(_f.In("noprj.prj"));

        var report = LayerImporter.Run(new ImportRequest(shp, _f.Data, "noprj", "permanent-farmland"));

        Assert.Equal("EPSG:4524", report.SourceCrs);
        Assert.Contains("按坐标范围", report.CrsReasonZh, StringComparison.Ordinal);
        Assert.Contains(report.Notes, n => n.Contains(".prj", StringComparison.Ordinal));
    }

    [Fact]
    public void SurveyorsSwappedAxesAreSwappedBackAndSaid()
    {
        var source = _f.Write("swapped.geojson", Parcels(3, 3, map: (x, y) => (y, x)));

        var report = LayerImporter.Run(new ImportRequest(source, _f.Data, "swapped", "permanent-farmland") { Crs = 4524 });

        Assert.True(report.AxesSwapped);
        Assert.Contains("X/Y swapped", report.CrsReasonZh, StringComparison.Ordinal);
        Assert.InRange(Number(Sql(Layer("swapped"), "SELECT MIN(ST_MinX(geom)) AS x FROM swapped")["x"]), 400_000, 500_000);
    }

    [Fact]
    public void TheIdAndNameFieldsCanBeChosen()
    {
        var shp = Shapefile("chosen", Parcels(2, 2));

        var report = LayerImporter.Run(new ImportRequest(shp, _f.Data, "chosen", "general-farmland") { IdField = "bsm", NameField = "QSDWMC" });

        Assert.Equal("BSM", report.Fields["id"]);
        Assert.Equal("QSDWMC", report.Fields["name"]);
        Assert.Equal("4", Sql(Layer("chosen"), "SELECT id FROM chosen WHERE fid = 4")["id"]);
        var e = Assert.Throws<InputException>(() => LayerImporter.Run(new ImportRequest(shp, _f.Data, "chosen2", "general-farmland") { IdField = "NOPE" }));
        Assert.Contains("--id-field", e.Message, StringComparison.Ordinal);
        Assert.Contains("JBNTTBBH", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ShapefileHolesAndMultipartParcelsKeepTheirRingsAsGdalReadsThem()
    {
        // A parcel with two holes (a 农渠 crossing and a well house), a parcel in two parts across a 毛渠, one plain parcel:
        // the decoder must put each hole in its shell and each part apart, as GDAL does (its areas are the oracle).
        var source = """
            {"type":"FeatureCollection","features":[
             {"type":"Feature","properties":{"JBNTTBBH":"A","TBMJ":1},"geometry":{"type":"Polygon","coordinates":[
               [[36420000,4525000],[36420200,4525000],[36420200,4525100],[36420000,4525100],[36420000,4525000]],
               [[36420010,4525010],[36420010,4525030],[36420050,4525030],[36420050,4525010],[36420010,4525010]],
               [[36420100,4525050],[36420100,4525060],[36420110,4525060],[36420110,4525050],[36420100,4525050]]]}},
             {"type":"Feature","properties":{"JBNTTBBH":"B","TBMJ":2},"geometry":{"type":"MultiPolygon","coordinates":[
               [[[36420300,4525000],[36420400,4525000],[36420400,4525040],[36420300,4525040],[36420300,4525000]]],
               [[[36420300,4525045],[36420400,4525045],[36420400,4525100],[36420300,4525100],[36420300,4525045]],
                [[36420350,4525060],[36420350,4525070],[36420360,4525070],[36420360,4525060],[36420350,4525060]]]]}},
             {"type":"Feature","properties":{"JBNTTBBH":"C","TBMJ":3},"geometry":{"type":"Polygon","coordinates":[
               [[36420500,4525000],[36420600,4525000],[36420600,4525100],[36420500,4525000]]]}}]}
            """;
        var shp = Shapefile("rings", source);

        var report = LayerImporter.Run(new ImportRequest(shp, _f.Data, "rings", "permanent-farmland"));

        Assert.Equal(3, report.FeaturesWritten);
        Assert.Equal(0, report.RepairCount);
        var gpkg = Layer("rings");
        var expected = Rows(shp, "SELECT JBNTTBBH AS id, ST_Area(geometry) AS a, ST_NumInteriorRing(geometry) AS h, ST_NumGeometries(geometry) AS n FROM rings ORDER BY JBNTTBBH");
        var written = Rows(gpkg, "SELECT id, ST_Area(geom) AS a, ST_NumInteriorRing(geom) AS h, ST_NumGeometries(geom) AS n FROM rings ORDER BY id");
        Assert.Equal(["A", "B", "C"], written.Select(r => r["id"]));
        Assert.Equal((20_000 - 800 - 100), Number(expected[0]["a"]), 6); // GDAL read the holes back from the Shapefile
        for (var i = 0; i < 3; i++)
        {
            Relative(Number(expected[i]["a"]), Number(written[i]["a"]), 1e-12);
            Assert.Equal(expected[i]["n"], written[i]["n"]);
        }

        Assert.Equal("2", written[0]["h"]);
        Assert.Equal("2", written[1]["n"]);
    }

    [Fact]
    public void AShapefileBrokenHalfwayLeavesTheDataFolderAsItWas()
    {
        var shp = Shapefile("broken", Parcels(30, 30));
        var before = Snapshot(_f.Data);

        // Record 600's content length is made to run past the end of the file.
        var bytes = File.ReadAllBytes(shp);
        var at = 100;
        for (var record = 1; record < 600; record++)
        {
            at += 8 + (2 * System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(at + 4)));
        }

        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(at + 4), 1_000_000);
        File.WriteAllBytes(shp, bytes);

        var e = Assert.Throws<InputException>(() => LayerImporter.Run(new ImportRequest(shp, _f.Data, "broken", "permanent-farmland")));

        Assert.Contains("600", e.Message, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(_f.Data));
    }

    /// <summary>Every file of a folder with its bytes' hash.</summary>
    private static List<string> Snapshot(string directory) => Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
        .Select(f => Path.GetRelativePath(directory, f) + " " + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f)))).ToList();

    private string Shapefile(string name, string geojson)
    {
        var source = _f.Write(name + ".geojson", geojson);
        var shp = _f.In(name + ".shp");
        Ogr2Ogr("-f", "ESRI Shapefile", "-a_srs", "EPSG:4524", "-lco", "ENCODING=CP936", shp, source);
        return shp;
    }

    private string Layer(string id) => Path.Combine(_f.Data, "layers", id + ".gpkg");

    private JsonObject Entry(string id) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(_f.Data, "catalog.json")))!["layers"]!.AsArray().OfType<JsonObject>().Single(l => (string?)l["id"] == id);

    private static void Relative(double expected, double actual, double tolerance) =>
        Assert.True(Math.Abs(actual - expected) <= tolerance * Math.Abs(expected), $"expected {expected:R}, got {actual:R} (relative {Math.Abs(actual - expected) / Math.Abs(expected):E2} > {tolerance:E0})");
}
