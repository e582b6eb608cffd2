using System.Text.Json;
using SpatialPlan.Core.Checks;
using static SpatialPlan.Core.Tests.Checks.CheckFixtures;

namespace SpatialPlan.Core.Tests.Checks;

/// <summary>
/// Overlap areas against known answers from GDAL/GEOS (planar intersection) + PROJ cs2cs + GeographicLib
/// Planimeter (geodesic area of that intersection), produced by Oracles/overlay_oracle.py.
/// </summary>
public class OverlayOracleTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly string OracleDir = Path.Combine(RepoRoot, "tests", "SpatialPlan.Core.Tests", "Checks", "Oracles");

    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var c in Cases())
        {
            data.Add(c.GetProperty("name").GetString()!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void OverlapAreaAgreesWithGdalAndGeographicLibWithinTwoHundredthsOfAPercent(string name)
    {
        var c = Cases().Single(x => x.GetProperty("name").GetString() == name);
        var zones = c.GetProperty("zones").EnumerateArray().Select((z, i) => ($"p{i}", z.GetString()!, (string?)null)).ToArray();
        var report = Check(Layer("permanent-farmland", zones), c.GetProperty("footprint").GetString()!);

        var answer = JsonDocument.Parse(File.ReadAllText(Path.Combine(OracleDir, "overlay-answers.json"))).RootElement.GetProperty(name);
        var geodesic = answer.GetProperty("geodesicAreaM2").GetDouble();
        var zone = report.Zones.Single();
        var relative = Math.Abs(zone.OverlapAreaM2 - geodesic) / geodesic;
        output.WriteLine($"{name}: ours {zone.OverlapAreaM2:F3} m², Planimeter {geodesic:F3} m², relative {relative:E2}");
        Assert.True(relative < 2e-4, $"{name}: ours {zone.OverlapAreaM2:F3} m², Planimeter {geodesic:F3} m², relative {relative:E2}");
        Assert.Equal(Situation.Inside, zone.Situation);
    }

    private static IEnumerable<JsonElement> Cases() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(OracleDir, "overlay-cases.json"))).RootElement.EnumerateArray();
}
