using SpatialPlan.Core.Checks;
using SpatialPlan.Rendering.Output;
using SpatialPlan.Rendering.Painting;
using SpatialPlan.Rendering.Text;

namespace SpatialPlan.Rendering.Reports;

/// <summary>Turns a <see cref="ReportModel"/> into pages: summary and map; zone table and rules; repairs and signatures.</summary>
internal sealed class ReportComposer(ReportModel model, IReadOnlyList<SheetLayer> context, TextPainter measure, RenderBudget budget, CancellationToken cancellationToken)
{
    private static readonly float[] s_columns = [82, 48, 50, 66, 50, 54, 40, 105];

    private readonly ReportBlocks _b = new(measure);

    public List<PageSpec> Pages() => ReportPaginator.Paginate(
        [.. Summary(), .. ZoneTable(), .. Rules(), .. Sections(), .. Repairs()],
        $"建设项目选址冲突核查报告 · {model.ProjectName}",
        model.Schematic,
        $"SpatialPlan {model.AreaNameZh}规划空间要素核查");

    private IEnumerable<ReportBlock> Summary()
    {
        yield return new ReportBlock(48, (canvas, text, x, y, w) =>
        {
            text.Draw(canvas, "建设项目选址冲突核查报告", x + (w / 2), y + 24, new TextStyle(20, ReportBlocks.Ink, Bold: true), SkiaSharp.SKTextAlign.Center);
            text.Draw(canvas, $"{model.AreaNameZh}“三条控制线”、湿地等管控要素核查", x + (w / 2), y + 41, new TextStyle(9.5f, new SkiaSharp.SKColor(0x55, 0x55, 0x55)), SkiaSharp.SKTextAlign.Center);
        });
        yield return _b.KeyValue("项目名称", model.ProjectName);
        yield return _b.KeyValue("项目类型", model.ProjectTypeZh);
        yield return _b.KeyValue("重大项目类别", model.MajorsZh.Length > 0 ? model.MajorsZh : "无");
        if (model.IdentityZh.Length > 0)
        {
            yield return _b.KeyValue("项目身份", model.IdentityZh);
        }

        yield return _b.KeyValue("占地面积", ReportFormat.Area(model.AreaM2));
        yield return _b.KeyValue("坐标系", model.CrsNoteZh);
        yield return _b.KeyValue("核查日期", ReportFormat.Date(model.Date));
        yield return VerdictBox();
        yield return new ReportMapPainter(model, context, budget, cancellationToken).Block(model.Schematic ? 318 : 340);
        if (model.Schematic)
        {
            yield return _b.Paragraph(SchematicNote(),
                new TextStyle(8.5f, new SkiaSharp.SKColor(0xc0, 0x10, 0x10), Bold: true));
        }
    }

    /// <summary>The data note, always starting with 示意数据 (Core's note already does; do not say it twice).</summary>
    private string SchematicNote()
    {
        var note = model.DataNoteZh ?? "部分管控要素图层为示意数据，不是官方矢量数据。";
        return note.StartsWith("示意数据", StringComparison.Ordinal) ? note : "示意数据：" + note;
    }

    private ReportBlock VerdictBox() => new(50, (canvas, text, x, y, w) =>
    {
        var color = VerdictColors.Of(model.Verdict);
        var box = new SkiaSharp.SKRect(x, y + 8, x + w, y + 44);
        using var fill = new SkiaSharp.SKPaint { Color = color, Style = SkiaSharp.SKPaintStyle.Fill };
        canvas.DrawRect(box, fill);
        var white = new TextStyle(16, SkiaSharp.SKColors.White, Bold: true);
        text.Draw(canvas, $"总体结论：{model.VerdictZh}", x + 12, y + 32, white);
        var conflicts = model.Zones.Where(z => z.Verdict >= Verdict.ApprovalRequired).Select(z => z.LayerTitleZh).ToList();
        var note = conflicts.Count > 0 ? $"涉及：{string.Join("、", conflicts)}" : "未占用禁止或需审批的管控要素";
        text.Draw(canvas, note, x + w - 12, y + 31, new TextStyle(9.5f, SkiaSharp.SKColors.White), SkiaSharp.SKTextAlign.Right);
    });

    private IEnumerable<ReportBlock> ZoneTable()
    {
        yield return _b.Heading("一、逐要素核查结果", newPage: true);
        yield return _b.TableRow(["管控要素", "空间关系", "结论", "重叠面积 m²", "重叠 亩", "重叠 公顷", "占比", "涉及要素 / 最近距离"], s_columns, header: true);
        foreach (var z in model.Zones)
        {
            var features = z.FeaturesZh.Length > 0 ? z.FeaturesZh : "—";

            yield return _b.TableRow(
                [z.LayerTitleZh + (z.Schematic ? "（示意）" : string.Empty), z.RelationZh, z.VerdictZh,
                 ReportFormat.M2(z.OverlapAreaM2), ReportFormat.Mu(z.OverlapAreaM2), ReportFormat.Ha(z.OverlapAreaM2),
                 ReportFormat.Percent(z.OverlapPercent), features],
                s_columns,
                colors: [null, null, VerdictColors.Of(z.Verdict), null, null, null, null, null]);
        }

        yield return ReportBlocks.Space(6);
        yield return _b.Paragraph($"面积在 {model.WorkingCrsZh} 中量算，并按投影长度变形改正；1 亩 = 666.67 m²，1 公顷 = 10 000 m²。",
            new TextStyle(8, new SkiaSharp.SKColor(0x55, 0x55, 0x55)));
    }

    private IEnumerable<ReportBlock> Rules()
    {
        yield return ReportBlocks.Space(8);
        yield return _b.Heading("二、适用规则与法律依据");
        foreach (var z in model.Zones)
        {
            yield return _b.Paragraph($"【{z.LayerTitleZh}】结论：{z.VerdictZh}", ReportBlocks.BodyBold);
            yield return _b.Paragraph("规则：" + z.RuleZh, indent: 12);
            foreach (var condition in z.ConditionsZh)
            {
                yield return _b.Paragraph("条件：" + condition, indent: 12);
            }

            yield return _b.Paragraph("依据：" + z.BasisZh, indent: 12);
            yield return ReportBlocks.Space(4);
        }
    }

    private IEnumerable<ReportBlock> Sections()
    {
        foreach (var (heading, lines) in model.Sections)
        {
            yield return _b.Paragraph($"【{heading}】", ReportBlocks.BodyBold);
            foreach (var line in lines)
            {
                yield return _b.Paragraph(line, indent: 12);
            }
        }
    }

    private IEnumerable<ReportBlock> Repairs()
    {
        yield return _b.Heading("三、输入数据修复记录", newPage: true);
        if (model.Repairs.Count == 0)
        {
            yield return _b.Paragraph("无。输入的占地范围未作任何修改。");
        }
        else
        {
            float[] widths = [50, 175, 190, 80];
            yield return _b.TableRow(["要素序号", "问题", "处理", "面积变化（m²）"], widths, header: true);
            foreach (var r in model.Repairs)
            {
                var change = r.AreaChangeM2 is { } a ? ReportFormat.M2(a) : "—";
                yield return _b.TableRow([(r.FeatureIndex + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), r.Problem, r.Action, change], widths);
            }
        }

        yield return ReportBlocks.Space(12);
        yield return _b.Heading("四、说明");
        yield return _b.Paragraph("本报告由 SpatialPlan 根据所列管控要素图层自动核查生成，结论用于选址初筛；正式审批以自然资源主管部门的正式数据和审查意见为准。");
        if (model.Schematic)
        {
            yield return _b.Paragraph(SchematicNote(), new TextStyle(9.5f, new SkiaSharp.SKColor(0xc0, 0x10, 0x10)));
        }

        yield return ReportBlocks.Space(30);
        yield return ReportBlocks.Signatures();
    }
}
