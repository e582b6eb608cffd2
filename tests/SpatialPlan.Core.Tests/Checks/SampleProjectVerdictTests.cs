using SpatialPlan.Core.Checks;
using SpatialPlan.Core.Crs;
using static SpatialPlan.Core.Tests.Checks.SampleProjects;

namespace SpatialPlan.Core.Tests.Checks;

/// <summary>Every sample project of gis-data/samples/projects/index.json gets its expected verdict, per zone and overall.</summary>
public class SampleProjectVerdictTests
{
    public static TheoryData<string> SampleFiles()
    {
        var data = new TheoryData<string>();
        foreach (var sample in Index())
        {
            data.Add(sample.GetProperty("file").GetString()!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void SampleProjectGetsItsExpectedVerdict(string file)
    {
        var sample = Get(file);
        var report = Run(file);

        var expectedZones = sample.GetProperty("expectedZoneVerdicts").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.GetString()!);
        var actualZones = report.Zones.Where(z => z.Verdict != Verdict.Clear)
            .ToDictionary(z => z.Category, z => Names.Of(z.Verdict));
        Assert.Equal(expectedZones.OrderBy(p => p.Key), actualZones.OrderBy(p => p.Key));
        Assert.Equal(sample.GetProperty("expectedVerdict").GetString(), Names.Of(report.Verdict));
        Assert.Equal(sample.GetProperty("expectedJurisdiction").GetString(), Names.Of(report.Jurisdiction!.Verdict));

        // The authorities owed per zone and 原则上禁止, as the law fixture applied to GDAL's figures says (index.json's
        // expectedConditions / expectedInPrinciple come from oracle/expected_verdicts.py, not from this engine).
        var conditions = sample.GetProperty("expectedConditions").EnumerateObject()
            .ToDictionary(p => p.Name, p => string.Join(",", p.Value.EnumerateArray().Select(a => a.GetString()).Order(StringComparer.Ordinal)));
        var actualConditions = report.Zones.Where(z => z.Conditions.Count > 0)
            .ToDictionary(z => z.Category, z => string.Join(",", z.Conditions.Select(c => c.Authority.Id).Distinct().Order(StringComparer.Ordinal)));
        Assert.Equal(conditions.OrderBy(p => p.Key), actualConditions.OrderBy(p => p.Key));
        var inPrinciple = sample.GetProperty("expectedInPrinciple").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetBoolean());
        var actualInPrinciple = report.Zones.Where(z => z.Verdict == Verdict.Prohibited).ToDictionary(z => z.Category, z => z.InPrinciple);
        Assert.Equal(inPrinciple.OrderBy(p => p.Key), actualInPrinciple.OrderBy(p => p.Key));
    }

    [Fact]
    public void SamplesCoverEveryVerdictAndEveryInputKind()
    {
        var samples = Index().ToList();
        Assert.True(samples.Count >= 10);
        Assert.Equal(["advisory", "approval-required", "clear", "prohibited"],
            samples.Select(s => s.GetProperty("expectedVerdict").GetString()).Distinct().Order());
        Assert.Contains(samples, s => Number(s, "width") is not null);
        Assert.Contains(samples, s => Number(s, "radius") is not null);
        Assert.Contains(samples, s => s.GetProperty("crs").GetString() == Epsg.Name(Epsg.GaussKruger108));
        Assert.Contains(samples, s => s.GetProperty("file").GetString()!.EndsWith(".txt", StringComparison.Ordinal));
        Assert.Contains(samples, s => Majors(s).Count > 0);
    }

    [Fact]
    public void TheIndustrialParkSampleReportsTheAreaInsideAndOutsideTheBoundaryAgreeingWithGdal()
    {
        // Oracles/sample-overlap-answers.json: GDAL/GEOS + PROJ + Planimeter for the part inside; Oracles/footprint-answers.json
        // for the footprint's own geodesic area; outside = footprint - inside.
        var answers = SampleOverlapOracleTests.Answers().GetProperty("industrial-park-expansion.geojson");
        var inside = answers.GetProperty("urban-boundary").GetProperty("geodesicAreaM2").GetDouble();
        var footprint = SampleOverlapOracleTests.Footprints().GetProperty("industrial-park-expansion.geojson").GetProperty("footprintGeodesicAreaM2").GetDouble();

        var zone = Run("industrial-park-expansion.geojson").Zones.Single(z => z.Category == "urban-boundary");

        Assert.Equal(Situation.Outside, zone.Situation);
        Assert.Equal(inside, zone.InsideAreaM2!.Value, inside * 2e-4);
        Assert.Equal(footprint - inside, zone.OutsideAreaM2!.Value, footprint * 2e-4);
        Assert.Equal(100 * inside / footprint, zone.InsidePercent!.Value, 0.05);
        Assert.Equal("边界内 532.95 亩（37.0%）｜边界外 906.75 亩（63.0%）", zone.FiguresZh);
    }

    [Fact]
    public void ThePlanElementsTheSamplesMeetAreGuidanceAndNeverAZoneVerdict()
    {
        var melon = Run("melon-market.geojson");

        Assert.DoesNotContain(melon.Zones, z => z.Category is "showcase-belt" or "town-structure");
        Assert.Contains(melon.Guidance, g => g.Category == "showcase-belt" && g.OverlapAreaM2 > 0);
        Assert.Equal(melon.Zones.Select(z => z.Verdict).Append(melon.Jurisdiction!.Verdict).Max(), melon.Verdict);
    }
}
