using System.Text.Json;
using Xunit.Abstractions;

namespace SpatialPlan.Core.Tests.Checks;

/// <summary>
/// Overlap areas of the polygon sample projects with the real gis-data layers against GDAL/GEOS + PROJ + GeographicLib
/// (Oracles/sample_overlap_oracle.py; re-run it when gis-data changes). Agreement within 0.02%.
/// </summary>
public class SampleOverlapOracleTests(ITestOutputHelper output)
{
    private static readonly string AnswerFile = Path.Combine(CheckFixtures.RepoRoot, "tests", "SpatialPlan.Core.Tests", "Checks", "Oracles", "sample-overlap-answers.json");

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
        var zone = SampleProjects.Run(file).Zones.Single(z => z.Category == category);
        var relative = Math.Abs(zone.OverlapAreaM2 - geodesic) / geodesic;
        output.WriteLine($"{file} × {category}: ours {zone.OverlapAreaM2:F2} m², GDAL+Planimeter {geodesic:F2} m², relative {relative:E2}");
        Assert.True(relative < 2e-4, $"relative difference {relative:E2}");
    }

    private static JsonElement Answers() => JsonDocument.Parse(File.ReadAllText(AnswerFile)).RootElement;
}
