using SpatialPlan.Core.Checks;
using SpatialPlan.Core.Sources;

namespace SpatialPlan.Core.Tests.Checks;

public class CheckPolicyTests
{
    [Fact]
    public void CommittedPolicyHasARuleForEveryProjectTypeInEveryZone()
    {
        var policy = CheckFixtures.Policy;
        Assert.Equal(1.0, policy.SliverM2);
        Assert.Equal(["ecological-redline", "permanent-farmland", "wetland", "urban-boundary", "showcase-belt"], policy.Zones.Keys);
        foreach (var zone in policy.Zones.Values)
        {
            Assert.Equal(Enum.GetValues<ProjectType>().Length, zone.Rules.Count);
            Assert.All(zone.Rules.Values, r => Assert.False(string.IsNullOrWhiteSpace(r.RuleZh) || string.IsNullOrWhiteSpace(r.RuleEn)));
            Assert.False(string.IsNullOrWhiteSpace(zone.BasisZh));
            Assert.False(string.IsNullOrWhiteSpace(zone.BasisEn));
        }
    }

    [Fact]
    public void CommittedPolicyCitesTheLawsWithArticleNumbers()
    {
        var zones = CheckFixtures.Policy.Zones;
        Assert.Contains("自然资发〔2022〕142号", zones["ecological-redline"].BasisZh);
        Assert.Contains("第三十五条", zones["permanent-farmland"].BasisZh);
        Assert.Contains("第四十四条", zones["permanent-farmland"].BasisZh);
        Assert.Contains("第二十一条", zones["wetland"].BasisZh);
        Assert.Equal(ZoneMode.Contain, zones["urban-boundary"].Mode);
        Assert.Equal(500, zones["ecological-redline"].BufferM);
    }

    [Theory]
    [InlineData("{", "malformed")]
    [InlineData("""{"zones":{"x":{"mode":"avoid","rules":{"urban":{"inside":"forbidden"}}}}}""", "forbidden")]
    [InlineData("""{"zones":{"x":{"mode":"around","rules":{}}}}""", "around")]
    [InlineData("""{"zones":{"x":{"mode":"avoid","rules":{"factory":{}}}}}""", "factory")]
    [InlineData("""{"tolerances":{}}""", "zones")]
    public void MalformedPolicyIsRefusedWithWhatIsWrong(string json, string mentioned)
    {
        var e = Assert.Throws<InputException>(() => CheckPolicy.Parse(json));
        Assert.Contains(mentioned, e.Message);
        Assert.Contains("policy.json", e.Message);
    }
}
