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
/// Renders a site check's conflict report as an A4 PDF a leader can sign: summary, verdict and map on page 1,
/// the per-zone table with rules and legal bases next, the repairs made to the input last.
/// </summary>
public sealed class CheckReportRenderer
{
    private readonly LayerCatalog _catalog;
    private readonly StyleBook _styles;
    private readonly Func<LayerDefinition, IReadOnlyList<IFeature>> _features4545;
    private readonly FontSet _fonts;

    /// <param name="catalog">The layers drawn as context on the report's map (its visible layers).</param>
    /// <param name="styles">styles.json.</param>
    /// <param name="features4545">A layer's features in the catalog's working CRS (e.g. from the LayerStore).</param>
    /// <param name="fonts">The CJK fonts; default <see cref="FontSet.Default"/>.</param>
    public CheckReportRenderer(
        LayerCatalog catalog,
        StyleBook styles,
        Func<LayerDefinition, IReadOnlyList<IFeature>> features4545,
        FontSet? fonts = null)
    {
        _catalog = catalog;
        _styles = styles;
        _features4545 = features4545;
        _fonts = fonts ?? FontSet.Default;
    }

    /// <summary>The renderer over the catalog's loaded layers (the usual way: CLI and web app).</summary>
    public CheckReportRenderer(LayerStore store, StyleBook styles, FontSet? fonts = null)
        : this(store.Catalog, styles, LayerStoreFeatures.From(store), fonts)
    {
    }

    /// <summary>The limits the report's map is held to; <see cref="RenderBudget.Default"/> unless set.</summary>
    public RenderBudget Budget { get; init; } = RenderBudget.Default;

    /// <summary>Writes the report of <paramref name="report"/> as a PDF; returns its page count.</summary>
    /// <param name="report">The site check's result.</param>
    /// <param name="projectName">The project's name as the planner gives it (the footprint's name, else the file name).</param>
    /// <param name="output">Where the PDF goes.</param>
    /// <param name="date">The date printed as 核查日期; default today.</param>
    /// <param name="cancellationToken">Stops the render between features and pages.</param>
    /// <exception cref="RenderBudgetException">The map would go over <see cref="Budget"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public int Render(CheckReport report, string projectName, Stream output, DateOnly? date = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        var model = CheckReportMapping.ToModel(report, projectName, date ?? DateOnly.FromDateTime(DateTime.Now)) with { AreaNameZh = _catalog.DataArea.NameZh };
        return Render(model, output, cancellationToken);
    }

    /// <summary>Writes the report PDF; returns its page count.</summary>
    internal int Render(ReportModel model, Stream output, CancellationToken cancellationToken = default)
    {
        var context = _catalog.Layers
            .Where(l => l.Visible)
            .Select(l => new SheetLayer(l, _styles.Get(l.Style), _features4545(l)))
            .ToList();
        var pages = new ReportComposer(model, context, TextPainter.Full(_fonts), Budget, cancellationToken).Pages();
        var metadata = new SKDocumentPdfMetadata
        {
            Title = $"建设项目选址冲突核查报告：{model.ProjectName}",
            Subject = $"核查结论：{model.VerdictZh}",
            Keywords = model.Schematic ? $"示意数据; 选址核查; {model.AreaNameZh}" : $"选址核查; {model.AreaNameZh}",
            Creator = "SpatialPlan",
            Producer = "SpatialPlan.Rendering (SkiaSharp)",
            Creation = model.Date.ToDateTime(TimeOnly.MinValue),
            Modified = model.Date.ToDateTime(TimeOnly.MinValue),
        };
        PageCompositor.WritePdf(output, metadata, _fonts, pages, cancellationToken);
        return pages.Count;
    }
}
