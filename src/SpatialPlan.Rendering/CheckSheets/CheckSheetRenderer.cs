using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using SkiaSharp;
using SpatialPlan.Core.Checks;
using SpatialPlan.Core.Crs;
using SpatialPlan.Core.Layers;
using SpatialPlan.Core.Styles;
using SpatialPlan.Rendering.Output;
using SpatialPlan.Rendering.Painting;
using SpatialPlan.Rendering.Sheets;
using SpatialPlan.Rendering.Text;

namespace SpatialPlan.Rendering.CheckSheets;

/// <summary>
/// The sheet of one check for a meeting (会议出图, issue 9 §1): the footprint over the plan's layers; each zone's overlap
/// filled by its category (styles.json <c>overlaps</c>) and outlined in its verdict's colour, drawn above the footprint's
/// line; the verdict stamp; a location inset of the data area; one detail frame per conflicting zone at 1:2 000–1:10 000
/// around its largest overlap; a legend of only what the frames show; 图名, 制图单位, 公里网 ticks and the 示意 mark.
/// In the overview an overlap too small to see at its scale is circled in its verdict's colour, so a conflict never
/// disappears (the 陕临快速通道's 34 亩 of farmland at 1:200 000).
/// </summary>
public sealed class CheckSheetRenderer
{
    /// <summary>Largest scale of a detail frame (1:2 000) and smallest (1:10 000).</summary>
    public const double MinDetailDenominator = 2_000, MaxDetailDenominator = 10_000;

    /// <summary>At most this many detail frames (the most severe zones first); the overview still shows every overlap.</summary>
    public const int MaxDetails = 6;

    /// <summary>A detail frame shows its piece with 25 % room around it.</summary>
    private const double Room = 1.25;

    /// <summary>The narrowest an overlap piece is drawn in its detail frame, points (3.5 mm), when 1:2 000 allows it.</summary>
    public const double MinWidthPt = 10;

    private readonly LayerCatalog _catalog;
    private readonly StyleBook _styles;
    private readonly SheetFeatures _features;
    private readonly FontSet _fonts;

    /// <param name="catalog">The layers drawn as context (its visible layers).</param>
    /// <param name="styles">styles.json (with its <c>overlaps</c> style; a neutral grey without it).</param>
    /// <param name="workingFeatures">A layer's features in the catalog's working CRS.</param>
    /// <param name="fonts">The CJK fonts; default <see cref="FontSet.Default"/>.</param>
    public CheckSheetRenderer(LayerCatalog catalog, StyleBook styles, Func<LayerDefinition, IReadOnlyList<IFeature>> workingFeatures, FontSet? fonts = null)
    {
        _catalog = catalog;
        _styles = styles;
        _features = SheetFeatures.FromWhole(workingFeatures);
        _fonts = fonts ?? FontSet.Default;
    }

    /// <summary>The renderer over the catalog's loaded layers (CLI and web app).</summary>
    public CheckSheetRenderer(LayerStore store, StyleBook styles, FontSet? fonts = null)
        : this(store.Catalog, styles, (Func<LayerDefinition, IReadOnlyList<IFeature>>)(_ => []), fonts)
    {
        _features = SheetFeatures.From(store, styles);
    }

    /// <summary>The limits every render is held to; <see cref="RenderBudget.Default"/> unless set.</summary>
    public RenderBudget Budget { get; init; } = RenderBudget.Default;

    /// <summary>Draws the sheet of <paramref name="report"/> into <paramref name="output"/> as PDF or PNG.</summary>
    /// <param name="report">The check (Core's one report model).</param>
    /// <param name="projectName">The project's name, for the default 图名.</param>
    /// <param name="request">Title, 制图单位, paper, orientation, format, language.</param>
    /// <param name="output">Where the PDF or PNG goes.</param>
    /// <param name="cancellationToken">Stops the render between features.</param>
    /// <exception cref="Core.Sources.InputException">A DPI out of range.</exception>
    /// <exception cref="RenderBudgetException">The sheet would go over <see cref="Budget"/>; nothing was drawn.</exception>
    /// <exception cref="MissingGlyphException">The title or unit uses a character the font lacks.</exception>
    public CheckSheetResult Render(CheckReport report, string projectName, CheckSheetRequest request, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(request);
        var page = PaperSize.Points(request.Paper, request.Orientation);
        if (request.Format == SheetFormat.Png)
        {
            if (request.Dpi is < PageCompositor.MinDpi or > PageCompositor.MaxDpi)
            {
                throw new Core.Sources.InputException(
                    $"PNG 分辨率 {request.Dpi} dpi 超出范围（DPI out of range）。",
                    $"给出 {PageCompositor.MinDpi} 到 {PageCompositor.MaxDpi} 之间的 dpi，例如 150。 Give a dpi from {PageCompositor.MinDpi} to {PageCompositor.MaxDpi}, e.g. 150.");
            }

            var (width, height) = PageCompositor.PixelSize(page, request.Dpi);
            Budget.CheckPixels(width, height, request.Dpi);
        }

        var content = Resolve(report, projectName, request);
        var conflicts = content.Overlaps.Where(o => o.Conflict)
            .OrderByDescending(o => o.Zone.Verdict).ThenByDescending(o => o.Zone.OverlapAreaM2).Take(MaxDetails).ToList();
        var layout = CheckSheetLayout.For(page, conflicts.Count, content.Overlaps.Count);

        var details = conflicts.Select((o, i) => DetailFrame(layout.Details[i], o)).ToList();
        var overviewExtent = OverviewExtent(content.Footprint);
        details.ForEach(d => overviewExtent.ExpandToInclude(d.Ground));
        var overview = MapFrame.Fit(layout.Overview, overviewExtent);
        var inset = InsetFrame(layout, content, overview);

        var overviewPlans = content.Layers.Select(l => LayerPlan.For(l, overview, cancellationToken)).ToList();
        var detailPlans = details.Select(d => content.Layers.Select(l => LayerPlan.For(l, d, cancellationToken)).ToList()).ToList();
        MapSheetRenderer.CheckBudget(Budget, [.. overviewPlans, .. detailPlans.SelectMany(p => p)]);

        // The legend: the project's own symbols, then only the layers and classes with a feature in a frame.
        var words = content.Words;
        var legend = new List<LegendEntry> { CheckSheetStyles.Entry(words.En ? "Project footprint" : "项目占地范围", CheckSheetStyles.FootprintLegend) };
        legend.AddRange(content.Overlaps.DistinctBy(o => o.Label).Select(o => CheckSheetStyles.Entry(o.Label, o.Fill with
        {
            Stroke = Hex(o.VerdictColor), StrokeWidth = 2,
        })));
        if (details.Count > 0)
        {
            legend.Add(new LegendEntry(words.En ? "Detail frame" : "详图范围", CheckSheetStyles.DetailBox, LegendSwatch.Line));
        }

        if (content.Outside is not null)
        {
            legend.Add(CheckSheetStyles.Entry(words.En ? "Outside the data area, not checked" : "数据范围外，未核查", CheckSheetStyles.Outside));
        }

        var perLayer = overviewPlans.Select(p => (p.Layer, Entries: LegendPainter.EntriesInFrame([p], [overview.Ground], words))).ToList();
        legend.AddRange(perLayer.SelectMany(l => l.Entries));
        var shown = perLayer.Where(l => l.Entries.Count > 0).Select(l => l.Layer).ToList();
        content = content with
        {
            Legend = legend,
            Sources = MapSheetRenderer.Sources(shown, words),
            Schematic = report.SchematicData || shown.Any(l => l.Definition.Schematic),
            Generalised = MapSheetRenderer.Generalised(overviewPlans, overview, words),
        };

        var painter = new CheckSheetPainter(layout, content, overview, overviewPlans, details, detailPlans, conflicts, inset, cancellationToken);
        var spec = new PageSpec(page, painter.Paint);
        if (request.Format == SheetFormat.Png)
        {
            PageCompositor.WritePng(output, request.Dpi, _fonts, spec, cancellationToken);
        }
        else
        {
            PageCompositor.WritePdf(output, Metadata(content), _fonts, [spec], cancellationToken);
        }

        var frames = new List<CheckSheetFrame> { Frame("overview", null, overview) };
        frames.AddRange(details.Select((d, i) => Frame("detail", conflicts[i].Zone.Category, d)));
        frames.Add(Frame("inset", null, inset));
        return new CheckSheetResult(frames, [.. content.Overlaps.Select(o => o.Zone.Category).Distinct()], [.. legend.Select(e => e.Label)])
        {
            GridLabels = painter.GridLabels,
        };
    }

    private CheckSheetContent Resolve(CheckReport report, string projectName, CheckSheetRequest request)
    {
        var words = new SheetWords(request.Language);
        int epsg = report.Footprint.WorkingCrs.Epsg;
        Geometry? ToWorking(Geometry? lonLat) => lonLat is { IsEmpty: false } g ? CrsTransformer.Transform(g, Epsg.Cgcs2000, epsg) : null;

        // Zones that say something (提示关注 or worse) and have an overlap, least severe first so the worst is drawn on top.
        var overlaps = report.Zones
            .Where(z => z.Verdict >= Verdict.Advisory && z.HighlightGeographic is { IsEmpty: false })
            .OrderBy(z => z.Verdict).ThenByDescending(z => z.OverlapAreaM2)
            .Select(z =>
            {
                var style = CheckSheetStyles.OverlapOf(_styles, z.Category);
                // The verdict is the outline's colour and is spelt out in the stamp beside the legend.
                var name = (words.En ? style.LegendEn : style.LegendZh) ?? (words.En ? z.LayerTitleEn : z.LayerTitleZh);
                return new OverlapPart(z, ToWorking(z.HighlightGeographic)!, style, name);
            })
            .ToList();
        var layers = _catalog.Layers.Where(l => l.Visible).Select(l => new SheetLayer(l, _styles.Get(l.Style), _features)).ToList();
        var area = _catalog.DataArea;
        var verdictWord = words.En ? Names.En(report.Verdict, report.InPrinciple) : report.VerdictZh;
        var checkedAt = report.Settings.CheckedAtText;
        return new CheckSheetContent(
            report,
            string.IsNullOrWhiteSpace(request.Title) ? (words.En ? $"Site check map: {projectName}" : $"{projectName}选址核查图") : request.Title.Trim(),
            words.En
                ? $"Verdict: {verdictWord} · report {report.ReportNumber} · checked {checkedAt}"
                : $"核查结论：{verdictWord} · 报告编号 {report.ReportNumber} · 核查时间 {checkedAt}",
            report.Footprint.Gk,
            ToWorking(report.Jurisdiction?.OutsideGeographic),
            overlaps,
            layers,
            ToWorking(area.Boundary),
            words,
            request.Date ?? DateOnly.FromDateTime(report.Settings.CheckedAt.DateTime))
        {
            Unit = request.Unit,
            CrsNote = MapSheetRenderer.CrsNote(report.Footprint.WorkingCrs, words),
        };
    }

    /// <summary>The footprint with room around it: 15 % of its size each side, at least 750 m.</summary>
    internal static Envelope OverviewExtent(Geometry footprint)
    {
        var e = new Envelope(footprint.EnvelopeInternal);
        e.ExpandBy(Math.Max(Math.Max(e.Width, e.Height) * 0.15, 750));
        return e;
    }

    /// <summary>A detail frame on the zone's largest overlap piece, at the round scale that fits it with room, held to 1:2 000–1:10 000.</summary>
    internal static MapFrame DetailFrame(SKRect rect, OverlapPart overlap)
    {
        var largest = Enumerable.Range(0, overlap.Working.NumGeometries).Select(overlap.Working.GetGeometryN).MaxBy(g => g.Area)!;
        var e = largest.EnvelopeInternal;
        double fit = MapScale.FitDenominator(Math.Max(e.Width, 1) * Room, Math.Max(e.Height, 1) * Room, rect.Width, rect.Height);

        // A long thin piece (a road across a zone) would fit only at a small scale where its width is a hairline under
        // its outline: the frame is also held to a scale at which the piece is at least MinWidthPt wide.
        double widthM = largest.Length > 0 ? 2 * largest.Area / largest.Length : 0;
        double readable = widthM / (MinWidthPt * MapScale.MetresPerPoint);
        double denominator = Math.Clamp(Math.Min(fit, RoundDown(readable)), MinDetailDenominator, MaxDetailDenominator);
        var centre = e.Width * Room <= rect.Width * MapScale.MetresPerPoint * denominator && e.Height * Room <= rect.Height * MapScale.MetresPerPoint * denominator
            ? e.Centre
            : largest.InteriorPoint.Coordinate; // a piece larger than the frame: centre on a point inside it
        return new MapFrame(rect, centre, denominator);
    }

    /// <summary>The largest of 2 000, 2 500, 5 000, 10 000 not above <paramref name="value"/> (2 000 below that).</summary>
    private static double RoundDown(double value) =>
        new[] { 10_000d, 5_000, 2_500, 2_000 }.FirstOrDefault(d => d <= value, MinDetailDenominator);

    private static MapFrame InsetFrame(CheckSheetLayout layout, CheckSheetContent content, MapFrame overview)
    {
        var extent = content.AreaBoundary is { } boundary ? new Envelope(boundary.EnvelopeInternal) : new Envelope(overview.Ground);
        extent.ExpandToInclude(overview.Ground);
        if (content.AreaBoundary is null)
        {
            extent.ExpandBy(Math.Max(extent.Width, extent.Height) * 2);
        }

        var r = layout.Inset;
        float pad = 6 * layout.Unit;
        return MapFrame.Fit(new SKRect(r.Left + pad, r.Top + (14 * layout.Unit), r.Right - pad, r.Bottom - pad), extent);
    }

    private static CheckSheetFrame Frame(string kind, string? category, MapFrame frame) =>
        new(kind, category, frame.RectPt.Left, frame.RectPt.Top, frame.RectPt.Width, frame.RectPt.Height, frame.Denominator, frame.Ground);

    private static string Hex(SKColor c) => $"#{c.Red:x2}{c.Green:x2}{c.Blue:x2}";

    private SKDocumentPdfMetadata Metadata(CheckSheetContent content) => new()
    {
        Title = content.Title,
        Subject = content.Subtitle,
        Keywords = content.Schematic ? $"示意数据; 选址核查; {_catalog.DataArea.NameZh}" : $"选址核查; {_catalog.DataArea.NameZh}",
        Creator = "SpatialPlan",
        Producer = "SpatialPlan.Rendering (SkiaSharp)",
        Creation = content.Report.Settings.CheckedAt.DateTime,
        Modified = content.Report.Settings.CheckedAt.DateTime,
    };
}
