using System.Globalization;
using SpatialPlan.Core.Checks;

namespace SpatialPlan.Rendering.Reports;

/// <summary>
/// 附表 2 占用图斑清单: every feature (图斑) of every zone that the footprint overlaps, with its number, name, land class
/// or level, the overlap in m² and 亩 and its share of the feature, a subtotal per zone, across as many pages as it takes.
/// For the urban boundary (a contain zone) the rows are the boundary parts the footprint lies in, not occupations.
/// </summary>
internal sealed class FeatureAppendix(ReportContext context, ReportBlocks b)
{
    private static readonly float[] Columns = [28, 88, 66, 92, 58, 64, 50, 49];
    private static readonly bool[] Right = [true, false, false, false, false, true, true, true];

    public IEnumerable<ReportBlock> Blocks()
    {
        var zones = context.Report.Zones.Where(z => z.Features.Count > 0).ToList();
        yield return b.Heading("附表 2  占用图斑清单", newPage: true);
        if (zones.Count == 0)
        {
            yield return b.Paragraph("无：项目用地未与任何管控要素图斑重叠。");
            yield break;
        }

        yield return b.Paragraph(
            $"共 {zones.Sum(z => z.Features.Count)} 个图斑。面积为项目用地与图斑的重叠面积（{Core.Crs.Epsg.Name(ReportText.WorkingEpsg(context.Report.Footprint))} 量算，按投影长度变形改正）；占图斑比例 = 重叠面积 ÷ 图斑面积。" +
            "城镇开发边界各行为项目位于边界内的部分（不是占用）。", ReportBlocks.Small);
        var style = ReportBlocks.Cell with { Size = 8 };
        var rows = new List<ReportBlock>();
        int n = 1;
        foreach (var z in zones)
        {
            var title = z.LayerTitleZh + (z.Mode == ZoneMode.Contain ? "（边界内部分）" : string.Empty);
            foreach (var f in z.Features)
            {
                rows.Add(b.TableRow(
                    [(n++).ToString(CultureInfo.InvariantCulture), title, f.Id, f.Name, Class(z, f), Figures.M2(f.OverlapAreaM2), Figures.Mu(f.OverlapAreaM2),
                     f.SharePercent is { } s ? Figures.Percent(s) : "—"],
                    Columns, style: style, align: Right));
            }

            var total = z.Features.Sum(f => f.OverlapAreaM2);
            rows.Add(b.TableRow(["", $"{z.LayerTitleZh} 小计", $"{z.Features.Count} 个图斑", "", "", Figures.M2(total), Figures.Mu(total), ""],
                Columns, style: style with { Bold = true }, align: Right));
        }

        foreach (var block in b.Table(["序号", "管控要素", "图斑编号", "名称", "地类/级别", "面积（平方米）", "面积（亩）", "占图斑比例"], Columns, rows))
        {
            yield return block;
        }
    }

    private static string Class(ZoneResult z, FeatureOverlap f)
    {
        var level = ReportText.LevelZh(z, f.Level);
        return string.Join("；", new[] { f.LandClass, level }.Where(s => s.Length > 0)) is { Length: > 0 } text ? text : "—";
    }
}
