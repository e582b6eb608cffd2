namespace SpatialPlan.Core.Checks;

/// <summary>
/// The whole policy as one table a planner or a lawyer can audit (<c>spatialplan rules</c>): one row per
/// kind × zone category × level × situation, with the rule that decides it (first match wins, as in a check).
/// </summary>
public static class RulesTable
{
    /// <summary>Every cell, zones in policy order, then levels, situations and kinds in policy order.</summary>
    public static IReadOnlyList<RuleCell> Expand(CheckPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return [.. from zone in policy.Zones.Values
                   from level in zone.LevelIds
                   from situation in zone.SituationsToCover
                   from kind in policy.Kinds
                   select new RuleCell(kind.Id, zone.Key, level, situation, zone.RuleFor(kind.Id, level, situation))];
    }
}
