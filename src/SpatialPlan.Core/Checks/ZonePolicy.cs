namespace SpatialPlan.Core.Checks;

/// <summary>The policy of one zone category (a <c>zones.&lt;key&gt;</c> entry of policy.json version 2).</summary>
public sealed record ZonePolicy
{
    /// <summary>The key, e.g. <c>ecological-redline</c>; catalog layers name it in their <c>policy</c>.</summary>
    public required string Key { get; init; }

    public required ZoneMode Mode { get; init; }

    /// <summary>
    /// 邻近提示距离 in true metres (working CRS, scale-corrected): a system setting, not law. A footprint this close to a
    /// feature, without overlapping it, is <see cref="Situation.Near"/>.
    /// </summary>
    public required double ProximityM { get; init; }

    /// <summary>The major-project list that lifts this zone (<c>farmland</c>, <c>redline</c>, <c>wetland</c>), or null.</summary>
    public string? MajorList { get; init; }

    /// <summary>
    /// True when the layer's features never overlap one another (a coverage, e.g. farmland parcels): the zone's overlap
    /// area is then the sum of the per-feature overlaps and no union is built, which keeps a long road across 100 000
    /// parcels fast.
    /// </summary>
    public bool FeaturesDisjoint { get; init; }

    /// <summary>The levels (feature attribute <c>level</c>); null for a zone without levels.</summary>
    public IReadOnlyList<ZoneLevel>? Levels { get; init; }

    /// <summary>The zone's legal basis.</summary>
    public required IReadOnlyList<Citation> Basis { get; init; }

    /// <summary>The rules, in order (first match wins).</summary>
    public required IReadOnlyList<ZoneRule> Rules { get; init; }

    /// <summary>The level ids the rules are evaluated for: the levels, or <c>*</c> alone for a zone without levels.</summary>
    public IReadOnlyList<string> LevelIds => Levels?.Select(l => l.Id).ToArray() ?? [ZoneLevel.Any];

    /// <summary>The situations this zone's rules must cover (by mode, and inside-major only with a major list).</summary>
    public IReadOnlyList<Situation> SituationsToCover => Mode == ZoneMode.Contain
        ? [Situation.Outside, Situation.OutsideSliver, Situation.Within]
        : MajorList is null
            ? [Situation.Inside, Situation.Sliver, Situation.Touches, Situation.Near, Situation.None]
            : [Situation.Inside, Situation.InsideMajor, Situation.Sliver, Situation.Touches, Situation.Near, Situation.None];

    /// <summary>The level with this id, or null (also for <c>*</c>).</summary>
    public ZoneLevel? Level(string id) => Levels?.FirstOrDefault(l => l.Id == id);

    /// <summary>The first rule that matches; the loader has made sure there is one for every covered cell.</summary>
    public ZoneRule RuleFor(string kind, string level, Situation situation) =>
        Rules.FirstOrDefault(r => r.Matches(kind, level, situation))
        ?? throw new InvalidOperationException($"policy zone {Key} has no rule for {kind} × {level} × {Names.Of(situation)}");
}
