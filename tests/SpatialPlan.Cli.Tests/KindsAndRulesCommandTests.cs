using System.Text.Json;

namespace SpatialPlan.Cli.Tests;

/// <summary><c>spatialplan kinds</c> and <c>spatialplan rules</c> over the tests' data directory (its own policy).</summary>
public sealed class KindsAndRulesCommandTests(TestDataDirectory data) : IClassFixture<TestDataDirectory>
{
    [Fact]
    public void KindsJsonListsTheKindsWithGroupsAndAliasesAndTheMajorCategoriesPerList()
    {
        var run = CliRun.Of("kinds", "--format", "json", "--data", data.Root);

        Assert.Equal(0, run.ExitCode);
        var root = JsonDocument.Parse(run.Stdout).RootElement;
        var kinds = root.GetProperty("kinds").EnumerateArray().ToList();
        Assert.Equal(17, kinds.Count);
        var linear = kinds.Single(k => k.GetProperty("id").GetString() == "linear-infrastructure");
        Assert.Equal("infrastructure", linear.GetProperty("group").GetString());
        Assert.Equal(["linear"], linear.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()));
        Assert.False(string.IsNullOrEmpty(linear.GetProperty("nameZh").GetString()));
        Assert.False(string.IsNullOrEmpty(linear.GetProperty("nameEn").GetString()));
        var majors = root.GetProperty("majorCategories").EnumerateArray().ToList();
        Assert.Equal(["farmland", "redline", "wetland"], majors.Select(m => m.GetProperty("list").GetString()).Distinct());
        Assert.All(majors, m => Assert.Equal(JsonValueKind.Object, m.GetProperty("basis").ValueKind));
        Assert.Equal(["建设", "基础设施", "农业", "生态", "特殊"], root.GetProperty("groups").EnumerateArray().Select(g => g.GetProperty("nameZh").GetString()));
    }

    [Fact]
    public void KindsTableGroupsTheKindsAndSaysWhichOldNamesAreAmbiguous()
    {
        var run = CliRun.Of("kinds", "--data", data.Root);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("orchard-fishpond", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("“agriculture”含义不明", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("farmland-transport", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void RulesJsonHasOneRowPerKindZoneLevelAndSituationWithConditionsForEveryApproval()
    {
        var run = CliRun.Of("rules", "--format", "json", "--data", data.Root);

        Assert.Equal(0, run.ExitCode);
        var root = JsonDocument.Parse(run.Stdout).RootElement;
        var rules = root.GetProperty("rules").EnumerateArray().ToList();
        // Interim policy: red line 6 situations, farmland 6, wetland 3 levels × 6, urban boundary 3 → 33 cells per kind.
        Assert.Equal(17 * 33, rules.Count);
        Assert.Equal(rules.Count, rules.Select(r => (r.GetProperty("kind").GetString(), r.GetProperty("zone").GetString(), r.GetProperty("level").GetString(), r.GetProperty("situation").GetString())).Distinct().Count());
        Assert.All(rules.Where(r => r.GetProperty("verdict").GetString() == "approval-required"),
            r => Assert.NotEqual(0, r.GetProperty("conditions").GetArrayLength()));
        var cell = rules.Single(r => r.GetProperty("kind").GetString() == "linear-infrastructure" && r.GetProperty("zone").GetString() == "permanent-farmland"
            && r.GetProperty("situation").GetString() == "inside-major");
        Assert.Equal("approval-required", cell.GetProperty("verdict").GetString());
        Assert.Equal("state-council", cell.GetProperty("conditions")[0].GetProperty("authority").GetString());
        Assert.Equal("*", cell.GetProperty("level").GetString());
    }

    [Fact]
    public void RulesTableCanBeNarrowedToAKindAndAZone()
    {
        var run = CliRun.Of("rules", "--data", data.Root, "--kind", "linear", "--zone", "permanent-farmland");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("共 6 行。", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("国务院", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("缓冲", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void RulesForAnUnknownZoneExitTwo()
    {
        var run = CliRun.Of("rules", "--data", data.Root, "--zone", "forest");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("forest", run.Stderr, StringComparison.Ordinal);
    }
}
