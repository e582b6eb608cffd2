using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using SpatialPlan.Core.Checks;
using SpatialPlan.Core.Crs;
using SpatialPlan.Core.Layers;
using SpatialPlan.Core.Layers.Sources;
using SpatialPlan.Core.Sources;
using SpatialPlan.Core.Tests.Checks;
using SpatialPlan.TestSupport;

namespace SpatialPlan.Core.Tests.Layers.Sources;

/// <summary>
/// The catalog's layer <c>source</c> (docs/data-sources.md §1): the old <c>file</c> and a credit string still work, an
/// object names a GeoJSON file, a GeoPackage table or a PostGIS table, <c>fields</c> maps the national field names, and
/// a source that cannot work is refused naming the entry.
/// </summary>
public sealed class CatalogSourceTests : IDisposable
{
    private const string Group = """{"id":"g","titleZh":"组","titleEn":"G"}""";
    private readonly TempFolder _dir = new("sp-catalog");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void ASourceIsACreditStringOrAnObjectThatNamesWhereTheFeaturesAre()
    {
        Directory.CreateDirectory(_dir["layers"]);
        File.WriteAllText(_dir["layers/a.geojson"], """{"type":"FeatureCollection","features":[]}""");
        TestParcels.WriteGeoPackage(_dir["layers/b.gpkg"], "b", TestParcels.Make(2, 2));
        WriteCatalog(
            """{"id":"a","titleZh":"甲","titleEn":"A","group":"g","category":"wetland","file":"layers/a.geojson","style":"s","source":"DataV.GeoAtlas"}""",
            """{"id":"b","titleZh":"乙","titleEn":"B","group":"g","category":"permanent-farmland","style":"s","source":{"type":"gpkg","file":"layers/b.gpkg","table":"b","credit":"县自然资源局 2024"},"fields":{"id":"JBNTTBBH","landClass":"DLMC"}}""",
            """{"id":"c","titleZh":"丙","titleEn":"C","group":"g","category":"permanent-farmland","style":"s","source":{"type":"postgis","connection":"Host=db;Username=u;Password=secret","table":"public.farmland"}}""");

        var catalog = LayerCatalog.Load(_dir.Path);

        var a = catalog.Get("a");
        Assert.Equal("DataV.GeoAtlas", a.Source);
        Assert.Equal(LayerSourceSpec.GeoJsonType, a.SourceType);
        Assert.Equal("layers/a.geojson", a.SourceSpec!.File);
        var b = catalog.Get("b");
        Assert.Equal("县自然资源局 2024", b.Source);
        Assert.Equal(new LayerSourceSpec { Type = "gpkg", File = "layers/b.gpkg", Table = "b", Credit = "县自然资源局 2024" }, b.Origin);
        Assert.Equal("JBNTTBBH", b.Fields!.IdField);
        Assert.Equal("name", b.Fields.NameField);
        Assert.Equal(_dir["layers/b.gpkg"], catalog.FullPath(b));
        var c = catalog.Get("c");
        Assert.Equal(LayerSourceSpec.PostgisType, c.SourceType);
        Assert.Null(LayerCatalog.FileOf(c));

        // What the browser gets (/api/layers): the credit and the kind of source, never a connection string or field map.
        var json = JsonSerializer.Serialize(catalog.Layers, new JsonSerializerOptions(JsonSerializerDefaults.Web));
        Assert.Contains("\"source\":\"县自然资源局 2024\"", json.Replace("\\u53BF\\u81EA\\u7136\\u8D44\\u6E90\\u5C40", "县自然资源局", StringComparison.Ordinal)
            .Replace("\\u53bf\\u81ea\\u7136\\u8d44\\u6e90\\u5c40", "县自然资源局", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("\"sourceType\":\"postgis\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", json, StringComparison.Ordinal);
        Assert.DoesNotContain("JBNTTBBH", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"type":"shapefile","file":"layers/b.gpkg"}""", "type “shapefile”无效")]
    [InlineData("""{"type":"postgis","connection":"env:PG"}""", "须写 table 与 connection")]
    [InlineData("""{"type":"postgis","table":"public.x"}""", "须写 table 与 connection")]
    [InlineData("""{"type":"gpkg"}""", "source 没有 file")]
    [InlineData("""{"type":"gpkg","file":"layers/missing.gpkg"}""", "找不到图层文件 layers/missing.gpkg")]
    [InlineData("""{"type":"gpkg","file":"../outside.gpkg"}""", "不在数据目录内")]
    [InlineData("""{"type":"gpkg","file":"layers/b.gpkg"},"file":"layers/other.geojson","visible":true""", "两者不一致")]
    [InlineData("""42""", "source")]
    public void ASourceThatCannotWorkIsRefusedNamingTheEntry(string source, string expected)
    {
        Directory.CreateDirectory(_dir["layers"]);
        TestParcels.WriteGeoPackage(_dir["layers/b.gpkg"], "b", TestParcels.Make(2, 2));
        WriteCatalog($$"""{"id":"b","titleZh":"乙","titleEn":"B","group":"g","category":"permanent-farmland","style":"s","source":{{source}}}""");

        var e = Assert.Throws<InputException>(() => LayerCatalog.Load(_dir.Path));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.Contains("处理办法", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FieldsMapTheNationalFieldNamesForTheReport()
    {
        var parcels = TestParcels.Make(20, 20);
        WriteFarmland(parcels, ""","fields":{"id":"JBNTTBBH","landClass":"DLMC"}""");
        var check = SiteCheck.Load(_dir.Path);
        var o = TestParcels.Origin;

        var zone = check.Run(Footprint(new Envelope(o.X + 150, o.X + 450, o.Y + 150, o.Y + 450)), new CheckOptions("urban-construction")).Zones.Single();

        Assert.NotEmpty(zone.Features);
        Assert.All(zone.Features, f => Assert.StartsWith("150826", f.Id, StringComparison.Ordinal));
        Assert.All(zone.Features, f => Assert.Equal("水浇地", f.LandClass));
        Assert.All(zone.Features, f => Assert.StartsWith("图斑 T", f.Name, StringComparison.Ordinal));
    }

    [Fact]
    public void AnIndexedFeatureWithoutItsLevelIsRefusedWhenACheckReadsIt()
    {
        // Wetlands have levels; an indexed layer is not read whole up front, so the feature is checked as it is read.
        var parcels = TestParcels.Make(30, 30);
        foreach (var (_, a) in parcels.Skip(1))
        {
            a.Add("level", "general");
        }

        Directory.CreateDirectory(_dir["layers"]);
        var columns = TestParcels.Columns.Append(new Core.Layers.GeoPackage.GpkgColumn("level", Core.Layers.GeoPackage.GpkgColumnType.Text)).ToList();
        using (var writer = Core.Layers.GeoPackage.GpkgLayerWriter.Create(_dir["layers/wetlands.gpkg"], "wetlands", Epsg.GaussKruger108, TestParcels.Gk4545Wkt, "EPSG:4545", columns))
        {
            foreach (var (g, a) in parcels)
            {
                writer.Add(g, [.. columns.Select(c => a.Exists(c.Name) ? a[c.Name] : null)]);
            }

            writer.Complete();
        }

        WriteCatalog("""{"id":"wetlands","titleZh":"湿地","titleEn":"Wetlands","group":"g","category":"wetland","style":"s","policy":"wetland","source":{"type":"gpkg","file":"layers/wetlands.gpkg"}}""");
        CopyPolicy();
        var check = SiteCheck.Load(_dir.Path);
        var first = parcels[0].Geometry.EnvelopeInternal;
        var elsewhere = parcels[^1].Geometry.EnvelopeInternal;

        Assert.Single(check.Run(Footprint(Shrunk(elsewhere)), new CheckOptions("urban-construction")).Zones.Single().Features);
        var e = Assert.Throws<InputException>(() => check.Run(Footprint(Shrunk(first)), new CheckOptions("urban-construction")));
        Assert.Contains("没有级别（level）", e.Message, StringComparison.Ordinal);
        Assert.Contains("layers/wetlands.gpkg", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AGeoJsonLayerTooLargeToHoldInMemoryIsRefusedPointingToImport()
    {
        Directory.CreateDirectory(_dir["layers"]);
        using (var file = File.Create(_dir["layers/farmland.geojson"]))
        {
            file.SetLength(GeoJsonLayerSource.MaxBytes + 1); // sparse: nothing is written, nothing is read
        }

        WriteCatalog("""{"id":"farmland","titleZh":"永久基本农田","titleEn":"Farmland","group":"g","category":"permanent-farmland","style":"s","policy":"permanent-farmland","file":"layers/farmland.geojson"}""");
        CopyPolicy();

        var e = Assert.Throws<InputException>(() => SiteCheck.Load(_dir.Path));

        Assert.Contains("超过整层读入内存的上限", e.Message, StringComparison.Ordinal);
        Assert.Contains("spatialplan import", e.Message, StringComparison.Ordinal);
        Assert.Contains("layers/farmland.geojson（catalog.json layers[0]：farmland）", e.Message, StringComparison.Ordinal);
    }

    private static Envelope Shrunk(Envelope e) => new(e.MinX + 20, e.MaxX - 20, e.MinY + 20, e.MaxY - 20);

    private static Footprint Footprint(Envelope e) =>
        Core.Checks.Footprint.FromGk([new GeometryFactory(new PrecisionModel(), Epsg.GaussKruger108).ToGeometry(e)], Crs.TestAreas.Gk108, new CheckOptions("urban-construction"));

    private void WriteFarmland(List<(Geometry Geometry, AttributesTable Attributes)> parcels, string extra)
    {
        Directory.CreateDirectory(_dir["layers"]);
        TestParcels.WriteGeoPackage(_dir["layers/farmland.gpkg"], "farmland", parcels);
        WriteCatalog($$"""{"id":"farmland","titleZh":"永久基本农田","titleEn":"Farmland","group":"g","category":"permanent-farmland","style":"s","policy":"permanent-farmland","source":{"type":"gpkg","file":"layers/farmland.gpkg","table":"farmland"}{{extra}}}""");
        CopyPolicy();
    }

    private void CopyPolicy() => File.Copy(Path.Combine(CheckFixtures.DataDir, CheckPolicy.FileName), _dir[CheckPolicy.FileName], overwrite: true);

    private void WriteCatalog(params string[] layers) =>
        File.WriteAllText(_dir[LayerCatalog.FileName], $$"""{"groups":[{{Group}}],"layers":[{{string.Join(",", layers)}}]}""");
}
