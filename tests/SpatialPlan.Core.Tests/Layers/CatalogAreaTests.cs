using SpatialPlan.Core.Layers;
using SpatialPlan.Core.Sources;
using SpatialPlan.Core.Tests.Data;

namespace SpatialPlan.Core.Tests.Layers;

/// <summary>catalog.json's area (docs/data-sources.md §1): names, boundary, working CRS declared or derived.</summary>
public sealed class CatalogAreaTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("spatialplan-area-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void TheEmbeddedCatalogDeclaresTheBannerAndEpsg4545()
    {
        var area = LayerCatalog.Load(GisDataFiles.Root).DataArea;
        Assert.Equal("杭锦后旗", area.NameZh);
        Assert.Equal("Hangjin Rear Banner", area.NameEn);
        Assert.Equal(4545, area.WorkingCrs!.Epsg);
        Assert.Contains("catalog.json 声明", area.WorkingCrsReasonZh, StringComparison.Ordinal);
        // The real boundary's box (reference-data PROVENANCE: 40.459–41.220 N, 106.589–107.387 E).
        Assert.Equal(106.589, area.LonLat.MinX, 0.01);
        Assert.Equal(107.387, area.LonLat.MaxX, 0.01);
        Assert.Equal(40.459, area.LonLat.MinY, 0.01);
        Assert.Equal(41.220, area.LonLat.MaxY, 0.01);
        Assert.InRange(area.WorkingExtent!.MinX, 380_000, 382_000);
    }

    [Theory]
    [InlineData("banner-boundary", 4545)]   // 杭锦后旗, centre 106.99°E → CM 108°E
    [InlineData("uradrear", 4544)]          // 乌拉特后旗, centre 106.41°E → CM 105°E
    public void WithoutWorkingCrsTheZoneOfTheBoundarysCentreIsTaken(string layer, int epsg)
    {
        CopyEmbeddedBoundaries();
        WriteCatalog("{\"area\": {\"layer\": \"" + layer + "\"}}");
        var area = LayerCatalog.Load(_dir).DataArea;
        Assert.Equal(epsg, area.WorkingCrs!.Epsg);
        Assert.Contains("推出", area.WorkingCrsReasonZh, StringComparison.Ordinal);
        Assert.Equal(layer == "uradrear" ? "乌拉特后旗" : "杭锦后旗", area.NameZh);
    }

    [Theory]
    [InlineData("\"EPSG:4524\"", "不带带号的 EPSG:4545")]
    [InlineData("\"EPSG:4490\"", "EPSG:4534–EPSG:4554")]
    [InlineData("\"4545\"", "EPSG:4534–EPSG:4554")]
    [InlineData("\"EPSG:4555\"", "EPSG:4534–EPSG:4554")]
    public void AWorkingCrsOfTheWrongFormIsRefused(string crs, string expected)
    {
        CopyEmbeddedBoundaries();
        WriteCatalog("{\"area\": {\"layer\": \"banner-boundary\", \"workingCrs\": " + crs + "}}");
        var e = Assert.Throws<InputException>(() => LayerCatalog.Load(_dir));
        Assert.Contains("area.workingCrs", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAreaNamingNoLayerIsRefused()
    {
        CopyEmbeddedBoundaries();
        WriteCatalog("""{"area": {"layer": "nowhere"}}""");
        var e = Assert.Throws<InputException>(() => LayerCatalog.Load(_dir));
        Assert.Contains("area.layer“nowhere”", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ADeclaredWorkingCrsWinsAndNamesTheArea()
    {
        CopyEmbeddedBoundaries();
        WriteCatalog("""{"area": {"layer": "uradrear", "nameZh": "乌拉特后旗（测试）", "nameEn": "Urad Rear (test)", "workingCrs": "EPSG:4545"}}""");
        var area = LayerCatalog.Load(_dir).DataArea;
        Assert.Equal(4545, area.WorkingCrs!.Epsg);
        Assert.Equal("乌拉特后旗（测试）", area.NameZh);
        Assert.Equal("Urad Rear (test)", area.NameEn);
    }

    [Fact]
    public void AnAreaLayerInUnprefixedMetresNeedsItsWorkingCrs()
    {
        CopyEmbeddedBoundaries();
        File.WriteAllText(Path.Combine(_dir, "gk.geojson"), """
            {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"某县"},
             "geometry":{"type":"Polygon","coordinates":[[[420000,4500000],[440000,4500000],[440000,4540000],[420000,4540000],[420000,4500000]]]}}]}
            """);
        WriteCatalog("""{"area": {"layer": "gk"}}""", """{"id":"gk","titleZh":"县界","titleEn":"Boundary","group":"base","category":"base","file":"gk.geojson","style":"b"}""");
        var e = Assert.Throws<InputException>(() => LayerCatalog.Load(_dir).DataArea);
        Assert.Contains("area.layer：gk", e.Message, StringComparison.Ordinal);
        Assert.Contains("workingCrs", e.Fix, StringComparison.Ordinal);

        WriteCatalog("""{"area": {"layer": "gk", "workingCrs": "EPSG:4545"}}""", """{"id":"gk","titleZh":"县界","titleEn":"Boundary","group":"base","category":"base","file":"gk.geojson","style":"b"}""");
        var area = LayerCatalog.Load(_dir).DataArea;
        Assert.Equal("某县", area.NameZh);
        Assert.Equal(107.17, area.LonLat.Centre.X, 0.01);
    }

    private void CopyEmbeddedBoundaries()
    {
        File.Copy(Path.Combine(GisDataFiles.Root, "layers", "banner-boundary.geojson"), Path.Combine(_dir, "banner.geojson"));
        // 乌拉特后旗 alone, from the embedded neighbours layer.
        var neighbours = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(GisDataFiles.Root, "layers", "neighbours.geojson")))!;
        var urad = neighbours["features"]!.AsArray().Single(f => (string?)f!["properties"]!["name"] == "乌拉特后旗")!.DeepClone();
        File.WriteAllText(Path.Combine(_dir, "urad.geojson"), new System.Text.Json.Nodes.JsonObject
        {
            ["type"] = "FeatureCollection",
            ["features"] = new System.Text.Json.Nodes.JsonArray(urad),
        }.ToJsonString());
    }

    private void WriteCatalog(string area, string? extraLayer = null)
    {
        var layers = """
            {"id":"banner-boundary","titleZh":"旗界","titleEn":"Banner","group":"base","category":"base","file":"banner.geojson","style":"b"},
            {"id":"uradrear","titleZh":"乌拉特后旗界","titleEn":"Urad Rear","group":"base","category":"base","file":"urad.geojson","style":"b"}
            """;
        var trimmed = area.Trim();
        var areaMember = trimmed[1..^1];
        File.WriteAllText(Path.Combine(_dir, LayerCatalog.FileName), $$"""
            {"groups":[{"id":"base","titleZh":"基础","titleEn":"Base"}], {{areaMember}},
             "layers":[{{layers}}{{(extraLayer is null ? string.Empty : "," + extraLayer)}}]}
            """);
    }
}
