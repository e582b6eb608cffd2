using System.Globalization;
using SkiaSharp;
using SpatialPlan.Core.Checks;
using SpatialPlan.Rendering.Text;

namespace SpatialPlan.Rendering.Reports;

/// <summary>
/// 附表 1 界址点坐标表: every boundary point of the footprint (Core's <see cref="BoundaryPoints"/>), in three column
/// groups read top to bottom, page after page — a buffered line has hundreds of points and every one is printed.
/// </summary>
internal sealed class BoundaryPointTable(ReportContext context, ReportBlocks b)
{
    private const int Groups = 3;
    private const float Gap = 10.5f;
    private const float RowH = 11;
    private static readonly float[] Sub = [34, 62, 62];
    private static readonly TextStyle Style = new(7.5f, ReportBlocks.Ink);

    /// <summary>A line of the table: a ring's label (Point is null) or a point.</summary>
    private sealed record Line(string? Label, BoundaryPoint? Point);

    public IEnumerable<ReportBlock> Blocks()
    {
        var rings = context.Report.BoundaryRings;
        var heading = b.Heading("附表 1  界址点坐标表", newPage: true);
        var note = b.Paragraph(
            $"坐标系：2000 国家大地坐标系（CGCS2000），{ReportText.WorkingCrsZh(context.Report.Footprint)}；X 为北坐标，Y 为东坐标（不含带号），单位：米。" +
            $"各环自西北角起按顺时针方向编号，末点与首点相同。共 {rings.Count} 个环、{BoundaryPoints.CountPoints(rings)} 个界址点。",
            ReportBlocks.Small);
        yield return heading;
        yield return note;

        var lines = rings.SelectMany(r => new[] { new Line($"{r.LabelZh}（{r.Points.Count - 1} 点）", null) }
            .Concat(r.Points.Select(p => new Line(null, p)))).ToList();
        float first = ReportPaginator.PageHeight - heading.Height - note.Height - 4;
        int start = 0;
        bool firstSheet = true;
        while (start < lines.Count)
        {
            float room = firstSheet ? first : ReportPaginator.PageHeight - 4;
            int perColumn = Math.Max(1, (int)((room - RowH - 6) / RowH));
            int take = Math.Min(lines.Count - start, perColumn * Groups);
            yield return Sheet(lines.GetRange(start, take), perColumn, newPage: !firstSheet);
            start += take;
            firstSheet = false;
        }
    }

    private static ReportBlock Sheet(List<Line> lines, int perColumn, bool newPage)
    {
        int rows = Math.Min(perColumn, lines.Count);
        float height = ((rows + 1) * RowH) + 6;
        return new ReportBlock(height, (canvas, text, x, y, _) =>
        {
            using var border = new SKPaint { Color = ReportBlocks.Rule, Style = SKPaintStyle.Stroke, StrokeWidth = 0.4f };
            using var shade = new SKPaint { Color = ReportBlocks.Shade, Style = SKPaintStyle.Fill };
            float groupW = Sub.Sum();
            for (int g = 0; g * perColumn < lines.Count; g++)
            {
                float gx = x + (g * (groupW + Gap));
                var column = lines.Skip(g * perColumn).Take(perColumn).ToList();
                canvas.DrawRect(new SKRect(gx, y, gx + groupW, y + RowH), shade);
                Cells(canvas, text, gx, y, ["点号", "X（北坐标）", "Y（东坐标）"], Style with { Bold = true }, border);
                for (int i = 0; i < column.Count; i++)
                {
                    float ry = y + ((i + 1) * RowH);
                    if (column[i].Point is { } p)
                    {
                        Cells(canvas, text, gx, ry, [p.Name, Coordinate(p.X), Coordinate(p.Y)], Style, border);
                    }
                    else
                    {
                        canvas.DrawRect(new SKRect(gx, ry, gx + groupW, ry + RowH), border);
                        text.Draw(canvas, column[i].Label!, gx + 3, ry + RowH - 3, Style with { Bold = true });
                    }
                }
            }
        }, newPage);
    }

    private static void Cells(SKCanvas canvas, TextPainter text, float x, float y, string[] cells, TextStyle style, SKPaint border)
    {
        float cx = x;
        for (int i = 0; i < cells.Length; i++)
        {
            canvas.DrawRect(new SKRect(cx, y, cx + Sub[i], y + RowH), border);
            if (i == 0)
            {
                text.Draw(canvas, cells[i], cx + 3, y + RowH - 3, style);
            }
            else
            {
                text.Draw(canvas, cells[i], cx + Sub[i] - 3, y + RowH - 3, style, SKTextAlign.Right);
            }

            cx += Sub[i];
        }
    }

    /// <summary>Metres to the millimetre, without grouping (as surveyors write coordinates).</summary>
    public static string Coordinate(double metres) => metres.ToString("0.000", CultureInfo.InvariantCulture);
}
