using SkiaSharp;
using SpatialPlan.Core.Checks;
using SpatialPlan.Rendering.Text;

namespace SpatialPlan.Rendering.Reports;

/// <summary>Page 1: the title with what the report is not, its number and date, the project, the verdict bar and the map.</summary>
internal sealed class ReportCover(ReportContext context, ReportBlocks b)
{
    private static readonly (Verdict Verdict, bool InPrinciple)[] Scale =
    [
        (Verdict.Clear, false), (Verdict.Advisory, false), (Verdict.ApprovalRequired, false), (Verdict.Prohibited, true), (Verdict.Prohibited, false),
    ];

    private CheckReport Report => context.Report;

    /// <summary>The blocks before the map, so the map can take the rest of the page.</summary>
    public IEnumerable<ReportBlock> Blocks()
    {
        yield return TitleBlock();
        yield return b.Paragraph("一、项目基本情况", ReportBlocks.BodyBold, keepWithNext: true);
        var p = Report.Project;
        yield return b.KeyValue("项目名称", context.ProjectName);
        yield return b.KeyValuePair("建设单位", ReportText.OrUnfilled(p.Builder), "项目代码", ReportText.OrUnfilled(p.ProjectCode));
        yield return b.KeyValue("项目类型", ReportText.Kind(Report));
        yield return b.KeyValue("重大项目类别", ReportText.Majors(Report));
        yield return b.KeyValue("占地面积", Report.FootprintFiguresZh);
        yield return b.KeyValue("坐标系", ReportText.CrsShort(Report.Footprint));
        yield return ReportBlocks.Space(6);
        yield return VerdictBar();
        yield return b.Paragraph(Involved(), ReportBlocks.BodyBold with { Size = 9 });
        yield return b.Paragraph(SummaryLine(), ReportBlocks.Small);
        if (Report.SchematicData)
        {
            yield return b.Paragraph("示意数据：所用管控要素图层为依据规划文本绘制的示意图层，不是官方矢量数据，结论仅供演示与初筛（见第七、十节）。",
                ReportBlocks.Small with { Color = ReportBlocks.Warning, Bold = true });
        }
    }

    private ReportBlock TitleBlock() => new(74, (canvas, text, x, y, w) =>
    {
        text.Draw(canvas, ReportContext.Title, x + (w / 2), y + 22, new TextStyle(17, ReportBlocks.Ink, Bold: true), SKTextAlign.Center);
        text.Draw(canvas, $"（{ReportContext.NotAPermitZh}）", x + (w / 2), y + 40, new TextStyle(8.5f, ReportBlocks.Muted), SKTextAlign.Center);
        var small = new TextStyle(9, ReportBlocks.Ink);
        text.Draw(canvas, $"报告编号：{Report.ReportNumber}", x, y + 64, small with { Bold = true });
        text.Draw(canvas, $"出具日期：{ReportText.Date(context.IssueDate)}", x + w, y + 64, small, SKTextAlign.Right);
    });

    /// <summary>The overall verdict in its colour, then the five verdict words with this one marked.</summary>
    private ReportBlock VerdictBar() => new(68, (canvas, text, x, y, w) =>
    {
        var color = VerdictColors.Of(Report.Verdict, Report.InPrinciple);
        using var fill = new SKPaint { Color = color, Style = SKPaintStyle.Fill };
        canvas.DrawRect(new SKRect(x, y, x + w, y + 36), fill);
        var white = new TextStyle(16, SKColors.White, Bold: true);
        text.Draw(canvas, $"总体结论：{Report.VerdictZh}", x + 12, y + 24, white);

        float cell = w / Scale.Length;
        for (int i = 0; i < Scale.Length; i++)
        {
            var (verdict, inPrinciple) = Scale[i];
            bool current = verdict == Report.Verdict && (verdict != Verdict.Prohibited || inPrinciple == Report.InPrinciple);
            var c = VerdictColors.Of(verdict, inPrinciple);
            var r = new SKRect(x + (i * cell) + 1, y + 42, x + ((i + 1) * cell) - 1, y + 62);
            using var paint = new SKPaint { Color = current ? c : c.WithAlpha(40), Style = SKPaintStyle.Fill };
            canvas.DrawRect(r, paint);
            var word = Names.Zh(verdict, inPrinciple);
            var style = new TextStyle(8.5f, current ? SKColors.White : ReportBlocks.Muted, Bold: current);
            text.Draw(canvas, word, r.MidX, r.Bottom - 6, style, SKTextAlign.Center);
        }
    });

    private string Involved()
    {
        var conflicts = Report.Zones.Where(z => z.Verdict >= Verdict.ApprovalRequired).Select(z => $"{z.LayerTitleZh}（{z.VerdictZh}）").ToList();
        if (conflicts.Count > 0)
        {
            return "涉及：" + string.Join("、", conflicts);
        }

        return Report.Verdict == Verdict.Advisory ? "未占用禁止或有条件准入的管控要素，有提示关注事项" : "未占用禁止或有条件准入的管控要素";
    }

    private string SummaryLine()
    {
        var approvals = Report.Approvals.Sum(a => a.Items.Count);
        var j = Report.Jurisdiction is { } jr ? $"｜{jr.FiguresZh}" : string.Empty;
        return $"尚需办理的审批与意见 {approvals} 项（第三节）｜未核查事项 {Report.NotChecked.Count} 类（第六节）{j}。" +
            "“不涉及”仅指本报告所列图层，不代表项目已全面合规。";
    }
}
