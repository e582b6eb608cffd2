using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using SkiaSharp;
using SpatialPlan.Core.Crs;
using SpatialPlan.Core.Layers;
using SpatialPlan.Core.Styles;
using SpatialPlan.Rendering.Output;
using SpatialPlan.Rendering.Painting;
using SpatialPlan.Rendering.Text;

namespace SpatialPlan.Rendering.Sheets;

/// <summary>
/// Renders map sheets (PDF or PNG) from the catalog's layers with the styles of styles.json — the same
/// symbology as the web map. The map frame is in the catalog's working CRS (a CGCS2000 3-degree Gauss-Kruger zone, true
/// north within a degree and true scale within 0.04 %) at a round scale, and the sheet prints that CRS's name.
/// </summary>
public sealed class MapSheetRenderer
{
    private readonly LayerCatalog _catalog;
    private readonly StyleBook _styles;
    private readonly SheetFeatures _features;
    private readonly Func<Envelope, Envelope> _projectLonLat;
    private readonly FontSet _fonts;

    /// <summary>The renderer over the catalog's loaded layers (the usual way: CLI and web app).</summary>
    /// <param name="store">The loaded layers (features in EPSG:4490 and in the working CRS).</param>
    /// <param name="styles">styles.json of the same data directory.</param>
    /// <param name="fonts">The CJK fonts; default <see cref="FontSet.Default"/>.</param>
    public MapSheetRenderer(LayerStore store, StyleBook styles, FontSet? fonts = null)
        : this(store.Catalog, styles, SheetFeatures.From(store, styles), null, fonts)
    {
    }

    /// <summary>Largest extent a sheet shows, in metres across (working CRS): 2 000 km, far beyond any plan sheet.</summary>
    public const double MaxExtentM = 2_000_000;

    /// <summary>The limits every render is held to; <see cref="RenderBudget.Default"/> unless set.</summary>
    public RenderBudget Budget { get; init; } = RenderBudget.Default;

    /// <param name="catalog">The layers and their order.</param>
    /// <param name="styles">styles.json.</param>
    /// <param name="workingFeatures">A layer's features in the catalog's working CRS (<see cref="LayerCatalog.WorkingCrs"/>, e.g. from the LayerStore).</param>
    /// <param name="projectLonLat">Projects a lon/lat box to the working CRS, for <see cref="MapSheetRequest.Bbox4490"/>; null projects
    /// into <see cref="LayerCatalog.WorkingCrs"/>.</param>
    /// <param name="fonts">The CJK fonts; default <see cref="FontSet.Default"/>.</param>
    public MapSheetRenderer(
        LayerCatalog catalog,
        StyleBook styles,
        Func<LayerDefinition, IReadOnlyList<IFeature>> workingFeatures,
        Func<Envelope, Envelope>? projectLonLat = null,
        FontSet? fonts = null)
        : this(catalog, styles, SheetFeatures.FromWhole(workingFeatures), projectLonLat, fonts)
    {
    }

    private MapSheetRenderer(
        LayerCatalog catalog,
        StyleBook styles,
        SheetFeatures features,
        Func<Envelope, Envelope>? projectLonLat,
        FontSet? fonts)
    {
        _catalog = catalog;
        _styles = styles;
        _features = features;
        _projectLonLat = projectLonLat ?? (bbox => SheetFeatures.ProjectLonLat(bbox, catalog.WorkingCrs));
        _fonts = fonts ?? FontSet.Default;
    }

    /// <summary>Draws the sheet into <paramref name="output"/> as PDF or PNG.</summary>
    /// <param name="request">What to draw.</param>
    /// <param name="output">Where the PDF or PNG goes.</param>
    /// <param name="cancellationToken">Stops the render between features (a client that went away, a spent work budget).</param>
    /// <exception cref="Core.Sources.InputException">An unknown layer id or style key, a DPI out of range, an unusable extent.</exception>
    /// <exception cref="RenderBudgetException">The sheet would go over <see cref="Budget"/>; nothing was drawn.</exception>
    /// <exception cref="MissingGlyphException">A title or label uses a character the font lacks.</exception>
    /// <exception cref="NotSupportedException">A style asks for a symbol the renderer cannot draw.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public MapSheetResult Render(MapSheetRequest request, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var page = PaperSize.Points(request.Paper, request.Orientation);
        if (request.Format == SheetFormat.Png)
        {
            RequireDpi(request.Dpi);
            var (width, height) = PageCompositor.PixelSize(page, request.Dpi);
            Budget.CheckPixels(width, height, request.Dpi);
        }

        var content = Resolve(request);
        var layout = SheetLayout.For(page);
        var frame = MapFrame.Fit(
            layout.Map,
            RequireSane(Extent(request, content.Layers), _catalog.DataArea.NameZh),
            request.Format == SheetFormat.Png ? 72.0 / request.Dpi : MapFrame.PrintPixelPt);
        var plans = content.Layers.Select(l => LayerPlan.For(l, frame, cancellationToken)).ToList();
        CheckBudget(Budget, plans);

        // The legend and the sources name only what the frame shows (issue 9: the legend listed 19 entries not in view).
        var perLayer = plans.Select(p => (p.Layer, Entries: LegendPainter.EntriesInFrame([p], [frame.Ground], content.Words))).ToList();
        var legend = perLayer.SelectMany(l => l.Entries).ToList();
        var shown = perLayer.Where(l => l.Entries.Count > 0).Select(l => l.Layer).ToList();
        content = content with { Legend = legend, Sources = Sources(shown, content.Words), Generalised = Generalised(plans, frame, content.Words) };
        var painter = new MapSheetPainter(layout, frame, content, plans, cancellationToken);
        var spec = new PageSpec(page, painter.Paint);
        if (request.Format == SheetFormat.Png)
        {
            PageCompositor.WritePng(output, request.Dpi, _fonts, spec, cancellationToken);
        }
        else
        {
            PageCompositor.WritePdf(output, Metadata(content), _fonts, [spec], cancellationToken);
        }

        return new MapSheetResult(frame.Denominator, [.. content.Layers.Select(l => l.Definition.Id)], content.Schematic, painter.FeatureCount)
        {
            LegendLabels = [.. legend.Select(e => e.Label)],
            GridLabels = painter.GridLabels,
            Ground = frame.Ground,
            MergedFeatures = plans.Sum(p => p.MergedCount),
            DroppedFeatures = plans.Sum(p => p.DroppedCount),
        };
    }

    /// <summary>Refuses a map whose hatch lines or labels are over the budget (counted from the plans, before drawing).</summary>
    internal static void CheckBudget(RenderBudget budget, IReadOnlyList<LayerPlan> plans)
    {
        budget.CheckHatchLines(plans.Sum(p => p.HatchLines), plans.Select(p => (p.Layer.Definition.TitleZh, p.HatchLines)));
        budget.CheckLabels(plans.Sum(p => p.Labels), plans.Select(p => (p.Layer.Definition.TitleZh, (long)p.Labels)));
    }

    private static void RequireDpi(int dpi)
    {
        if (dpi is < PageCompositor.MinDpi or > PageCompositor.MaxDpi)
        {
            throw new Core.Sources.InputException(
                $"PNG 分辨率 {dpi} dpi 超出范围（DPI out of range）。",
                $"给出 {PageCompositor.MinDpi} 到 {PageCompositor.MaxDpi} 之间的 dpi，例如 150。 Give a dpi from {PageCompositor.MinDpi} to {PageCompositor.MaxDpi}, e.g. 150.");
        }
    }

    /// <summary>A finite extent of positive size, at most <see cref="MaxExtentM"/> across.</summary>
    private static Envelope RequireSane(Envelope extent, string areaZh)
    {
        double[] values = [extent.MinX, extent.MinY, extent.MaxX, extent.MaxY];
        if (!values.All(double.IsFinite) || extent.Width > MaxExtentM || extent.Height > MaxExtentM)
        {
            throw new Core.Sources.InputException(
                $"制图范围 {extent.Width:0} × {extent.Height:0} 米不可用（the extent must be finite and at most {MaxExtentM / 1000:0} km across）。",
                $"给出{areaZh}附近、宽和高都不超过 2000 公里的范围。 Give an extent near the data area, at most 2 000 km across.");
        }

        return extent;
    }

    private SheetContent Resolve(MapSheetRequest request)
    {
        var wanted = request.LayerIds is { } ids
            ? ids.Select(id => _catalog.Get(id).Id).ToHashSet(StringComparer.Ordinal)
            : _catalog.Layers.Where(l => l.Visible).Select(l => l.Id).ToHashSet(StringComparer.Ordinal);
        var layers = _catalog.Layers
            .Where(l => wanted.Contains(l.Id))
            .Select(l => new SheetLayer(l, _styles.Get(l.Style), _features))
            .ToList();
        var words = new SheetWords(request.Language);
        return new SheetContent(
            request.Title ?? (words.En ? _catalog.TitleEn : _catalog.TitleZh),
            request.Subtitle,
            layers,
            [],
            Sources(layers, words),
            layers.Any(l => l.Definition.Schematic),
            request.Date ?? DateOnly.FromDateTime(DateTime.Now))
        {
            CrsNote = CrsNote(_catalog.WorkingCrs, words),
            AreaNameZh = _catalog.DataArea.NameZh,
            Unit = request.Unit,
            Words = words,
        };
    }

    /// <summary>The note 「图斑按比例尺综合表示…」 when a layer's narrow polygons were merged; null when none were.</summary>
    internal static string? Generalised(IReadOnlyList<LayerPlan> plans, MapFrame frame, SheetWords words)
    {
        var layers = plans.Where(p => p.Merged.Count > 0).ToList();
        if (layers.Count == 0)
        {
            return null;
        }

        double cellMm = ScaleGeneralisation.CellPx * frame.PixelPt * 25.4 / 72;
        var parts = layers.Select(p => words.GeneralisedLayer(
            words.En ? p.Layer.Definition.TitleEn : p.Layer.Definition.TitleZh, p.MergedCount, p.DroppedCount));
        return words.Generalised(parts, ScaleGeneralisation.NarrowM(frame) * frame.PointsPerMetre * 25.4 / 72, cellMm);
    }

    /// <summary>"坐标系：…" with the working CRS's Chinese title, or its English name and EPSG code.</summary>
    internal static string CrsNote(GaussKrugerZone crs, SheetWords words) => words.En
        ? $"CRS: {crs.RegistryName} (EPSG:{crs.Epsg}); frame ticks: kilometre grid"
        : "坐标系：" + crs.TitleZh + "；图廓注记为公里网（千米）";

    internal static List<string> Sources(IEnumerable<SheetLayer> layers, SheetWords words) =>
        layers.Select(l => words.En ? SourceCredit.OfEn(l.Definition) : SourceCredit.Of(l.Definition)).Distinct(StringComparer.Ordinal).ToList();

    private Envelope Extent(MapSheetRequest request, IReadOnlyList<SheetLayer> layers)
    {
        if (request.ExtentInWorkingCrs is { IsNull: false } extent)
        {
            return extent;
        }

        if (request.Bbox4490 is { IsNull: false } bbox)
        {
            return _projectLonLat(bbox);
        }

        // Context layers (category "base": neighbouring counties, the Yellow River, Wuliangsuhai) would zoom
        // the sheet out to the whole city: the plan's own layers set the extent, widened by a context layer
        // only when that adds little (the area's boundary), not by far-away or much larger ones.
        var plan = Union(layers.Where(l => l.Definition.Category != LayerCategories.Base));
        var envelope = plan.IsNull ? Union(layers) : plan;
        if (!plan.IsNull)
        {
            foreach (var context in layers.Where(l => l.Definition.Category == LayerCategories.Base).Select(l => Union([l])))
            {
                var grown = envelope.Copy();
                grown.ExpandToInclude(context);
                if (!context.IsNull && grown.Area <= 1.3 * plan.Area)
                {
                    envelope = grown;
                }
            }
        }

        return envelope.IsNull
            ? throw new InvalidOperationException("所选图层没有任何要素，无法确定制图范围。 / The chosen layers have no features; give an extent.")
            : envelope;
    }

    private static Envelope Union(IEnumerable<SheetLayer> layers)
    {
        var envelope = new Envelope();
        foreach (var layer in layers)
        {
            if (layer.Extent is { IsNull: false } extent)
            {
                envelope.ExpandToInclude(extent);
            }
        }

        return envelope;
    }

    private static SKDocumentPdfMetadata Metadata(SheetContent content) => new()
    {
        Title = content.Title,
        Subject = content.Subtitle ?? string.Empty,
        Keywords = content.Schematic ? $"示意数据; {content.AreaNameZh}; 国土空间规划" : $"{content.AreaNameZh}; 国土空间规划",
        Creator = "SpatialPlan",
        Producer = "SpatialPlan.Rendering (SkiaSharp)",
        Creation = content.Date.ToDateTime(TimeOnly.MinValue),
        Modified = content.Date.ToDateTime(TimeOnly.MinValue),
    };
}
