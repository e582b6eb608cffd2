using SpatialPlan.Core.Layers;
using SpatialPlan.Core.Sources;

namespace SpatialPlan.Core.Tests.Layers;

public sealed class LayerCatalogTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("catalog-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void AValidCatalogLoadsInDrawingOrderWithItsZoneLayers()
    {
        WriteLayerFile("a.geojson");
        WriteLayerFile("b.geojson");
        WriteCatalog("""
            {"groups":[{"id":"g","titleZh":"组","titleEn":"G"}],
             "layers":[
               {"id":"base","titleZh":"底图","titleEn":"Base","group":"g","category":"base","file":"a.geojson","style":"s"},
               {"id":"red","titleZh":"红线","titleEn":"Red","group":"g","category":"ecological-redline","file":"b.geojson","style":"s","policy":"ecological-redline","schematic":true}
             ]}
            """);

        var catalog = LayerCatalog.Load(_dir);

        Assert.Equal(["base", "red"], catalog.Layers.Select(l => l.Id));
        Assert.Equal(["red"], catalog.ZoneLayers.Select(l => l.Id));
        Assert.True(catalog.Get("red").Schematic);
        Assert.Equal(Path.Combine(_dir, "b.geojson"), catalog.FullPath(catalog.Get("red")));
    }

    [Fact]
    public void AnUnknownCategoryIsRefusedWithTheValidNames()
    {
        WriteLayerFile("a.geojson");
        WriteCatalog("""
            {"groups":[{"id":"g","titleZh":"组","titleEn":"G"}],
             "layers":[{"id":"x","titleZh":"X","titleEn":"X","group":"g","category":"redline","file":"a.geojson","style":"s"}]}
            """);

        var ex = Assert.Throws<InputException>(() => LayerCatalog.Load(_dir));

        Assert.Contains("类别“redline”无效", ex.Message, StringComparison.Ordinal);
        Assert.Contains("ecological-redline", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingLayerFileIsNamed()
    {
        WriteCatalog("""
            {"groups":[{"id":"g","titleZh":"组","titleEn":"G"}],
             "layers":[{"id":"x","titleZh":"X","titleEn":"X","group":"g","category":"base","file":"nowhere.geojson","style":"s"}]}
            """);

        var ex = Assert.Throws<InputException>(() => LayerCatalog.Load(_dir));

        Assert.Contains("找不到图层文件 nowhere.geojson", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MalformedCatalogJsonSaysWhereAndHowToFix()
    {
        WriteCatalog("{\"layers\": [ {\"id\": }");

        var ex = Assert.Throws<InputException>(() => LayerCatalog.Load(_dir));

        Assert.Equal("catalog.json", ex.File);
        Assert.Contains("不是有效的 JSON", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFolderWithoutCatalogIsNotADataDirectory()
    {
        var ex = Assert.Throws<InputException>(() => DataDirectory.Resolve(_dir));

        Assert.Contains("不是数据目录", ex.Message, StringComparison.Ordinal);
        Assert.Contains("catalog.json", ex.Fix, StringComparison.Ordinal);
    }

    private void WriteCatalog(string json) => File.WriteAllText(Path.Combine(_dir, LayerCatalog.FileName), json);

    private void WriteLayerFile(string name) =>
        File.WriteAllText(Path.Combine(_dir, name), """{"type":"FeatureCollection","features":[]}""");
}
