namespace SpatialPlan.Core.Checks;

/// <summary>
/// What one zone category decides for one project type (a <c>rules.&lt;type&gt;</c> entry of policy.json).
/// A null verdict means <see cref="Verdict.Clear"/> for that situation.
/// </summary>
/// <param name="Inside">Avoid mode: verdict when the overlap exceeds the sliver tolerance.</param>
/// <param name="InsideNationalMajor">Replaces every inside verdict for a national major project, when set.</param>
/// <param name="InsideImportant">Replaces <paramref name="Inside"/> when an overlapped feature has <c>important: true</c>.</param>
/// <param name="Outside">Contain mode: verdict when the part outside the zone exceeds the sliver tolerance.</param>
/// <param name="Nearby">Verdict for a touch, a sliver, or a feature within the buffer.</param>
/// <param name="RuleZh">The rule in Chinese, with its legal article.</param>
/// <param name="RuleEn">The rule in English.</param>
public sealed record ZoneRule(
    Verdict? Inside,
    Verdict? InsideNationalMajor,
    Verdict? InsideImportant,
    Verdict? Outside,
    Verdict? Nearby,
    string RuleZh,
    string RuleEn);
