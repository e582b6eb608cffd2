using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.Operation.Distance;
using NetTopologySuite.Operation.OverlayNG;
using SpatialPlan.Core.Crs;

namespace SpatialPlan.Core.Tests.Data;

/// <summary>
/// The topology rules of issues 2 and 7 on the committed gis-data layers. The same counts, computed with GDAL/GEOS, are in
/// gis-data/README.md (tools/SpatialPlan.DataGen/oracle/check_topology.sh).
/// </summary>
public class GisDataTopologyTests
{
    private static readonly string[] ZoneLayers =
        ["urban-boundary", "wetlands", "eco-redline", "nature-reserves", "desertification-closures", "water-management", "showcase-belts"];

    private static readonly string[] FarmlandLayers = ["farmland", "general-farmland"];

    [Fact]
    public void FarmlandHasAtLeastTwoThousandParcelsWithUniqueIds()
    {
        var farmland = GisDataFiles.Layer("farmland");

        Assert.True(farmland.Count >= 2000, $"only {farmland.Count} parcels");
        Assert.Equal(farmland.Count, farmland.Select(f => GisDataFiles.Attr(f, "id")).Distinct().Count());
        Assert.All(farmland, f => Assert.Matches(@"^JBNT-\d{5}$", (string)GisDataFiles.Attr(f, "id")!));
    }

    [Fact]
    public void GeneralFarmlandIsASmallerSetOfParcelsInASmallFile()
    {
        var general = GisDataFiles.Layer("general-farmland");
        var permanent = GisDataFiles.Layer("farmland");

        Assert.InRange(general.Count, 200, permanent.Count / 2);
        Assert.True(new FileInfo(Path.Combine(GisDataFiles.Root, "layers", "general-farmland.geojson")).Length < 3_000_000);
    }

    [Fact]
    public void TheDataFolderStaysSmall()
    {
        // records/ is the records store of issue 11 (created on first use, git-ignored), not data.
        var records = Path.Combine(GisDataFiles.Root, "records") + Path.DirectorySeparatorChar;
        var bytes = new DirectoryInfo(GisDataFiles.Root).EnumerateFiles("*", SearchOption.AllDirectories)
            .Where(f => !f.FullName.StartsWith(records, StringComparison.Ordinal)).Sum(f => f.Length);

        Assert.True(bytes < 10_000_000, $"gis-data is {bytes} bytes");
    }

    [Fact]
    public void FarmlandParcelsOfBothLayersNeitherOverlapNorTouchEachOther()
    {
        var parcels = FarmlandLayers.SelectMany(l => GisDataFiles.Layer(l))
            .Select(f => ((string)GisDataFiles.Attr(f, "id")!, f.Geometry)).ToList();
        var tree = new STRtree<int>();
        for (var i = 0; i < parcels.Count; i++)
        {
            tree.Insert(parcels[i].Geometry.EnvelopeInternal, i);
        }

        var offending = new List<string>();
        var neighbours = 0;
        var acrossLayers = 0;
        for (var i = 0; i < parcels.Count; i++)
        {
            var prepared = PreparedGeometryFactory.Prepare(parcels[i].Geometry);
            foreach (var j in tree.Query(parcels[i].Geometry.EnvelopeInternal).Where(j => j > i))
            {
                neighbours++;
                acrossLayers += parcels[i].Item1[..4] != parcels[j].Item1[..4] ? 1 : 0;
                if (prepared.Intersects(parcels[j].Geometry))
                {
                    offending.Add($"{parcels[i].Item1}/{parcels[j].Item1}");
                }
            }
        }

        Assert.True(neighbours > parcels.Count, "the envelope query found too few neighbours to mean anything");
        Assert.True(acrossLayers > 500, "too few permanent/general neighbour pairs to mean anything");
        Assert.Empty(offending);
    }

    [Theory]
    [InlineData("farmland", "urban-boundary")]
    [InlineData("farmland", "wetlands")]
    [InlineData("farmland", "eco-redline")]
    [InlineData("general-farmland", "urban-boundary")]
    [InlineData("general-farmland", "wetlands")]
    [InlineData("general-farmland", "eco-redline")]
    public void NoFarmlandLiesInsideAProtectedOrUrbanZone(string farmlandLayer, string zoneLayer)
    {
        var zones = GisDataFiles.Layer(zoneLayer).Select(f => PreparedGeometryFactory.Prepare(f.Geometry)).ToList();
        var hits = GisDataFiles.Layer(farmlandLayer)
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

    [Fact]
    public void EveryNatureReserveIsARedLineFeatureOfItsOwnAndContainsItsWetland()
    {
        var redline = GisDataFiles.Layer("eco-redline");
        foreach (var reserve in GisDataFiles.Layer("nature-reserves"))
        {
            var id = (string)GisDataFiles.Attr(reserve, "id")!;
            var twin = Assert.Single(redline, r => GisDataFiles.Attr(r, "natureReserve") as string == id);
            Assert.Equal("nature-reserve", GisDataFiles.Attr(twin, "kind"));
            Assert.True(twin.Geometry.EqualsTopologically(reserve.Geometry), $"{id}: the red-line outline differs from the reserve's");
            var wetland = GisDataFiles.Layer("wetlands").Single(w => GisDataFiles.Attr(w, "id") as string == GisDataFiles.Attr(reserve, "wetland") as string);
            Assert.True(reserve.Geometry.Covers(wetland.Geometry), $"{id} does not contain its wetland");
        }
    }

    /// <summary>
    /// 湿地保护法 Art 14: an important wetland lies wholly in the red line. None of the embedded wetlands is on a verified
    /// list, so the rule is also held for every wetland inside a protected area: reclassifying one keeps Art 14 true.
    /// </summary>
    [Fact]
    public void ImportantWetlandsAndWetlandsInProtectedAreasLieWhollyInTheRedLine()
    {
        var redline = OverlayNGRobust.Union(GisDataFiles.Layer("eco-redline").Select(f => f.Geometry).ToList());
        var reserves = GisDataFiles.Layer("nature-reserves").Select(f => f.Geometry).ToList();
        var wetlands = GisDataFiles.Layer("wetlands")
            .Where(w => GisDataFiles.Attr(w, "level") is "national-important" or "regional-important"
                        || reserves.Any(r => r.Intersects(w.Geometry)))
            .ToList();

        Assert.True(wetlands.Count >= 2);
        Assert.All(wetlands, w => Assert.True(
            Metres(OverlayNGRobust.Overlay(w.Geometry, redline, NetTopologySuite.Operation.Overlay.SpatialFunction.Difference)).Area < 0.01,
            $"{GisDataFiles.Attr(w, "id")} is not wholly inside the red line"));
    }

    [Fact]
    public void TheRedLineHasNoPartialWetlandCoresAnyMore()
    {
        Assert.All(GisDataFiles.Layer("eco-redline"), f => Assert.Contains((string)GisDataFiles.Attr(f, "kind")!,
            new[] { "desert", "river-corridor", "shelterbelt", "nature-reserve", "important-wetland" }));
    }

    [Fact]
    public void TheClosureAreaLiesInsideTheDesertRedLine()
    {
        var desert = GisDataFiles.Layer("eco-redline").Single(f => GisDataFiles.Attr(f, "kind") is "desert");
        var closures = GisDataFiles.Layer("desertification-closures");

        Assert.NotEmpty(closures);
        Assert.All(closures, c => Assert.True(desert.Geometry.Covers(c.Geometry), $"{GisDataFiles.Attr(c, "id")}"));
    }

    [Fact]
    public void WaterManagementLevelsDoNotOverlap()
    {
        var byLevel = GisDataFiles.Layer("water-management").GroupBy(f => (string)GisDataFiles.Attr(f, "level")!)
            .ToDictionary(g => g.Key, g => OverlayNGRobust.Union(g.Select(f => f.Geometry).ToList()));

        Assert.Equal(["canal", "floodplain", "river"], byLevel.Keys.Order());
        foreach (var a in byLevel)
        {
            foreach (var b in byLevel.Where(b => string.CompareOrdinal(a.Key, b.Key) < 0))
            {
                Assert.True(Metres(OverlayNGRobust.Overlay(a.Value, b.Value, NetTopologySuite.Operation.Overlay.SpatialFunction.Intersection)).Area < 0.01, $"{a.Key}/{b.Key}");
            }
        }
    }

    /// <summary>
    /// Each management zone is derived from a real line: every vertex lies within the zone's stated width of it (plus 1 %
    /// for the generator's local grid and the projection's scale, and 1 m). The 1:4M lines have segments of many km that
    /// are straight in degrees, so they are densified before projecting (a long straight segment bends in Gauss-Kruger).
    /// </summary>
    [Fact]
    public void WaterManagementZonesLieWithinTheirStatedWidthOfTheRealLines()
    {
        var sources = new Dictionary<string, Geometry>
        {
            ["gis-data/layers/rivers.geojson#huanghe"] = Line("rivers", "huanghe"),
            ["gis-data/layers/rivers.geojson#wujiahe"] = Line("rivers", "wujiahe"),
            ["gis-data/layers/canals.geojson#hetao-channels"] = Line("canals", "hetao-channels"),
        };
        foreach (var f in GisDataFiles.Layer("water-management"))
        {
            var line = new IndexedFacetDistance(sources[(string)GisDataFiles.Attr(f, "derivedFrom")!]);
            var width = Convert.ToDouble(GisDataFiles.Attr(f, "widthM"), System.Globalization.CultureInfo.InvariantCulture);
            var zone = Metres(f.Geometry);
            var farthest = zone.Coordinates.Max(c => line.Distance(new Point(c)));
            Assert.True(zone.Area > 1000, $"{GisDataFiles.Attr(f, "id")}");
            Assert.InRange(farthest, width * 0.5, width * 1.01 + 1);
        }
    }

    [Theory]
    [InlineData("farmland")]
    [InlineData("general-farmland")]
    [InlineData("urban-boundary")]
    [InlineData("wetlands")]
    [InlineData("eco-redline")]
    [InlineData("nature-reserves")]
    [InlineData("desertification-closures")]
    [InlineData("water-management")]
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
        var bad = ZoneLayers.Concat(FarmlandLayers)
            .SelectMany(l => GisDataFiles.Layer(l).Select(f => (l, f)))
            .Where(x => x.f.Geometry is null || x.f.Geometry.IsEmpty || !x.f.Geometry.IsValid
                        || x.f.Geometry is not (Polygon or MultiPolygon))
            .Select(x => $"{x.l}:{GisDataFiles.Attr(x.f, "id")}")
            .ToList();

        Assert.Empty(bad);
    }

    private static Geometry Metres(Geometry lonLat) => CrsTransformer.Transform(lonLat, Epsg.Cgcs2000, Epsg.GaussKruger108);

    private static Geometry Line(string layer, string id) =>
        Metres(NetTopologySuite.Densify.Densifier.Densify(
            GisDataFiles.Layer(layer).Single(f => GisDataFiles.Attr(f, "id") as string == id).Geometry, 0.0005));
}
