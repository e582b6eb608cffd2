using NetTopologySuite.Features;
using SkiaSharp;
using SpatialPlan.Core.Checks;
using SpatialPlan.Core.Layers;
using SpatialPlan.Core.Styles;
using SpatialPlan.Rendering.Output;
using SpatialPlan.Rendering.Painting;
using SpatialPlan.Rendering.Text;

namespace SpatialPlan.Rendering.Reports;

/// <summary>
/// Renders a site check's report as an A4 PDF a reviewer can sign (issue 7 §9): title, 报告编号, the project and the
/// verdict with the map on page 1; the zones with their figures, rules, conditions and bases; the approvals owed by
/// authority; plan guidance; the data area; what was not checked; data provenance; the check settings; repairs; the
/// sign-off block; then the 界址点 table and the full list of overlapped 图斑 as appendices.
/// </summary>
public sealed class CheckReportRenderer
{
    private readonly LayerCatalog _catalog;
    private readonly StyleBook _styles;
    private readonly SheetFeatures _features4545;
    private readonly FontSet _fonts;

    /// <param name="catalog">The layers drawn as context on the report's map (its visible layers).</param>
    /// <param name="styles">styles.json.</param>
    /// <param name="features4545">A layer's features in EPSG:4545 (e.g. from the LayerStore).</param>
    /// <param name="fonts">The CJK fonts; default <see cref="FontSet.Default"/>.</param>
    public CheckReportRenderer(
        LayerCatalog catalog,
        StyleBook styles,
        Func<LayerDefinition, IReadOnlyList<IFeature>> features4545,
        FontSet? fonts = null)
    {
        _catalog = catalog;
        _styles = styles;
        _features4545 = SheetFeatures.FromWhole(features4545);
        _fonts = fonts ?? FontSet.Default;
    }

    /// <summary>The renderer over the catalog's loaded layers (the usual way: CLI and web app).</summary>
    public CheckReportRenderer(LayerStore store, StyleBook styles, FontSet? fonts = null)
        : this(store.Catalog, styles, (Func<LayerDefinition, IReadOnlyList<IFeature>>)(_ => []), fonts)
    {
        _features4545 = SheetFeatures.From(store, styles);
    }

    /// <summary>The limits the report's map is held to; <see cref="RenderBudget.Default"/> unless set.</summary>
    public RenderBudget Budget { get; init; } = RenderBudget.Default;

    /// <summary>Writes the report of <paramref name="report"/> as a PDF; returns its page count.</summary>
    /// <param name="report">The site check's result (Core's one report model: every word and figure comes from it).</param>
    /// <param name="projectName">The project's name as the planner gives it (the footprint's name, else the file name).</param>
    /// <param name="output">Where the PDF goes.</param>
    /// <param name="date">出具日期; default the check's date, so that the same check prints the same report.</param>
    /// <param name="cancellationToken">Stops the render between features and pages.</param>
    /// <exception cref="RenderBudgetException">The map would go over <see cref="Budget"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public int Render(CheckReport report, string projectName, Stream output, DateOnly? date = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        var context = new ReportContext(report, projectName, date ?? DateOnly.FromDateTime(report.Settings.CheckedAt.DateTime));
        var layers = _catalog.Layers
            .Where(l => l.Visible)
            .Select(l => new SheetLayer(l, _styles.Get(l.Style), _features4545))
            .ToList();
        var pages = new ReportComposer(context, layers, TextPainter.Full(_fonts), Budget, cancellationToken).Pages();
        var created = report.Settings.CheckedAt.DateTime;
        var metadata = new SKDocumentPdfMetadata
        {
            Title = $"{ReportContext.Title}：{projectName}（{report.ReportNumber}）",
            Subject = $"核查结论：{report.VerdictZh}",
            Keywords = report.SchematicData ? $"示意数据; 选址核查; {_catalog.DataArea.NameZh}" : $"选址核查; {_catalog.DataArea.NameZh}",
            Creator = "SpatialPlan",
            Producer = "SpatialPlan.Rendering (SkiaSharp)",
            Creation = created,
            Modified = created,
        };
        PageCompositor.WritePdf(output, metadata, _fonts, pages, cancellationToken);
        return pages.Count;
    }
}
