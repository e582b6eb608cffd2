using SpatialPlan.Rendering.Painting;

namespace SpatialPlan.Rendering.Sheets;

/// <summary>Everything a map sheet shows, resolved before painting (painting decides nothing about data).</summary>
internal sealed record SheetContent(
    string Title,
    string? Subtitle,
    IReadOnlyList<SheetLayer> Layers,
    IReadOnlyList<LegendEntry> Legend,
    IReadOnlyList<string> Sources,
    bool Schematic,
    DateOnly Date);
