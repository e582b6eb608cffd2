namespace SpatialPlan.Core.Styles;

/// <summary>How features are labelled: which property, text size in CSS px, colours.</summary>
public sealed record LabelStyle
{
    /// <summary>Feature property that holds the label text (default <c>name</c>).</summary>
    public string Field { get; init; } = "name";

    /// <summary>Font size in CSS px at 96 dpi.</summary>
    public double Size { get; init; } = 13;

    public string Color { get; init; } = "#222222";

    /// <summary>Halo (outline) colour drawn behind the text for legibility; null for none.</summary>
    public string? Halo { get; init; } = "#ffffff";

    public bool Bold { get; init; }
}
