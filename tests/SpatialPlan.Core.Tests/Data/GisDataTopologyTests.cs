using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index.Strtree;

namespace SpatialPlan.Core.Tests.Data;

/// <summary>
/// The topology rules of issue 2 on the committed gis-data layers. The same counts, computed with GDAL/GEOS, are in
/// gis-data/README.md (tools/SpatialPlan.DataGen/oracle/check_topology.sh).
/// </summary>
public class GisDataTopologyTests
{
    private static readonly string[] ZoneLayers = ["urban-boundary", "wetlands", "eco-redline", "showcase-belts"];

    [Fact]
    public void FarmlandHasAtLeastTwoThousandParcelsWithUniqueIds()
    {
        var farmland = GisDataFiles.Layer("farmland");

        Assert.True(farmland.Count >= 2000, $"only {farmland.Count} parcels");
        Assert.Equal(farmland.Count, farmland.Select(f => GisDataFiles.Attr(f, "id")).Distinct().Count());
        Assert.All(farmland, f => Assert.Matches(@"^JBNT-\d{5}$", (string)GisDataFiles.Attr(f, "id")!));
    }

    [Fact]
    public void FarmlandParcelsNeitherOverlapNorTouchEachOther()
    {
        var parcels = GisDataFiles.Layer("farmland").Select(f => f.Geometry).ToList();
        var tree = new STRtree<int>();
        for (var i = 0; i < parcels.Count; i++)
        {
            tree.Insert(parcels[i].EnvelopeInternal, i);
        }

        var offending = new List<string>();
        var neighbours = 0;
        for (var i = 0; i < parcels.Count; i++)
        {
            var prepared = PreparedGeometryFactory.Prepare(parcels[i]);
            foreach (var j in tree.Query(parcels[i].EnvelopeInternal).Where(j => j > i))
            {
                neighbours++;
                if (prepared.Intersects(parcels[j]))
                {
                    offending.Add($"{i + 1}/{j + 1}");
                }
            }
        }

        Assert.True(neighbours > parcels.Count, "the envelope query found too few neighbours to mean anything");
        Assert.Empty(offending);
    }

    [Theory]
    [InlineData("urban-boundary")]
    [InlineData("wetlands")]
    [InlineData("eco-redline")]
    public void NoFarmlandLiesInsideAProtectedOrUrbanZone(string zoneLayer)
    {
        var zones = GisDataFiles.Layer(zoneLayer).Select(f => PreparedGeometryFactory.Prepare(f.Geometry)).ToList();
        var hits = GisDataFiles.Layer("farmland")
            .Where(p => zones.Any(z => z.Intersects(p.Geometry)))
            .Select(p => (string)GisDataFiles.Attr(p, "id")!)
            .ToList();

        Assert.Empty(hits);
    }

    [Fact]
    public void UrbanBoundariesStayOutOfTheRedLineAndTheWetlands()
    {
        var urban = GisDataFiles.Layer("urban-boundary").Select(f => f.Geometry).ToList();
        var protectedZones = GisDataFiles.Layer("eco-redline").Concat(GisDataFiles.Layer("wetlands")).Select(f => f.Geometry);

        Assert.DoesNotContain(protectedZones, z => urban.Any(u => u.Intersects(z)));
    }

    [Theory]
    [InlineData("farmland")]
    [InlineData("urban-boundary")]
    [InlineData("wetlands")]
    [InlineData("eco-redline")]
    [InlineData("showcase-belts")]
    [InlineData("roads")]
    [InlineData("towns")]
    [InlineData("town-structure")]
    public void EveryPlanFeatureLiesInsideTheBannerExceptTheRegionalBelt(string layer)
    {
        var banner = PreparedGeometryFactory.Prepare(GisDataFiles.Banner());
        var outside = GisDataFiles.Layer(layer)
            .Where(f => GisDataFiles.Attr(f, "regional") is not true)
            .Where(f => !banner.Covers(f.Geometry))
            .Select(f => (string)GisDataFiles.Attr(f, "id")!)
            .ToList();

        Assert.Empty(outside);
    }

    [Fact]
    public void OnlyTheRegionalBeltLeavesTheBannerAndItSaysSo()
    {
        var banner = GisDataFiles.Banner();
        var leaving = GisDataFiles.Layer("town-structure").Where(f => !banner.Covers(f.Geometry)).ToList();

        var belt = Assert.Single(leaving);
        Assert.Equal("belt", GisDataFiles.Attr(belt, "kind"));
        Assert.Equal(true, GisDataFiles.Attr(belt, "regional"));
    }

    [Fact]
    public void EveryZoneGeometryIsValidAndNotEmpty()
    {
        var bad = ZoneLayers.Append("farmland")
            .SelectMany(l => GisDataFiles.Layer(l).Select(f => (l, f)))
            .Where(x => x.f.Geometry is null || x.f.Geometry.IsEmpty || !x.f.Geometry.IsValid
                        || x.f.Geometry is not (Polygon or MultiPolygon))
            .Select(x => $"{x.l}:{GisDataFiles.Attr(x.f, "id")}")
            .ToList();

        Assert.Empty(bad);
    }
}
