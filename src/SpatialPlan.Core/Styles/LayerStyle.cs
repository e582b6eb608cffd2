namespace SpatialPlan.Core.Styles;

/// <summary>
/// Symbology of one layer as plain data from gis-data/styles.json. The web map and the PDF renderer read
/// the same values. Colours are CSS strings (<c>#rrggbb</c> or <c>rgba(r,g,b,a)</c>); widths and sizes are
/// CSS pixels at 96 dpi (a PDF renderer multiplies by 72/96 to get points).
/// </summary>
public sealed record LayerStyle
{
    public string? Fill { get; init; }

    public string? Stroke { get; init; }

    public double? StrokeWidth { get; init; }

    /// <summary>Dash pattern in CSS px, e.g. [6, 3]; null or empty for a solid line.</summary>
    public IReadOnlyList<double>? StrokeDash { get; init; }

    /// <summary>Hatch lines drawn over the fill (polygons only); null for none.</summary>
    public HatchStyle? Hatch { get; init; }

    public string? LegendZh { get; init; }

    public string? LegendEn { get; init; }

    public LabelStyle? Label { get; init; }

    public PointSymbol? Point { get; init; }

    /// <summary>Higher draws later (on top) within the catalog order.</summary>
    public int? ZIndex { get; init; }

    /// <summary>Feature-dependent variants, first match wins; the matched style's set values override this one's.</summary>
    public IReadOnlyList<StyleRule>? Rules { get; init; }

    /// <summary>The style for a feature: the first rule whose filter matches, laid over this style.</summary>
    /// <param name="property">Looks a feature property up by name; returns null when absent.</param>
    public LayerStyle Resolve(Func<string, object?> property)
    {
        var rule = Rules?.FirstOrDefault(r => r.Filter.Matches(property));
        return rule is null ? this with { Rules = null } : Overlay(rule.Style) with { Rules = null };
    }

    /// <summary>This style with every value <paramref name="over"/> sets replacing ours.</summary>
    public LayerStyle Overlay(LayerStyle over) => new()
    {
        Fill = over.Fill ?? Fill,
        Stroke = over.Stroke ?? Stroke,
        StrokeWidth = over.StrokeWidth ?? StrokeWidth,
        StrokeDash = over.StrokeDash ?? StrokeDash,
        Hatch = over.Hatch ?? Hatch,
        LegendZh = over.LegendZh ?? LegendZh,
        LegendEn = over.LegendEn ?? LegendEn,
        Label = over.Label ?? Label,
        Point = over.Point ?? Point,
        ZIndex = over.ZIndex ?? ZIndex,
        Rules = Rules,
    };
}
