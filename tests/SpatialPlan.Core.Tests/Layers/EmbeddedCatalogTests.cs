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
            ["town-structure", "control-lines", "wetlands", "showcase-belts", "base"],
            catalog.Groups.Select(g => g.Id));
    }

    [Fact]
    public void EverySchematicLayerSaysWhereItComesFrom()
    {
        var catalog = LayerCatalog.Load(DataDirectory.Resolve());

        Assert.All(catalog.Layers.Where(l => l.Schematic), l => Assert.False(string.IsNullOrWhiteSpace(l.ProvenanceZh), l.Id));
        Assert.StartsWith("示意数据", catalog.DataNoteZh, StringComparison.Ordinal);
    }
}
