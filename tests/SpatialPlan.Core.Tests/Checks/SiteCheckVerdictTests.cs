using SpatialPlan.Core.Checks;
using SpatialPlan.Core.Sources;
using static SpatialPlan.Core.Tests.Checks.CheckFixtures;
using static SpatialPlan.Core.Tests.Checks.EnginePolicy;

namespace SpatialPlan.Core.Tests.Checks;

/// <summary>Situations, levels, major lists and verdicts on inline EPSG:4545 geometry, against the engine's test policy.</summary>
public class SiteCheckVerdictTests
{
    // A 1 km square zone about 70 km west of the central meridian (near 陕坝镇).
    private static readonly string Zone = Box(430000, 4527000, 431000, 4528000);

    private static ZoneResult Single(string category, string footprint, CheckOptions? options = null, string? level = null) =>
        Check(Layer(category, ("z1", Zone, level)), footprint, options).Zones.Single();

    [Fact]
    public void FootprintTouchingZoneBoundaryTouchesAndDoesNotOccupy()
    {
        var zone = Single("ecological-redline", Box(431000, 4527200, 431200, 4527400));

        Assert.Equal(Situation.Touches, zone.Situation);
        Assert.Equal("R-红线-相邻", zone.RuleZh);
        Assert.Equal(0, zone.OverlapAreaM2);
        Assert.Equal(0, zone.DistanceM);
        Assert.Equal(Verdict.Advisory, zone.Verdict);
        Assert.Empty(zone.Features);
        Assert.Equal("边界相邻", zone.RelationZh);
    }

    [Fact]
    public void AnOverlapBelowTheToleranceIsASliverToCheckEvenWhereTouchingWouldBeClear()
    {
        // 0.5 m × 1 m = 0.5 m² of overlap, below the 1 m² tolerance; on farmland a touch is clear, a sliver is not.
        var sliver = Box(430999.5, 4527200, 431200, 4527201);
        var redline = Single("ecological-redline", sliver);
        var farmland = Single("permanent-farmland", sliver);

        Assert.Equal(Situation.Sliver, redline.Situation);
        Assert.InRange(redline.OverlapAreaM2, 0.49, 0.51);
        Assert.Equal(Verdict.Advisory, redline.Verdict);
        Assert.Equal(Situation.Sliver, farmland.Situation);
        Assert.Equal(Verdict.Advisory, farmland.Verdict);
        Assert.Contains("微小重叠", farmland.FiguresZh, StringComparison.Ordinal);
        Assert.Contains("需核实", farmland.RelationZh, StringComparison.Ordinal);
    }

    [Fact]
    public void AnOverlapAboveTheToleranceIsInsideAndPrintsItsFiguresAndThePrincipleWord()
    {
        var zone = Single("ecological-redline", Box(430900, 4527200, 431100, 4527400));

        Assert.Equal(Situation.Inside, zone.Situation);
        Assert.Equal(Verdict.Prohibited, zone.Verdict);
        Assert.True(zone.InPrinciple);
        Assert.Equal("原则上禁止", zone.VerdictZh);
        Assert.Equal("R-红线-占用", zone.RuleZh);
        Assert.Equal(2, zone.RuleIndex);
        Assert.InRange(zone.OverlapAreaM2, 19990, 20000); // 100 m × 200 m grid, minus the k² scale correction
        Assert.InRange(zone.OverlapPercent, 49.99, 50.01);
        Assert.Equal("z1", Assert.Single(zone.Features).Id);
        Assert.Equal($"占用 {Figures.Mu(zone.OverlapAreaM2)} 亩（50.0%）", zone.FiguresZh);
        Assert.Equal(["第一部分第（一）项", "第一部分"], zone.Basis.Select(b => b.Article)); // the rule's basis, then the zone's
        Assert.Equal("《测试通知》第一部分第（一）项；《测试通知》第一部分", zone.BasisText);
    }

    [Theory]
    [InlineData(Urban, Verdict.Prohibited, "R-红线-占用", null)]
    [InlineData(Road, Verdict.ApprovalRequired, "R-红线-线性", "regional-government")]
    [InlineData(Crop, Verdict.Prohibited, "R-红线-占用", null)]
    public void TheKindDecidesTheRedLineRuleAndItsCondition(string kind, Verdict expected, string rule, string? authority)
    {
        var zone = Single("ecological-redline", Box(430500, 4527500, 430600, 4527600), Kind(kind));

        Assert.Equal(expected, zone.Verdict);
        Assert.Equal(rule, zone.RuleZh);
        Assert.Equal(authority is null ? [] : [authority], zone.Conditions.Select(c => c.Authority.Id));
    }

    [Fact]
    public void AMajorCategoryLiftsOnlyTheZoneOfItsOwnList()
    {
        var inside = Box(430500, 4527500, 430600, 4527600);
        var farmlandMajor = Kind(Road, "farmland-transport");

        var redline = Single("ecological-redline", inside, farmlandMajor);
        var farmland = Single("permanent-farmland", inside, farmlandMajor);
        var redlineLifted = Single("ecological-redline", inside, Kind(Urban, "redline-transport-water"));

        Assert.Equal(Situation.Inside, redline.Situation); // a farmland category does not lift the red line
        Assert.Equal(Verdict.ApprovalRequired, redline.Verdict);
        Assert.Equal("R-红线-线性", redline.RuleZh);
        Assert.Equal(Situation.InsideMajor, farmland.Situation);
        Assert.Equal("state-council", Assert.Single(farmland.Conditions).Authority.Id);
        Assert.Equal(Situation.InsideMajor, redlineLifted.Situation);
        Assert.Equal(Verdict.ApprovalRequired, redlineLifted.Verdict);
    }

    [Fact]
    public void EachLevelGetsItsOwnSituationAndTheZoneTakesTheMostSevereWithTheUnionOfConditions()
    {
        var layer = Layer("wetland", ("national", Box(430000, 4527000, 430500, 4528000), "national-important"),
            ("general", Box(430500, 4527000, 431000, 4528000), "general"));
        var both = Check(layer, Box(430400, 4527400, 430600, 4527500)).Zones.Single();
        var generalOnly = Check(layer, Box(430700, 4527400, 430800, 4527500)).Zones.Single();

        Assert.Equal(["national-important", "general"], both.Levels.Select(l => l.Level));
        Assert.All(both.Levels, l => Assert.Equal(Situation.Inside, l.Situation));
        Assert.Equal([Verdict.Prohibited, Verdict.ApprovalRequired], both.Levels.Select(l => l.Verdict));
        Assert.Equal(Verdict.Prohibited, both.Verdict);
        Assert.Equal("R-湿地-国家重要", both.RuleZh);
        Assert.Equal(["forestry-grassland", "regional-government"], both.Conditions.Select(c => c.Authority.Id));
        Assert.Contains("：国家重要湿地 15.00 亩、一般湿地 15.00 亩", both.FiguresZh, StringComparison.Ordinal); // 100 m × 100 m each side
        Assert.Equal(Verdict.ApprovalRequired, generalOnly.Verdict);
        Assert.Equal([Situation.Near, Situation.Inside], generalOnly.Levels.Select(l => l.Situation)); // 200 m from the national one
        Assert.Equal("national-important", both.Features.First(f => f.Id == "national").Level);
    }

    [Fact]
    public void ALevelThatIsOnlyNearDoesNotBringTheConditionsOfAnotherLevel()
    {
        var layer = Layer("wetland", ("national", Box(430000, 4527000, 430500, 4528000), "national-important"),
            ("general", Box(430900, 4527000, 432000, 4528000), "general"));

        var zone = Check(layer, Box(430550, 4527400, 430650, 4527500)).Zones.Single();

        Assert.Equal([Situation.Near, Situation.Near], zone.Levels.Select(l => l.Situation));
        Assert.Equal(Verdict.Advisory, zone.Verdict);
        Assert.Empty(zone.Conditions);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("provincial")]
    public void AFeatureOfALevelledZoneWithoutAKnownLevelIsADataError(string? level)
    {
        var layer = Layer("wetland", ("w-7", Zone, level));

        var e = Assert.Throws<InputException>(() => new SiteCheck(Policy, [layer]));

        Assert.Contains("w-7", e.Message, StringComparison.Ordinal);
        Assert.Contains("national-important", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FootprintWithinTheProximityDistanceIsNearWithItsDistanceAndNeverCalledABuffer()
    {
        var zone = Single("ecological-redline", Box(431300, 4527200, 431400, 4527400));

        Assert.Equal(Situation.Near, zone.Situation);
        Assert.Equal(Verdict.Advisory, zone.Verdict);
        Assert.InRange(zone.DistanceM!.Value, 299.97, 299.99); // 300 grid m / k, k ≈ 1 + 6.0e-5
        Assert.Equal("z1", Assert.Single(zone.NearbyFeatures).Id);
        Assert.Equal(500, zone.ProximityM);
        Assert.Equal("距最近要素 300 m（邻近提示距离 500 m，系统设置，非法定）", zone.FiguresZh);
        Assert.DoesNotContain("缓冲", zone.FiguresZh + zone.RelationZh, StringComparison.Ordinal);
    }

    [Fact]
    public void FootprintBeyondTheProximityDistanceIsClearButReportsTheDistance()
    {
        var zone = Single("ecological-redline", Box(431600, 4527200, 431700, 4527400));

        Assert.Equal(Situation.None, zone.Situation);
        Assert.Equal(Verdict.Clear, zone.Verdict);
        Assert.Equal("不涉及", zone.VerdictZh);
        Assert.InRange(zone.DistanceM!.Value, 599.95, 599.98);
        Assert.Empty(zone.NearbyFeatures);
        Assert.Equal("距最近要素 600 m", zone.FiguresZh);
    }

    [Fact]
    public void AProximityOverrideWidensTheNearSearch()
    {
        var zone = Single("ecological-redline", Box(431600, 4527200, 431700, 4527400), Kind(Urban) with { ProximityOverrideM = 700 });

        Assert.Equal(Situation.Near, zone.Situation);
        Assert.Equal(700, zone.ProximityM);
    }

    [Fact]
    public void AContainZoneGivesTheAreaInsideAndTheAreaOutsideWithTheirShares()
    {
        var zone = Single("urban-boundary", Box(430900, 4527200, 431100, 4527300));

        Assert.Equal(Situation.Outside, zone.Situation);
        Assert.Equal(Verdict.Prohibited, zone.Verdict);
        Assert.Equal("部分在边界外", zone.RelationZh);
        Assert.InRange(zone.InsideAreaM2!.Value, 9995, 10000);
        Assert.InRange(zone.OutsideAreaM2!.Value, 9995, 10000);
        Assert.InRange(zone.InsidePercent!.Value, 49.99, 50.01);
        Assert.InRange(zone.OutsidePercent!.Value, 49.99, 50.01);
        Assert.Equal(zone.InsideAreaM2, zone.OverlapAreaM2);
        Assert.Equal($"边界内 {Figures.Mu(zone.InsideAreaM2.Value)} 亩（50.0%）｜边界外 {Figures.Mu(zone.OutsideAreaM2.Value)} 亩（50.0%）", zone.FiguresZh);
        Assert.NotNull(zone.HighlightGeographic);
    }

    [Fact]
    public void AFootprintWhollyOutsideAContainZoneGivesTheDistanceUnderItsOwnLabel()
    {
        var zone = Single("urban-boundary", Box(432000, 4527200, 432100, 4527300));

        Assert.Equal("边界外", zone.RelationZh);
        Assert.EndsWith("；距最近边界 1,000 m", zone.FiguresZh, StringComparison.Ordinal);
        Assert.StartsWith("边界内 0.00 亩（0.0%）｜边界外 15.00 亩（100.0%）", zone.FiguresZh, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(430100, 4527100, 430900, 4527900, Situation.Within, Verdict.Clear)]
    [InlineData(430900, 4527200, 431000.005, 4527300, Situation.OutsideSliver, Verdict.Advisory)] // 0.005 m × 100 m = 0.5 m² outside
    public void AContainZoneTellsWithinFromASliverOutside(double x0, double y0, double x1, double y1, Situation situation, Verdict verdict)
    {
        var zone = Single("urban-boundary", Box(x0, y0, x1, y1));

        Assert.Equal(situation, zone.Situation);
        Assert.Equal(verdict, zone.Verdict);
    }

    [Fact]
    public void AKindTheBoundaryDoesNotBindIsClearOutsideIt()
    {
        var zone = Single("urban-boundary", Box(432000, 4527200, 432100, 4527400), Kind(Road));

        Assert.Equal(Situation.Outside, zone.Situation);
        Assert.Equal(Verdict.Clear, zone.Verdict);
    }

    [Fact]
    public void GuidanceIsReportedApartAndNeverRaisesTheVerdict()
    {
        var belt = Layer("showcase-belt", ("belt-1", Zone, null));
        var check = new SiteCheck(Policy, [], [belt]);

        var report = check.Run(Footprint(Box(430400, 4527400, 430600, 4527600)), Kind(Urban));

        Assert.Empty(report.Zones);
        var g = Assert.Single(report.Guidance);
        Assert.Equal("belt-1", g.FeatureId);
        Assert.InRange(g.OverlapAreaM2, 39990, 40000);
        Assert.Equal("规划衔接，非管控", g.NoteZh);
        Assert.Equal(Verdict.Clear, report.Verdict);
    }

    [Fact]
    public void OverallVerdictIsTheMostSevereZoneVerdictAndApprovalsAreGroupedByAuthority()
    {
        var layers = new[]
        {
            Layer("permanent-farmland", Box(431000, 4527000, 432000, 4528000)),
            Layer("ecological-redline", Zone),
            Layer("wetland", ("w", Box(440000, 4527000, 441000, 4528000), "general")),
        };
        var options = Kind(Road, "farmland-transport", "redline-transport-water");

        var report = new SiteCheck(Policy, layers).Run(Footprint(Box(430900, 4527200, 431100, 4527400), options), options);

        Assert.Equal([Verdict.ApprovalRequired, Verdict.ApprovalRequired, Verdict.Clear], report.Zones.Select(z => z.Verdict));
        Assert.Equal(Verdict.ApprovalRequired, report.Verdict);
        Assert.Equal("有条件准入", report.VerdictZh);
        var stateCouncil = Assert.Single(report.Approvals);
        Assert.Equal("国务院", stateCouncil.Authority.NameZh);
        Assert.Equal(["permanent-farmland-layer", "ecological-redline-layer"], stateCouncil.Items.Select(i => i.LayerId));
        Assert.True(report.SchematicData);
        Assert.Contains("示意数据", report.DataNoteZh, StringComparison.Ordinal);
    }

    [Fact]
    public void WhatTheDataCannotCheckIsListedUnlessALayerCoversIt()
    {
        var withWetland = new SiteCheck(Policy, [Layer("wetland", ("w", Zone, "general"))]).Run(Footprint(Zone), Kind(Urban));
        var without = new SiteCheck(Policy, []).Run(Footprint(Zone), Kind(Urban));

        Assert.Equal(["forest", "ecological-redline", "permanent-farmland", "urban-boundary"], withWetland.NotChecked.Select(n => n.Category));
        Assert.Equal(["forest", "wetland", "ecological-redline", "permanent-farmland", "urban-boundary"], without.NotChecked.Select(n => n.Category));
        Assert.Equal("生态保护红线", without.NotChecked.Single(n => n.Category == "ecological-redline").NameZh);
    }

    [Fact]
    public void ACancelledCheckStops()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var check = new SiteCheck(Policy, [Layer("ecological-redline", Zone)]);

        Assert.ThrowsAny<OperationCanceledException>(() => check.Run(Footprint(Zone), Kind(Urban), cancelled.Token));
    }

    [Fact]
    public void AnUnknownKindInTheOptionsIsRefused()
    {
        var e = Assert.Throws<InputException>(() => Check(Layer("ecological-redline", Zone), Zone, Kind("factory")));

        Assert.Contains("factory", e.Message, StringComparison.Ordinal);
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
        var layer = Layer("ecological-redline",
            "POLYGON((440000 4520000,450000 4520000,450000 4530000,440000 4520000))",
            Box(436000, 4528000, 437000, 4528100));
        var zone = Check(layer, Box(441000, 4528000, 441100, 4528100)).Zones.Single();
        Assert.Equal(Situation.None, zone.Situation);
        Assert.InRange(zone.DistanceM!.Value, 3999.7, 3999.9); // 4 000 grid m / k, k ≈ 1 + 4.6e-5
    }

    [Fact]
    public void OverlappingZoneFeaturesAreNotCountedTwice()
    {
        // A smaller feature inside a larger one: the footprint's 100 m × 100 m overlap is counted once.
        var layer = Layer("ecological-redline", Box(430000, 4527000, 431000, 4528000), Box(430400, 4527400, 430600, 4527600));
        var zone = Check(layer, Box(430450, 4527450, 430550, 4527550)).Zones.Single();
        Assert.Equal(2, zone.Features.Count);
        Assert.InRange(zone.OverlapAreaM2, 9998, 10000);
        Assert.InRange(zone.OverlapPercent, 99.999, 100.001);
    }
}
