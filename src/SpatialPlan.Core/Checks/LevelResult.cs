namespace SpatialPlan.Core.Checks;

/// <summary>What the check found for one level of a zone (e.g. 国家重要湿地); areas in m², scale-corrected.</summary>
/// <param name="Level">Level id.</param>
/// <param name="LevelZh">Chinese name of the level.</param>
/// <param name="AreaM2">Overlap with this level's features.</param>
/// <param name="Situation">The level's situation.</param>
/// <param name="Verdict">The verdict of the rule that matched.</param>
/// <param name="InPrinciple">Whether that rule is 原则上禁止.</param>
public sealed record LevelResult(string Level, string LevelZh, double AreaM2, Situation Situation, Verdict Verdict, bool InPrinciple)
{
    /// <summary>English name of the level (the level id when the policy gives none).</summary>
    public string LevelEn { get; init; } = Level;
}
