using SpatialPlan.Rendering.Output;
using SpatialPlan.Rendering.Painting;
using SpatialPlan.Rendering.Text;

namespace SpatialPlan.Rendering.Reports;

/// <summary>
/// Turns a report into pages: the cover (title, number, project, verdict, map); the zones; approvals, guidance, data
/// area, what was not checked, provenance, settings and repairs; the notes and the sign-off; then the appendices (界址点
/// and the overlapped 图斑), each section from Core's one report model.
/// </summary>
internal sealed class ReportComposer(ReportContext context, IReadOnlyList<SheetLayer> layers, TextPainter measure, RenderBudget budget, CancellationToken cancellationToken)
{
    private const float MinMapHeight = 200;

    private readonly ReportBlocks _b = new(measure);

    public List<PageSpec> Pages()
    {
        var cover = new ReportCover(context, _b).Blocks().ToList();
        var rest = new List<ReportBlock>();
        rest.AddRange(new ReportZoneSection(context, _b).Blocks());
        rest.AddRange(new ReportSections(context, _b).Blocks());
        rest.AddRange(new ReportSignOff(context, _b).Blocks());
        rest.AddRange(new BoundaryPointTable(context, _b).Blocks());
        rest.AddRange(new FeatureAppendix(context, _b).Blocks());
        var report = context.Report;
        return ReportPaginator.Paginate(
            [.. cover, MapBlock(cover), .. rest],
            $"{ReportContext.Title} · 报告编号 {report.ReportNumber}",
            $"SpatialPlan · {context.ProjectName}",
            report.SchematicData);
    }

    /// <summary>The map takes what the cover leaves of page 1 (its key below it).</summary>
    private ReportBlock MapBlock(IReadOnlyList<ReportBlock> cover)
    {
        float used = cover.Sum(block => block.Height);
        float height = Math.Max(MinMapHeight, ReportPaginator.PageHeight - used - ReportMapPainter.KeyHeight - 8);
        return new ReportMapPainter(context.Report, layers, budget, cancellationToken).Block(height);
    }
}
