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
    }
}
