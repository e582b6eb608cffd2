namespace SpatialPlan.Core.Styles;

/// <summary>
/// How features are labelled: which property, text size in CSS px, colours. The defaults are constructor parameters'
/// defaults (see <see cref="HatchStyle"/> for why).
/// </summary>
/// <param name="Field">Feature property that holds the label text (default <c>name</c>).</param>
/// <param name="Size">Font size in CSS px at 96 dpi.</param>
/// <param name="Color">Text colour.</param>
/// <param name="Halo">Halo (outline) colour drawn behind the text for legibility; null for none.</param>
public sealed record LabelStyle(string Field = "name", double Size = 13, string Color = "#222222", string? Halo = "#ffffff")
{
    public bool Bold { get; init; }

    /// <summary>
    /// Largest map scale denominator at which the label is drawn: hidden when the scale is 1:N with
    /// N greater than this (zoomed further out). Null to label at every scale.
    /// </summary>
    public double? MinZoomScale { get; init; }

    /// <summary>
    /// Where the web map anchors the label: null for the renderer's default (one per part), or <c>near-area</c> for one
    /// label per feature at its point nearest the data area (neighbouring counties, 黄河), which would otherwise be
    /// named at their own far-away centres or once per piece.
    /// </summary>
    public string? Anchor { get; init; }

    /// <summary>True when the label is drawn at map scale 1:<paramref name="scaleDenominator"/>.</summary>
    public bool ShowsAt(double scaleDenominator) => MinZoomScale is not { } max || scaleDenominator <= max;
}
