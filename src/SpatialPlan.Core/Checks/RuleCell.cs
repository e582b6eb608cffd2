namespace SpatialPlan.Core.Checks;

/// <summary>One cell of the expanded rules table: kind × zone × level × situation → the rule that decides it.</summary>
/// <param name="Kind">Kind id.</param>
/// <param name="Zone">Zone key.</param>
/// <param name="Level">Level id, <c>*</c> for a zone without levels.</param>
/// <param name="Situation">The situation.</param>
/// <param name="Rule">The first matching rule.</param>
public sealed record RuleCell(string Kind, string Zone, string Level, Situation Situation, ZoneRule Rule)
{
    /// <summary>The verdict's Chinese word (原则上禁止 where the rule says so).</summary>
    public string VerdictZh => Names.Zh(Rule.Verdict, Rule.Verdict == Verdict.Prohibited && Rule.InPrinciple);
}
