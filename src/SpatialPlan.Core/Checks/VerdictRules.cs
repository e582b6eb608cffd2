namespace SpatialPlan.Core.Checks;

/// <summary>Reads the verdict and rule text for a situation out of a <see cref="ZonePolicy"/>. Holds no rules itself.</summary>
internal static class VerdictRules
{
    public static (Verdict Verdict, string RuleZh, string RuleEn) Decide(
        ZonePolicy zone, CheckOptions options, ZoneRelation relation, bool anyImportant)
    {
        var rule = zone.Rules.GetValueOrDefault(options.Type);
        if (rule is null)
        {
            return (Verdict.Clear, zone.ClearRuleZh, zone.ClearRuleEn);
        }

        return relation switch
        {
            ZoneRelation.Inside when zone.Mode == ZoneMode.Avoid => (Inside(rule, options, anyImportant), rule.RuleZh, rule.RuleEn),
            ZoneRelation.Outside => (rule.Outside ?? Verdict.Clear, rule.RuleZh, rule.RuleEn),
            ZoneRelation.Touches or ZoneRelation.Sliver or ZoneRelation.Nearby when zone.Mode == ZoneMode.Avoid =>
                (rule.Nearby ?? Verdict.Clear, Or(zone.NearbyRuleZh, zone.ClearRuleZh), Or(zone.NearbyRuleEn, zone.ClearRuleEn)),
            _ => (Verdict.Clear, zone.ClearRuleZh, zone.ClearRuleEn),
        };
    }

    private static Verdict Inside(ZoneRule rule, CheckOptions options, bool anyImportant)
    {
        var verdict = rule.Inside ?? Verdict.Clear;
        if (anyImportant && rule.InsideImportant is { } important)
        {
            verdict = important;
        }

        // A national major project follows its own approval path (State Council), which replaces the ordinary inside rule.
        if (options.NationalMajor && rule.InsideNationalMajor is { } major)
        {
            verdict = major;
        }

        return verdict;
    }

    private static string Or(string first, string second) => string.IsNullOrEmpty(first) ? second : first;
}
