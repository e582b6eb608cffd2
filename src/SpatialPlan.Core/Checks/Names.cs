namespace SpatialPlan.Core.Checks;

/// <summary>
/// The JSON/CLI names of verdicts, situations and modes, and the Chinese words every output prints
/// (docs/rules-model.md §5: 不涉及 / 提示关注 / 有条件准入 / 禁止, 原则上禁止 where the law has an exception path).
/// </summary>
public static class Names
{
    private static readonly string[] VerdictNames = ["clear", "advisory", "approval-required", "prohibited"];
    private static readonly string[] VerdictZh = ["不涉及", "提示关注", "有条件准入", "禁止"];
    private static readonly string[] VerdictEn = ["Clear", "Advisory", "Approval required", "Prohibited"];

    private static readonly Dictionary<Situation, string> SituationNames = new()
    {
        [Situation.None] = "none",
        [Situation.Near] = "near",
        [Situation.Touches] = "touches",
        [Situation.Sliver] = "sliver",
        [Situation.Inside] = "inside",
        [Situation.InsideMajor] = "inside-major",
        [Situation.Within] = "within",
        [Situation.OutsideSliver] = "outside-sliver",
        [Situation.Outside] = "outside",
    };

    /// <summary>The Chinese word for a prohibited verdict whose rule has an exception path.</summary>
    public const string ProhibitedInPrincipleZh = "原则上禁止";

    /// <summary>JSON name of a verdict: clear, advisory, approval-required, prohibited.</summary>
    public static string Of(Verdict verdict) => VerdictNames[(int)verdict];

    /// <summary>Chinese word of a verdict: 不涉及 / 提示关注 / 有条件准入 / 禁止.</summary>
    public static string Zh(Verdict verdict) => VerdictZh[(int)verdict];

    /// <summary>Chinese word of a verdict, 原则上禁止 for a prohibited verdict with an exception path.</summary>
    public static string Zh(Verdict verdict, bool inPrinciple) =>
        verdict == Verdict.Prohibited && inPrinciple ? ProhibitedInPrincipleZh : Zh(verdict);

    /// <summary>English word of a verdict.</summary>
    public static string En(Verdict verdict, bool inPrinciple = false) =>
        verdict == Verdict.Prohibited && inPrinciple ? "Prohibited in principle" : VerdictEn[(int)verdict];

    /// <summary>Parses a verdict name; null when it is not one.</summary>
    public static Verdict? ParseVerdict(string? name)
    {
        var i = Array.IndexOf(VerdictNames, name);
        return i < 0 ? null : (Verdict)i;
    }

    /// <summary>JSON name of a situation (docs/rules-model.md §4).</summary>
    public static string Of(Situation situation) => SituationNames[situation];

    /// <summary>Parses a situation name; null when it is not one.</summary>
    public static Situation? ParseSituation(string? name) =>
        SituationNames.Where(p => p.Value == name).Select(p => (Situation?)p.Key).FirstOrDefault();

    /// <summary>Every situation name, for messages.</summary>
    public static IReadOnlyList<string> SituationNameList { get; } = [.. SituationNames.Values];

    /// <summary>Chinese name of a situation, for the rules table.</summary>
    public static string Zh(Situation situation) => situation switch
    {
        Situation.Inside => "占用",
        Situation.InsideMajor => "占用（所列重大项目）",
        Situation.Sliver => "微小重叠",
        Situation.Touches => "边界相邻",
        Situation.Near => "邻近",
        Situation.None => "不相交",
        Situation.Within => "位于边界内",
        Situation.OutsideSliver => "边界外微小部分",
        Situation.Outside => "位于边界外",
        _ => situation.ToString(),
    };

    /// <summary>English name of a situation.</summary>
    public static string En(Situation situation) => situation switch
    {
        Situation.Inside => "occupies",
        Situation.InsideMajor => "occupies (listed major project)",
        Situation.Sliver => "sliver overlap",
        Situation.Touches => "shares a boundary",
        Situation.Near => "nearby",
        Situation.None => "no contact",
        Situation.Within => "inside the boundary",
        Situation.OutsideSliver => "sliver outside the boundary",
        Situation.Outside => "outside the boundary",
        _ => situation.ToString(),
    };

    /// <summary>
    /// The geometric relation of the old report field <c>relation</c> (inside, touches, sliver, nearby, none, outside):
    /// coarser than the situation, kept for readers of the version-1 JSON.
    /// </summary>
    public static string RelationOf(Situation situation) => situation switch
    {
        Situation.Inside or Situation.InsideMajor or Situation.Within => "inside",
        Situation.Sliver => "sliver",
        Situation.Touches => "touches",
        Situation.Near => "nearby",
        Situation.Outside or Situation.OutsideSliver => "outside",
        _ => "none",
    };

    /// <summary>JSON name of a zone mode.</summary>
    public static string Of(ZoneMode mode) => mode.ToString().ToLowerInvariant();
}
