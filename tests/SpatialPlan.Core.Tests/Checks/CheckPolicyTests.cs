using System.Text.Json.Nodes;
using SpatialPlan.Core.Checks;
using SpatialPlan.Core.Sources;

namespace SpatialPlan.Core.Tests.Checks;

/// <summary>The policy loader: the committed policy meets the contract, and a broken policy is refused naming the place.</summary>
public class CheckPolicyTests
{
    private static readonly string[] ContractKinds =
    [
        "urban-construction", "industrial-park", "scattered-urban", "rural-revival", "energy", "linear-infrastructure",
        "point-infrastructure", "cropping", "facility-agriculture", "orchard-fishpond", "ecological-restoration", "tourism-facility",
        "monitoring-relief", "archaeology", "geological-survey", "special-use", "temporary-use",
    ];

    private static readonly string[] ContractMajors =
    [
        "farmland-central", "farmland-military", "farmland-transport", "farmland-energy", "farmland-water", "farmland-ndrc",
        "redline-central", "redline-military", "redline-transport-water", "redline-grid", "redline-energy-mining", "redline-ndrc-infrastructure",
        "redline-land-guarantee",
        "wetland-national-major", "wetland-disaster", "wetland-water-works", "wetland-protection",
    ];

    [Fact]
    public void TheCommittedPolicyHasTheContractsKindsAliasesAndMajorCategories()
    {
        var policy = CheckPolicy.LoadFromDirectory(CheckFixtures.DataDir);

        Assert.Equal(ContractKinds.Order(), policy.Kinds.Select(k => k.Id).Order());
        Assert.Equal("urban-construction", policy.ResolveKind("urban", "t").Kind.Id);
        Assert.Equal("linear-infrastructure", policy.ResolveKind("linear", "t").Kind.Id);
        Assert.Equal("ecological-restoration", policy.ResolveKind("ecological", "t").Kind.Id);
        Assert.Equal("tourism-facility", policy.ResolveKind("tourism", "t").Kind.Id);
        Assert.Equal(["agriculture", "other"], policy.AmbiguousKinds.Keys.Order());
        Assert.Equal(ContractMajors.Order(), policy.MajorCategories.Select(m => m.Id).Order());
        Assert.All(policy.MajorCategories, m => Assert.StartsWith(m.List, m.Id, StringComparison.Ordinal));
        Assert.Contains("showcase-belt", policy.Guidance.Keys);
        Assert.Contains("town-structure", policy.Guidance.Keys);
        Assert.True(policy.SliverM2 is > 0 and <= 1);
    }

    [Fact]
    public void EveryZoneOfTheCommittedPolicyDecidesEveryCellAndCitesItsBasis()
    {
        var policy = CheckPolicy.LoadFromDirectory(CheckFixtures.DataDir);

        var cells = RulesTable.Expand(policy);

        Assert.Equal(policy.Zones.Values.Sum(z => z.LevelIds.Count * z.SituationsToCover.Count) * policy.Kinds.Count, cells.Count);
        Assert.All(policy.Zones.Values, z => Assert.NotEmpty(z.Basis));
        Assert.All(cells.Where(c => c.Rule.Verdict == Verdict.ApprovalRequired), c => Assert.NotEmpty(c.Rule.Conditions));
        Assert.All(cells.Where(c => c.Situation is Situation.Sliver or Situation.OutsideSliver), c => Assert.NotEqual(Verdict.Clear, c.Rule.Verdict));
        Assert.DoesNotContain("缓冲", File.ReadAllText(Path.Combine(CheckFixtures.DataDir, "policy.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void TheEnginesTestPolicyLoads() =>
        Assert.Equal(3, EnginePolicy.Policy.Kinds.Count);

    [Fact]
    public void AHoleIsRefusedNamingTheZoneAndTheCell()
    {
        var e = Refused(p => Rules(p, "ecological-redline").RemoveAt(6)); // the "none" rule

        Assert.Contains("zones.ecological-redline.rules", e.Message, StringComparison.Ordinal);
        Assert.Contains("urban-construction × * × none", e.Message, StringComparison.Ordinal);
        Assert.Contains("hole", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AHoleInOneLevelIsNamedWithItsLevel()
    {
        var e = Refused(p => Rules(p, "wetland")[2]!["levels"] = new JsonArray("national-important"));

        Assert.Contains("urban-construction × general × inside", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("kinds", "factory", "项目种类“factory”未知")]
    [InlineData("levels", "provincial", "级别“provincial”")]
    public void AnUnknownKindOrLevelInARuleIsRefused(string field, string value, string expected)
    {
        var e = Refused(p => Rules(p, "wetland")[1]![field] = new JsonArray(value));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.Contains("zones.wetland.rules[1]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownAuthorityIsRefused()
    {
        var e = Refused(p => Rules(p, "ecological-redline")[0]!["conditions"]![0]!["authority"] = "county-office");

        Assert.Contains("county-office", e.Message, StringComparison.Ordinal);
        Assert.Contains("zones.ecological-redline.rules[0].conditions[0].authority", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownDocumentIsRefused()
    {
        var e = Refused(p => p["zones"]!["ecological-redline"]!["basis"]![0]!["doc"] = "LAW-X");

        Assert.Contains("LAW-X", e.Message, StringComparison.Ordinal);
        Assert.Contains("documents", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnApprovalRequiredRuleWithoutAConditionIsRefused()
    {
        var e = Refused(p => Rules(p, "ecological-redline")[1]!.AsObject().Remove("conditions"));

        Assert.Contains("zones.ecological-redline.rules[1].conditions", e.Message, StringComparison.Ordinal);
        Assert.Contains("approval-required", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sliver", "clear", "微小重叠")]
    [InlineData("near", "prohibited", "邻近")]
    [InlineData("none", "advisory", "不相交")]
    public void AVerdictTheModelForbidsForASituationIsRefused(string situation, string verdict, string expected)
    {
        var index = situation switch { "sliver" => 3, "near" => 5, _ => 6 };
        var e = Refused(p => Rules(p, "ecological-redline")[index]!["verdict"] = verdict);

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ASituationOfTheOtherModeIsRefused()
    {
        var e = Refused(p => Rules(p, "ecological-redline")[6]!["situation"] = "outside");

        Assert.Contains("情形“outside”不适用", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"sliverM2": -1}""", "tolerances.sliverM2", "负数")]
    [InlineData("""{"sliverM2": 1e999}""", "tolerances.sliverM2", "有限")]
    [InlineData("""{"sliverM2": "NaN"}""", "tolerances.sliverM2", "有限")]
    public void ANegativeInfiniteOrNotANumberToleranceIsRefused(string tolerances, string place, string expected)
    {
        var json = EnginePolicy.Json.Replace("\"tolerances\": {\"sliverM2\": 1.0}", $"\"tolerances\": {tolerances}", StringComparison.Ordinal);

        var e = Assert.Throws<InputException>(() => CheckPolicy.Parse(json));

        Assert.Contains(place, e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.Contains("policy.json", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ANegativeProximityIsRefused()
    {
        var e = Refused(p => p["zones"]!["wetland"]!["proximityM"] = -300);

        Assert.Contains("zones.wetland.proximityM", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{", "JSON")]
    [InlineData("""{"version":1,"zones":{}}""", "第 2 版")]
    [InlineData("""{"version":2,"documents":[],"authorities":[],"kinds":[],"majorCategories":[]}""", "zones")]
    public void AMalformedOrOldPolicyIsRefusedWithWhatIsWrong(string json, string mentioned)
    {
        var e = Assert.Throws<InputException>(() => CheckPolicy.Parse(json));

        Assert.Contains(mentioned, e.Message, StringComparison.Ordinal);
        Assert.Contains("policy.json", e.Message, StringComparison.Ordinal);
    }

    private static JsonArray Rules(JsonNode policy, string zone) => policy["zones"]![zone]!["rules"]!.AsArray();

    private static InputException Refused(Action<JsonNode> breakIt)
    {
        var node = JsonNode.Parse(EnginePolicy.Json)!;
        breakIt(node);
        return Assert.Throws<InputException>(() => CheckPolicy.Parse(node.ToJsonString()));
    }
}
