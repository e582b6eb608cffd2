using NetTopologySuite.Geometries;
using SpatialPlan.Core.Layers;

namespace SpatialPlan.Core.Tests.Layers;

public sealed class LayerStoreTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("store-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void AFeatureMeasuresItsAreaAndPerimeterOnceAndItsSlimCopyKeepsThem()
    {
        // A 30 × 40 m rectangle with a 10 × 10 m hole: 1 100 m², perimeter 140 + 40 m.
        var f = new GeometryFactory();
        var g = f.CreatePolygon(
            f.CreateLinearRing([new(0, 0), new(30, 0), new(30, 40), new(0, 40), new(0, 0)]),
            [f.CreateLinearRing([new(5, 5), new(5, 15), new(15, 15), new(15, 5), new(5, 5)])]);
        var feature = new Core.Layers.Sources.LayerFeature(1, g, new NetTopologySuite.Features.AttributesTable { { "id", "A" } }, Core.Layers.Sources.FieldMap.Default);
        Assert.Equal(1_100, feature.Area, 9);
        Assert.Equal(180, feature.Length, 9);
        var slim = feature.Slim();
        Assert.Equal(1_100, slim.Area, 9);
        Assert.Equal(180, slim.Length, 9);
    }

    [Fact]
    public void ALayerIsProjectedToGaussKrugerAndIndexed()
    {
        // Two 0.01° squares near 陕坝镇; expected EPSG:4545 corner from PROJ:
        // echo "107.14 40.88" | cs2cs +proj=longlat +ellps=GRS80 +to +proj=tmerc +lon_0=108 +k=1 +x_0=500000 +ellps=GRS80 -f %.3f
        // → 427512.274	4527603.021 (and `echo "40.88 107.14" | cs2cs EPSG:4490 EPSG:4545` gives northing 4527603.021, easting 427512.274)
        File.WriteAllText(Path.Combine(_dir, "zones.geojson"), """
            {"type":"FeatureCollection","features":[
              {"type":"Feature","properties":{"id":"a","name":"甲"},"geometry":{"type":"Polygon","coordinates":[[[107.14,40.88],[107.15,40.88],[107.15,40.89],[107.14,40.89],[107.14,40.88]]]}},
              {"type":"Feature","properties":{"id":"b","name":"乙"},"geometry":{"type":"Polygon","coordinates":[[[107.30,40.70],[107.31,40.70],[107.31,40.71],[107.30,40.71],[107.30,40.70]]]}}
            ]}
            """);
        File.WriteAllText(Path.Combine(_dir, LayerCatalog.FileName), """
            {"groups":[{"id":"g","titleZh":"组","titleEn":"G"}],
             "layers":[{"id":"z","titleZh":"区","titleEn":"Z","group":"g","category":"wetland","file":"zones.geojson","style":"s","policy":"wetland"}]}
            """);
        var store = new LayerStore(LayerCatalog.Load(_dir));

        var layer = store.Get("z");

        Assert.Equal(2, layer.Count);
        var corner = layer.Projected[0].Coordinates.MinBy(c => c.X + c.Y)!;
        Assert.Equal(427512.274, corner.X, 0.002);
        Assert.Equal(4527603.021, corner.Y, 0.002);
        var hits = layer.Query(new Envelope(427000, 428000, 4527000, 4528000));
        Assert.Equal([0], hits);
        Assert.Same(layer, store.Get("z"));
    }
}
