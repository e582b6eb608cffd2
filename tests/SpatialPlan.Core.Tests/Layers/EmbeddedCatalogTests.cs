using SpatialPlan.Core.Layers;
using SpatialPlan.Core.Styles;

namespace SpatialPlan.Core.Tests.Layers;

public class EmbeddedCatalogTests
{
    [Fact]
    public void TheEmbeddedCatalogLoadsAndEveryLayerHasAStyle()
    {
        var dir = DataDirectory.Resolve();
        var catalog = LayerCatalog.Load(dir);
        var styles = StyleBook.Load(dir);

        Assert.NotEmpty(catalog.Layers);
        Assert.All(catalog.Layers, l => Assert.NotNull(styles.Get(l.Style)));
        Assert.Equal(
            ["town-structure", "control-lines", "nature-reserves", "wetlands", "cultivated-land", "water-management", "sand-control",
             "showcase-belts", "base"],
            catalog.Groups.Select(g => g.Id));
    }

    [Fact]
    public void EverySchematicLayerSaysWhereItComesFrom()
    {
        var catalog = LayerCatalog.Load(DataDirectory.Resolve());

        Assert.All(catalog.Layers.Where(l => l.Schematic), l => Assert.False(string.IsNullOrWhiteSpace(l.ProvenanceZh), l.Id));
        Assert.StartsWith("示意数据", catalog.DataNoteZh, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryEmbeddedLayerLoadsThroughTheStoreIncludingFarReachingContext()
    {
        var store = new LayerStore(LayerCatalog.Load(DataDirectory.Resolve()));

        // Neighbouring counties and rivers reach 100+ km past the banner; they must load all the same.
        Assert.All(store.Catalog.Layers, l => Assert.True(store.Source(l.Id).Count > 0, l.Id));
        Assert.True(store.Source("farmland").Count >= 2000);
    }

    [Fact]
    public void AnUploadWithAStrayFeatureFarFromTheBannerIsStillRefused()
    {
        var json = """
            {"type":"FeatureCollection","features":[
              {"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[107.14,40.88]}},
              {"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[109.9,40.6]}}]}
            """;
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));

        var ex = Assert.Throws<SpatialPlan.Core.Sources.InputException>(
            () => SpatialPlan.Core.Sources.FeatureFileReader.Read(stream, "upload.geojson", new SpatialPlan.Core.Sources.ReadOptions { Area = Crs.TestAreas.Banner }));

        Assert.Equal(1, ex.FeatureIndex);
    }
}
