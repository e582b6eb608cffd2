using NetTopologySuite.Geometries;

namespace SpatialPlan.Core.Checks;

/// <summary>
/// How much of the footprint lies inside the data's area (the catalog's <c>area</c> layer, e.g. the county boundary)
/// and where the rest lies. A part outside larger than the sliver tolerance was not checked: 数据范围外，未核查, at
/// least advisory. Areas in m², scale-corrected.
/// </summary>
public sealed record JurisdictionResult
{
    public required string AreaLayerId { get; init; }

    /// <summary>The area's name (the area layer's feature names).</summary>
    public required string AreaName { get; init; }

    /// <summary>Inside area ÷ footprint area, 0–1.</summary>
    public required double InsideShare { get; init; }

    public required double InsideAreaM2 { get; init; }

    public required double OutsideAreaM2 { get; init; }

    /// <summary>The neighbouring counties the outside part falls in, largest first.</summary>
    public required IReadOnlyList<NeighbourShare> Neighbours { get; init; }

    /// <summary>Advisory while a part outside exceeds the sliver tolerance, else clear.</summary>
    public required Verdict Verdict { get; init; }

    /// <summary>E.g. 数据范围内 37.0%｜数据范围外 906.75 亩（63.0%）：临河区 906.75 亩.</summary>
    public required string FiguresZh { get; init; }

    /// <summary>The English of <see cref="FiguresZh"/>.</summary>
    public required string FiguresEn { get; init; }

    /// <summary>What the planner should know: 数据范围外，未核查 …; null when the footprint lies inside.</summary>
    public string? NoteZh { get; init; }

    /// <summary>The English of <see cref="NoteZh"/>.</summary>
    public string? NoteEn { get; init; }

    /// <summary>The part outside the area, EPSG:4490, for the map; null when there is none.</summary>
    public Geometry? OutsideGeographic { get; init; }
}
