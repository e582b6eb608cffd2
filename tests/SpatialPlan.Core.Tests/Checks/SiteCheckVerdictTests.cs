using SpatialPlan.Core.Checks;
using static SpatialPlan.Core.Tests.Checks.CheckFixtures;

namespace SpatialPlan.Core.Tests.Checks;

/// <summary>Verdicts per zone category × project type, on inline EPSG:4545 geometry, against the committed gis-data/policy.json.</summary>
public class SiteCheckVerdictTests
{
    // A 1 km square zone about 70 km west of the central meridian (near 陕坝镇).
    private static readonly string Zone = Box(430000, 4527000, 431000, 4528000);

    private static ZoneResult Single(string category, string footprint, CheckOptions? options = null, bool important = false) =>
        Check(Layer(category, ("z1", Zone, important)), footprint, options).Zones.Single();

    [Fact]
    public void FootprintTouchingZoneBoundaryIsNotAViolation()
    {
        var zone = Single("ecological-redline", Box(431000, 4527200, 431200, 4527400));
        Assert.Equal(ZoneRelation.Touches, zone.Relation);
        Assert.Equal(0, zone.OverlapAreaM2);
        Assert.Equal(0, zone.DistanceM);
        Assert.Equal(Verdict.Advisory, zone.Verdict);
        Assert.Empty(zone.Features);
    }

    [Fact]
    public void SliverBelowToleranceIsNotAConflict()
    {
        // 0.5 m × 1 m = 0.5 m² of overlap, below the 1 m² tolerance.
        var zone = Single("ecological-redline", Box(430999.5, 4527200, 431200, 4527201));
        Assert.Equal(ZoneRelation.Sliver, zone.Relation);
        Assert.InRange(zone.OverlapAreaM2, 0.49, 0.51);
        Assert.Equal(Verdict.Advisory, zone.Verdict);
    }

    [Fact]
    public void OverlapAboveToleranceInsideTheRedLineIsProhibitedForUrbanProjects()
    {
        var zone = Single("ecological-redline", Box(430900, 4527200, 431100, 4527400));
        Assert.Equal(ZoneRelation.Inside, zone.Relation);
        Assert.Equal(Verdict.Prohibited, zone.Verdict);
        Assert.Contains("142号", zone.RuleZh);
        Assert.Contains("142号", zone.BasisZh);
        Assert.InRange(zone.OverlapAreaM2, 19990, 20000); // 100 m × 200 m grid, minus the k² scale correction
        Assert.InRange(zone.OverlapPercent, 49.99, 50.01);
        Assert.Equal("z1", Assert.Single(zone.Features).Id);
    }

    [Fact]
    public void NationalMajorProjectInsideTheRedLineNeedsStateCouncilApproval()
    {
        var zone = Single("ecological-redline", Box(430900, 4527200, 431100, 4527400), new CheckOptions(NationalMajor: true));
        Assert.Equal(Verdict.ApprovalRequired, zone.Verdict);
    }

    [Theory]
    [InlineData(ProjectType.Urban, Verdict.Prohibited)]
    [InlineData(ProjectType.Linear, Verdict.ApprovalRequired)]
    [InlineData(ProjectType.Agriculture, Verdict.Prohibited)]
    [InlineData(ProjectType.Ecological, Verdict.ApprovalRequired)]
    [InlineData(ProjectType.Tourism, Verdict.ApprovalRequired)]
    [InlineData(ProjectType.Other, Verdict.Prohibited)]
    public void RedLineVerdictDependsOnProjectType(ProjectType type, Verdict expected) =>
        Assert.Equal(expected, Single("ecological-redline", Box(430500, 4527500, 430600, 4527600), new CheckOptions(type)).Verdict);

    [Theory]
    [InlineData(ProjectType.Urban, false, Verdict.Prohibited)]
    [InlineData(ProjectType.Urban, true, Verdict.ApprovalRequired)]
    [InlineData(ProjectType.Linear, false, Verdict.Prohibited)]
    [InlineData(ProjectType.Linear, true, Verdict.ApprovalRequired)]
    [InlineData(ProjectType.Agriculture, false, Verdict.Advisory)]
    [InlineData(ProjectType.Ecological, false, Verdict.Prohibited)]
    [InlineData(ProjectType.Tourism, false, Verdict.Prohibited)]
    [InlineData(ProjectType.Other, true, Verdict.ApprovalRequired)]
    public void PermanentFarmlandVerdictDependsOnTypeAndNationalMajor(ProjectType type, bool major, Verdict expected) =>
        Assert.Equal(expected, Single("permanent-farmland", Box(430500, 4527500, 430600, 4527600), new CheckOptions(type, major)).Verdict);

    [Theory]
    [InlineData(ProjectType.Urban, false, Verdict.ApprovalRequired)]
    [InlineData(ProjectType.Urban, true, Verdict.Prohibited)]
    [InlineData(ProjectType.Linear, true, Verdict.ApprovalRequired)]
    [InlineData(ProjectType.Agriculture, true, Verdict.Prohibited)]
    [InlineData(ProjectType.Ecological, true, Verdict.Advisory)]
    [InlineData(ProjectType.Tourism, false, Verdict.Advisory)]
    [InlineData(ProjectType.Tourism, true, Verdict.ApprovalRequired)]
    [InlineData(ProjectType.Other, false, Verdict.ApprovalRequired)]
    [InlineData(ProjectType.Other, true, Verdict.Prohibited)]
    public void ImportantWetlandEscalatesTheVerdict(ProjectType type, bool important, Verdict expected) =>
        Assert.Equal(expected, Single("wetland", Box(430500, 4527500, 430600, 4527600), new CheckOptions(type), important).Verdict);

    [Theory]
    [InlineData(ProjectType.Urban, Verdict.Advisory)]
    [InlineData(ProjectType.Linear, Verdict.Advisory)]
    [InlineData(ProjectType.Other, Verdict.Advisory)]
    [InlineData(ProjectType.Agriculture, Verdict.Clear)]
    [InlineData(ProjectType.Tourism, Verdict.Clear)]
    public void ShowcaseBeltAsksConstructionToCoordinateWithTheRuralRevivalPlan(ProjectType type, Verdict expected) =>
        Assert.Equal(expected, Single("showcase-belt", Box(430500, 4527500, 430600, 4527600), new CheckOptions(type)).Verdict);

    [Fact]
    public void UrbanProjectPartlyOutsideTheUrbanBoundaryNeedsApproval()
    {
        var zone = Single("urban-boundary", Box(430900, 4527200, 431100, 4527400));
        Assert.Equal(ZoneRelation.Outside, zone.Relation);
        Assert.Equal(Verdict.ApprovalRequired, zone.Verdict);
        Assert.InRange(zone.OutsideAreaM2!.Value, 19990, 20000);
        Assert.InRange(zone.OverlapAreaM2, 19990, 20000);
        Assert.NotNull(zone.HighlightGeographic);
    }

    [Fact]
    public void UrbanProjectInsideTheUrbanBoundaryIsClear()
    {
        var zone = Single("urban-boundary", Box(430100, 4527100, 430900, 4527900));
        Assert.Equal(ZoneRelation.Inside, zone.Relation);
        Assert.Equal(Verdict.Clear, zone.Verdict);
        Assert.InRange(zone.OverlapPercent, 99.999, 100.001);
    }

    [Fact]
    public void PartOutsideTheUrbanBoundaryBelowToleranceIsNotAConflict()
    {
        // 0.5 m of a 100 m-high footprint would be 50 m²; 0.005 m × 100 m = 0.5 m² is a sliver.
        var zone = Single("urban-boundary", Box(430900, 4527200, 431000.005, 4527300));
        Assert.Equal(ZoneRelation.Inside, zone.Relation);
        Assert.Equal(Verdict.Clear, zone.Verdict);
    }

    [Fact]
    public void LinearProjectOutsideTheUrbanBoundaryIsClear()
    {
        var zone = Single("urban-boundary", Box(432000, 4527200, 432100, 4527400), new CheckOptions(ProjectType.Linear));
        Assert.Equal(ZoneRelation.Outside, zone.Relation);
        Assert.Equal(Verdict.Clear, zone.Verdict);
    }

    [Fact]
    public void FootprintWithinTheBufferIsNearbyWithItsDistance()
    {
        var zone = Single("ecological-redline", Box(431300, 4527200, 431400, 4527400));
        Assert.Equal(ZoneRelation.Nearby, zone.Relation);
        Assert.Equal(Verdict.Advisory, zone.Verdict);
        Assert.InRange(zone.DistanceM!.Value, 299.97, 299.99); // 300 grid m / k, k ≈ 1 + 6.0e-5
        Assert.Equal("z1", Assert.Single(zone.NearbyFeatures).Id);
    }

    [Fact]
    public void FootprintBeyondTheBufferIsClearButReportsTheDistance()
    {
        var zone = Single("ecological-redline", Box(431600, 4527200, 431700, 4527400));
        Assert.Equal(ZoneRelation.None, zone.Relation);
        Assert.Equal(Verdict.Clear, zone.Verdict);
        Assert.InRange(zone.DistanceM!.Value, 599.95, 599.98);
        Assert.Empty(zone.NearbyFeatures);
    }

    [Fact]
    public void BufferOverrideWidensTheNearbySearch()
    {
        var zone = Single("ecological-redline", Box(431600, 4527200, 431700, 4527400), new CheckOptions(BufferOverrideM: 700));
        Assert.Equal(ZoneRelation.Nearby, zone.Relation);
        Assert.Equal(700, zone.BufferM);
    }

    [Fact]
    public void FarmlandNextToTheFootprintIsReportedButClear()
    {
        var zone = Single("permanent-farmland", Box(431100, 4527200, 431200, 4527400));
        Assert.Equal(ZoneRelation.Nearby, zone.Relation);
        Assert.Equal(Verdict.Clear, zone.Verdict);
    }

    [Fact]
    public void OverallVerdictIsTheMostSevereZoneVerdict()
    {
        var layers = new[]
        {
            Layer("showcase-belt", Zone),
            Layer("permanent-farmland", Box(431000, 4527000, 432000, 4528000)),
            Layer("wetland", Box(440000, 4527000, 441000, 4528000)),
        };
        var footprint = Footprint(Box(430900, 4527200, 431100, 4527400));
        var report = new SiteCheck(Policy, layers).Run(footprint, new CheckOptions());
        Assert.Equal([Verdict.Advisory, Verdict.Prohibited, Verdict.Clear], report.Zones.Select(z => z.Verdict));
        Assert.Equal(Verdict.Prohibited, report.Verdict);
        Assert.True(report.SchematicData);
        Assert.Contains("示意数据", report.DataNoteZh);
    }

    [Fact]
    public void EachOverlappedParcelIsListedWithItsOwnArea()
    {
        var layer = Layer("permanent-farmland", Box(430000, 4527000, 430500, 4527500), Box(430500, 4527000, 431000, 4527500), Box(432000, 4527000, 432500, 4527500));
        var zone = Check(layer, Box(430400, 4527100, 430700, 4527200)).Zones.Single();
        Assert.Equal(2, zone.Features.Count);
        Assert.Equal("permanent-farmland-1", zone.Features[0].Id); // 200 m × 100 m, the larger first
        Assert.Equal(zone.OverlapAreaM2, zone.Features.Sum(f => f.OverlapAreaM2), 0.01); // k differs per piece by ~1e-10
        Assert.InRange(zone.OverlapPercent, 99.999, 100.001);
    }

    [Fact]
    public void DistanceToTheNearestFeatureIsExactEvenWhenAFartherFeaturesEnvelopeCoversTheFootprint()
    {
        // The triangle's envelope covers the footprint but its hypotenuse is ~4 879 m away; the box is 4 000 m away.
        var layer = Layer("wetland",
            "POLYGON((440000 4520000,450000 4520000,450000 4530000,440000 4520000))",
            Box(436000, 4528000, 437000, 4528100));
        var zone = Check(layer, Box(441000, 4528000, 441100, 4528100)).Zones.Single();
        Assert.Equal(ZoneRelation.None, zone.Relation);
        Assert.InRange(zone.DistanceM!.Value, 3999.7, 3999.9); // 4 000 grid m / k, k ≈ 1 + 4.6e-5
    }

    [Fact]
    public void OverlappingZoneFeaturesAreNotCountedTwice()
    {
        // A wetland core inside a larger wetland: the footprint's 100 m × 100 m overlap is counted once.
        var layer = Layer("wetland", Box(430000, 4527000, 431000, 4528000), Box(430400, 4527400, 430600, 4527600));
        var zone = Check(layer, Box(430450, 4527450, 430550, 4527550)).Zones.Single();
        Assert.Equal(2, zone.Features.Count);
        Assert.InRange(zone.OverlapAreaM2, 9998, 10000);
        Assert.InRange(zone.OverlapPercent, 99.999, 100.001);
    }
}
