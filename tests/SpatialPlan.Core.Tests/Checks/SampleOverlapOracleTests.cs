using System.Text.Json;
using Xunit.Abstractions;

namespace SpatialPlan.Core.Tests.Checks;

/// <summary>
/// Overlap areas of the polygon sample projects with the real gis-data layers against GDAL/GEOS + PROJ + GeographicLib
/// (Oracles/sample_overlap_oracle.py; re-run it when gis-data changes). Agreement within 0.02%. A guidance layer's
/// overlap (示范带) is in the report's guidance section, not among the zones.
/// </summary>
public class SampleOverlapOracleTests(ITestOutputHelper output)
{
    private static readonly string OracleDir = Path.Combine(CheckFixtures.RepoRoot, "tests", "SpatialPlan.Core.Tests", "Checks", "Oracles");

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var sample in Answers().EnumerateObject())
        {
            foreach (var zone in sample.Value.EnumerateObject())
            {
                data.Add(sample.Name, zone.Name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void SampleOverlapAgreesWithGdalOnTheSameLayers(string file, string category)
    {
        var geodesic = Answers().GetProperty(file).GetProperty(category).GetProperty("geodesicAreaM2").GetDouble();
        var report = SampleProjects.Run(file);
        var ours = report.Zones.FirstOrDefault(z => z.Category == category)?.OverlapAreaM2
            ?? report.Guidance.Where(g => g.Category == category).Sum(g => g.OverlapAreaM2);
        var relative = Math.Abs(ours - geodesic) / geodesic;
        output.WriteLine($"{file} × {category}: ours {ours:F2} m², GDAL+Planimeter {geodesic:F2} m², relative {relative:E2}");
        Assert.True(relative < 2e-4, $"relative difference {relative:E2}");
    }

    /// <summary>Oracles/sample-overlap-answers.json: per polygon sample and zone category, the overlap's grid and geodesic area.</summary>
    internal static JsonElement Answers() => Read("sample-overlap-answers.json");

    /// <summary>Oracles/footprint-answers.json (footprint_oracle.py): footprint area, the part inside the banner, and per neighbour.</summary>
    internal static JsonElement Footprints() => Read("footprint-answers.json");

    internal static string OracleFile(string name) => Path.Combine(OracleDir, name);

    private static JsonElement Read(string name) => JsonDocument.Parse(File.ReadAllText(Path.Combine(OracleDir, name))).RootElement;
}
