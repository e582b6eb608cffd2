using SkiaSharp;
using SpatialPlan.Rendering.Text;

namespace SpatialPlan.Rendering.Reports;

/// <summary>十、说明与签署: what the report is, the 示意数据 note, then 编制 / 审核 / 审定, 编制单位（盖章）, 报告编号 and 日期.</summary>
internal sealed class ReportSignOff(ReportContext context, ReportBlocks b)
{
    public IEnumerable<ReportBlock> Blocks()
    {
        var report = context.Report;
        yield return b.Heading("十、说明与签署");
        yield return b.Paragraph(
            "1. 本报告由 SpatialPlan 按所列管控要素图层和规则表（policy.json）自动核查生成，是选址阶段的初步核查意见，" +
            "不代替用地预审与选址意见书，也不代替各主管部门的审查意见；正式审批以自然资源等主管部门的正式数据和审查意见为准。");
        yield return b.Paragraph("2. 结论用语：不涉及、提示关注、有条件准入（须取得第三节所列审批或意见）、原则上禁止（法律规定了例外情形）、禁止。" +
            "邻近提示距离是系统设置，不是法定距离。");
        yield return b.Paragraph("3. 本报告各页页眉载有报告编号；附表 1 为项目用地界址点坐标，附表 2 为被占用图斑的完整清单。");
        if (report.DataNoteZh is { } note)
        {
            yield return b.Paragraph("4. " + note, ReportBlocks.BodyBold with { Color = ReportBlocks.Warning });
        }

        yield return ReportBlocks.Space(10);
        yield return Signatures();
    }

    private ReportBlock Signatures() => new(132, (canvas, text, x, y, w) =>
    {
        using var line = new SKPaint { Color = ReportBlocks.Ink, StrokeWidth = 0.6f, Style = SKPaintStyle.Stroke };
        using var frame = new SKPaint { Color = ReportBlocks.Rule, StrokeWidth = 0.5f, Style = SKPaintStyle.Stroke };
        canvas.DrawRect(new SKRect(x, y, x + w, y + 128), frame);
        var label = ReportBlocks.BodyBold;
        string[] roles = ["编制：", "审核：", "审定："];
        float col = w / 3;
        for (int i = 0; i < roles.Length; i++)
        {
            float cx = x + 10 + (i * col);
            text.Draw(canvas, roles[i], cx, y + 34, label);
            float start = cx + text.Measure(roles[i], label) + 4;
            canvas.DrawLine(start, y + 36, cx + col - 24, y + 36, line);
        }

        text.Draw(canvas, "编制单位（盖章）：", x + 10, y + 74, label);
        canvas.DrawLine(x + 10 + text.Measure("编制单位（盖章）：", label) + 4, y + 76, x + (w / 2) - 10, y + 76, line);
        text.Draw(canvas, $"报告编号：{context.Report.ReportNumber}", x + (w / 2) + 10, y + 74, label);
        text.Draw(canvas, "日期：        年      月      日", x + (w / 2) + 10, y + 110, label);
        text.Draw(canvas, $"出具日期 {ReportText.Date(context.IssueDate)}", x + 10, y + 110, new TextStyle(8, ReportBlocks.Muted));
    });
}
