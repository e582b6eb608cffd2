using SkiaSharp;
using SpatialPlan.Core.Checks;

namespace SpatialPlan.Rendering.Reports;

/// <summary>The colour of each verdict: green, amber, orange, red (as traffic lights, for a reader who skims); 原则上禁止 a red-orange (it has an exception path).</summary>
internal static class VerdictColors
{
    public static SKColor Of(Verdict verdict, bool inPrinciple = false) => verdict switch
    {
        Verdict.Clear => new SKColor(0x2e, 0x7d, 0x32),
        Verdict.Advisory => new SKColor(0xb2, 0x8a, 0x00),
        Verdict.ApprovalRequired => new SKColor(0xe0, 0x6c, 0x00),
        Verdict.Prohibited when inPrinciple => new SKColor(0xd2, 0x46, 0x1e),
        Verdict.Prohibited => new SKColor(0xc6, 0x28, 0x28),
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, "未知结论 / unknown verdict"),
    };
}
