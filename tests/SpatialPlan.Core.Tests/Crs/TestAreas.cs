using SpatialPlan.Core.Crs;
using SpatialPlan.Core.Layers;
using SpatialPlan.Core.Tests.Data;

namespace SpatialPlan.Core.Tests.Crs;

/// <summary>The data areas tests read and check against.</summary>
internal static class TestAreas
{
    private static readonly Lazy<DataArea> _banner = new(() => LayerCatalog.Load(GisDataFiles.Root).DataArea);

    /// <summary>The embedded gis-data's area: 杭锦后旗, working CRS EPSG:4545 (as its catalog.json declares).</summary>
    public static DataArea Banner => _banner.Value;

    /// <summary>CGCS2000 3-degree Gauss-Kruger CM 108°E (EPSG:4545), the embedded data's working CRS.</summary>
    public static GaussKrugerZone Gk108 { get; } = GaussKrugerZone.FromEpsg(4545)!;
}
