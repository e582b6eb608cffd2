using System.Text.Json;
using SpatialPlan.Core.Checks;
using SpatialPlan.Core.Tests.Checks;

namespace SpatialPlan.Core.Tests.Rules;

/// <summary>
/// Pins every cell of the committed policy's rules table (gis-data/policy.json, expanded as <c>spatialplan rules</c>
/// prints it) to Rules/law-fixture.json, which the law reader writes from the legal texts, not from the code or the
/// policy. Verdicts must be equal; for a prohibition, 原则上 must match where the fixture says; for an approval, the set
/// of authorities owed must match. Every mismatch is reported in one failure, with the fixture's reason.
/// </summary>
public class LawFixtureTests
{
    internal static readonly string FixturePath = Path.Combine(CheckFixtures.RepoRoot, "tests", "SpatialPlan.Core.Tests", "Rules", "law-fixture.json");

    [LawFixtureFact]
    public void EveryCellOfTheFixtureMatchesThePolicy()
    {
        var policy = CheckPolicy.LoadFromDirectory(CheckFixtures.DataDir);
        var cells = RulesTable.Expand(policy).ToDictionary(c => (c.Zone, c.Level, c.Situation, c.Kind));
        var mismatches = new List<string>();
        foreach (var cell in FixtureCells())
        {
            var zone = cell.GetProperty("zone").GetString()!;
            var level = cell.GetProperty("level").GetString()!;
            var situationName = cell.GetProperty("situation").GetString()!;
            var why = cell.TryGetProperty("why", out var w) ? w.GetString() : string.Empty;
            var where = $"{zone}/{level}/{situationName}";
            if (!policy.Zones.TryGetValue(zone, out var zonePolicy) || Names.ParseSituation(situationName) is not { } situation)
            {
                mismatches.Add($"{where}: the policy has no such zone or situation（规则中没有该管控区或情形）. why: {why}");
                continue;
            }

            var levels = level == ZoneLevel.Any ? zonePolicy.LevelIds : [level];
            foreach (var (kind, expect) in cell.GetProperty("expect").EnumerateObject().Select(p => (p.Name, p.Value)))
            {
                foreach (var l in levels)
                {
                    if (!cells.TryGetValue((zone, l, situation, kind), out var actual))
                    {
                        mismatches.Add($"{zone}/{l}/{situationName}/{kind}: not in the policy's table. why: {why}");
                        continue;
                    }

                    var problem = Compare(expect, actual);
                    if (problem is not null)
                    {
                        mismatches.Add($"{zone}/{l}/{situationName}/{kind}: {problem}. why: {why}");
                    }
                }
            }
        }

        Assert.True(mismatches.Count == 0, $"{mismatches.Count} cells differ from the law fixture:\n" + string.Join("\n", mismatches));
    }

    [LawFixtureFact]
    public void EveryCellOfThePolicyIsPinnedByTheFixture()
    {
        var policy = CheckPolicy.LoadFromDirectory(CheckFixtures.DataDir);
        var pinned = new HashSet<(string, string, string, string)>();
        foreach (var cell in FixtureCells())
        {
            var zone = cell.GetProperty("zone").GetString()!;
            var level = cell.GetProperty("level").GetString()!;
            var situation = cell.GetProperty("situation").GetString()!;
            var levels = level == ZoneLevel.Any && policy.Zones.TryGetValue(zone, out var z) ? z.LevelIds : [level];
            foreach (var kind in cell.GetProperty("expect").EnumerateObject().Select(p => p.Name))
            {
                foreach (var l in levels)
                {
                    pinned.Add((zone, l, situation, kind));
                }
            }
        }

        var unpinned = RulesTable.Expand(policy).Where(c => !pinned.Contains((c.Zone, c.Level, Names.Of(c.Situation), c.Kind)))
            .Select(c => $"{c.Zone}/{c.Level}/{Names.Of(c.Situation)}/{c.Kind}").ToList();
        Assert.True(unpinned.Count == 0, $"{unpinned.Count} cells of the policy have no expectation in the law fixture:\n" + string.Join("\n", unpinned.Take(200)));
    }

    /// <summary>Null when the policy's cell meets the fixture's expectation, else what differs.</summary>
    internal static string? Compare(JsonElement expect, RuleCell actual)
    {
        var verdict = expect.GetProperty("verdict").GetString();
        var rule = actual.Rule;
        if (verdict != Names.Of(rule.Verdict))
        {
            return $"expected {verdict}, policy says {Names.Of(rule.Verdict)}（rule #{rule.Index}：{rule.RuleZh}）";
        }

        if (rule.Verdict == Verdict.Prohibited && expect.TryGetProperty("inPrinciple", out var ip) && ip.ValueKind is JsonValueKind.True or JsonValueKind.False
            && ip.GetBoolean() != rule.InPrinciple)
        {
            return $"expected inPrinciple {ip.GetBoolean()}, policy says {rule.InPrinciple}";
        }

        if (rule.Verdict == Verdict.ApprovalRequired)
        {
            var expected = expect.TryGetProperty("authorities", out var a) ? a.EnumerateArray().Select(x => x.GetString()!).ToHashSet() : [];
            var owed = rule.Conditions.Select(c => c.Authority.Id).ToHashSet();
            if (!expected.SetEquals(owed))
            {
                return $"expected authorities [{string.Join(", ", expected.Order())}], policy says [{string.Join(", ", owed.Order())}]";
            }
        }

        return null;
    }

    private static List<JsonElement> FixtureCells() =>
        [.. JsonDocument.Parse(File.ReadAllText(FixturePath)).RootElement.GetProperty("cells").EnumerateArray()];
}
