namespace SpatialPlan.Core.Checks;

/// <summary>
/// One rule of a zone (policy.json <c>zones.&lt;key&gt;.rules[i]</c>). Rules are read in order and the first whose
/// situation, kind and level match wins (docs/rules-model.md §5).
/// </summary>
public sealed record ZoneRule
{
    /// <summary>Position in the zone's <c>rules</c> array (0-based), for messages and the rules table.</summary>
    public required int Index { get; init; }

    /// <summary>The situations it applies to.</summary>
    public required IReadOnlySet<Situation> Situations { get; init; }

    /// <summary>The kind ids it applies to; null for every kind (<c>"*"</c>).</summary>
    public IReadOnlySet<string>? Kinds { get; init; }

    /// <summary>The level ids it applies to; null for every level (<c>"*"</c>).</summary>
    public IReadOnlySet<string>? Levels { get; init; }

    public required Verdict Verdict { get; init; }

    /// <summary>On a prohibited rule: the law has an exception path, so the words are 原则上禁止.</summary>
    public bool InPrinciple { get; init; }

    public required string RuleZh { get; init; }

    public required string RuleEn { get; init; }

    public required IReadOnlyList<Citation> Basis { get; init; }

    /// <summary>What is owed; at least one on an approval-required rule.</summary>
    public required IReadOnlyList<PolicyCondition> Conditions { get; init; }

    /// <summary>True when the rule applies to this kind, level and situation.</summary>
    public bool Matches(string kind, string level, Situation situation) =>
        Situations.Contains(situation) && (Kinds is null || Kinds.Contains(kind)) && (Levels is null || Levels.Contains(level));
}
