using System.Text.Json;
using SpatialPlan.Core.Checks;
using SpatialPlan.Core.Crs;
using SpatialPlan.Core.Sources;

namespace SpatialPlan.Core.Tests.Checks;

/// <summary>Every sample project of gis-data/samples/projects/index.json gets its expected verdict, per zone and overall.</summary>
public class SampleProjectVerdictTests
{
    private static readonly string SampleDir = Path.Combine(CheckFixtures.DataDir, "samples", "projects");
    private static readonly Lazy<SiteCheck> Check = new(() => SiteCheck.Load(CheckFixtures.DataDir));

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
        var sample = Index().Single(s => s.GetProperty("file").GetString() == file);
        var options = new CheckOptions(
            Names.ParseProjectType(sample.GetProperty("type").GetString()) ?? throw new InvalidDataException("type"),
            sample.GetProperty("nationalMajor").GetBoolean(),
            Number(sample, "width"), Number(sample, "radius"),
            sample.GetProperty("crs").GetString() is { } crs ? int.Parse(crs.Replace("EPSG:", string.Empty, StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture) : null);
        var load = FeatureFileReader.Read(Path.Combine(SampleDir, file), new ReadOptions(options.DeclaredEpsg));
        var report = Check.Value.Run(Footprint.From(load, options, file), options);

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

    private static double? Number(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;

    private static IEnumerable<JsonElement> Index() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(SampleDir, "index.json"))).RootElement.EnumerateArray();
}
