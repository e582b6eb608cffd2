using SpatialPlan.Core.Layers;
using SpatialPlan.Core.Sources;

namespace SpatialPlan.Core.Tests.Layers;

/// <summary>
/// A data folder with a problem is refused with one <see cref="InputException"/> that names the file and the catalog
/// entry, what is wrong and how to fix it — never a NullReferenceException, an ArgumentException from a dictionary,
/// or an AggregateException from the parallel preload. Layer files must lie inside the data folder.
/// </summary>
public sealed class DataFolderProblemTests : IDisposable
{
    private const string Square = """{"type":"Polygon","coordinates":[[[107.14,40.88],[107.15,40.88],[107.15,40.89],[107.14,40.89],[107.14,40.88]]]}""";
    private const string Group = """{"id":"g","titleZh":"组","titleEn":"G"}""";
    private readonly string _dir = Directory.CreateTempSubdirectory("data-folder-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("null", "layers[1] 是 null")]
    [InlineData("""{"id":null,"titleZh":"乙","titleEn":"B","group":"g","category":"wetland","file":"b.geojson","style":"s"}""", "缺少 id")]
    [InlineData("""{"id":"b","titleZh":"乙","titleEn":"B","group":"g","category":"wetland","file":null,"style":"s"}""", "缺少 file")]
    [InlineData("""{"id":"b","titleZh":null,"titleEn":"B","group":"g","category":"wetland","file":"b.geojson","style":"s"}""", "缺少 titleZh")]
    [InlineData("""{"id":"a","titleZh":"乙","titleEn":"B","group":"g","category":"wetland","file":"b.geojson","style":"s"}""", "图层 id 重复")]
    [InlineData("""{"id":"b","titleZh":"乙","titleEn":"B","group":"g","category":"wetland","file":"/etc/passwd","style":"s"}""", "不在数据目录内")]
    [InlineData("""{"id":"b","titleZh":"乙","titleEn":"B","group":"g","category":"wetland","file":"../../x.geojson","style":"s"}""", "不在数据目录内")]
    [InlineData("""{"id":"b","titleZh":"乙","titleEn":"B","group":"g","category":"wetland","file":"layers/../../b.geojson","style":"s"}""", "不在数据目录内")]
    [InlineData("""{"id":"b","titleZh":"乙","titleEn":"B","group":"g","category":"wetland","file":"sub","style":"s"}""", "是文件夹")]
    public void ACatalogEntryWithAProblemIsRefusedNamingTheEntry(string secondLayer, string expected)
    {
        WriteLayer("a.geojson", Feature("a1"));
        WriteLayer("b.geojson", Feature("b1"));
        Directory.CreateDirectory(Path.Combine(_dir, "sub"));
        WriteCatalog($$"""
            {"groups":[{{Group}}],
             "layers":[{"id":"a","titleZh":"甲","titleEn":"A","group":"g","category":"wetland","file":"a.geojson","style":"s"}, {{secondLayer}}]}
            """);

        var e = Assert.Throws<InputException>(() => LayerCatalog.Load(_dir));

        Assert.Equal(LayerCatalog.FileName, e.File);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.Contains("layers[1]", e.Message, StringComparison.Ordinal);
        Assert.Contains("处理办法", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ANullGroupIsRefused()
    {
        WriteLayer("a.geojson", Feature("a1"));
        WriteCatalog("""{"groups":[null],"layers":[{"id":"a","titleZh":"甲","titleEn":"A","group":"g","category":"wetland","file":"a.geojson","style":"s"}]}""");

        var e = Assert.Throws<InputException>(() => LayerCatalog.Load(_dir));

        Assert.Contains("groups[0]", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "空的")]
    [InlineData("""{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"b1"},"geometry":""", "截断")]
    [InlineData("""{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"b1"},"geometry":{"type":"Polygon","coordinates":[[[117.14,40.88],[117.15,40.88],[117.15,40.89],[117.14,40.89],[117.14,40.88]]]}}]}""", "km")]
    public void APreloadOfABrokenLayerThrowsOneInputExceptionNamingTheFileAndTheEntry(string content, string expected)
    {
        WriteLayer("a.geojson", Feature("a1"));
        File.WriteAllText(Path.Combine(_dir, "b.geojson"), content);
        // Layer a is the data's area: a layer far from it is refused ("km").
        WriteCatalog($$"""
            {"groups":[{{Group}}], "area":{"layer":"a"},
             "layers":[{"id":"a","titleZh":"甲","titleEn":"A","group":"g","category":"wetland","file":"a.geojson","style":"s","policy":"wetland"},
                       {"id":"b","titleZh":"乙","titleEn":"B","group":"g","category":"wetland","file":"b.geojson","style":"s","policy":"wetland"}]}
            """);
        var store = new LayerStore(LayerCatalog.Load(_dir));

        var e = Record.Exception(() => store.Preload());

        var input = Assert.IsType<InputException>(e);
        Assert.Contains("b.geojson", input.Message, StringComparison.Ordinal);
        Assert.Contains("catalog.json layers[1]：b", input.Message, StringComparison.Ordinal);
        Assert.Contains(expected, input.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicateFeatureIdsInALayerAreRefusedNamingBothFeatures()
    {
        WriteLayer("a.geojson", Feature("x") + "," + Feature("y") + "," + Feature("x"));
        WriteCatalog($$"""{"groups":[{{Group}}],"layers":[{"id":"a","titleZh":"甲","titleEn":"A","group":"g","category":"wetland","file":"a.geojson","style":"s"}]}""");
        var store = new LayerStore(LayerCatalog.Load(_dir));

        var e = Assert.Throws<InputException>(() => store.Get("a"));

        Assert.Equal(2, e.FeatureIndex);
        Assert.Contains("“x” 重复：第 1 个和第 3 个要素", e.Message, StringComparison.Ordinal);
        Assert.Contains("catalog.json layers[0]：a", e.Message, StringComparison.Ordinal);
    }

    private static string Feature(string id) => $$"""{"type":"Feature","properties":{"id":"{{id}}","name":"名"},"geometry":{{Square}}}""";

    private void WriteLayer(string name, string features) =>
        File.WriteAllText(Path.Combine(_dir, name), $$"""{"type":"FeatureCollection","features":[{{features}}]}""");

    private void WriteCatalog(string json) => File.WriteAllText(Path.Combine(_dir, LayerCatalog.FileName), json);
}
