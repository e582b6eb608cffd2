using NetTopologySuite.Geometries;

namespace SpatialPlan.Rendering.CheckSheets;

/// <summary>What a check sheet shows: its frames, the zones it colours and its legend.</summary>
/// <param name="Frames">The overview first, then one detail frame per conflicting zone, then the location inset.</param>
/// <param name="OverlapCategories">The zone categories whose overlaps are coloured (verdict 提示关注 or worse, with an overlap).</param>
/// <param name="LegendLabels">The legend's labels, in order: only what the frames show.</param>
public sealed record CheckSheetResult(IReadOnlyList<CheckSheetFrame> Frames, IReadOnlyList<string> OverlapCategories, IReadOnlyList<string> LegendLabels)
{
    /// <summary>The overview frame's scale 1:N.</summary>
    public double ScaleDenominator => Frames[0].ScaleDenominator;

    /// <summary>The 公里网 labels printed on the overview's 图廓.</summary>
    public IReadOnlyList<string> GridLabels { get; init; } = [];
}

/// <summary>One map frame on the sheet.</summary>
/// <param name="Kind"><c>overview</c>, <c>detail</c> or <c>inset</c>.</param>
/// <param name="Category">The zone category a detail frame shows; null for the others.</param>
/// <param name="X">Left edge on the page, points.</param>
/// <param name="Y">Top edge on the page, points.</param>
/// <param name="Width">Width, points.</param>
/// <param name="Height">Height, points.</param>
/// <param name="ScaleDenominator">The frame's scale 1:N.</param>
/// <param name="Ground">What the frame shows, working-CRS metres.</param>
public sealed record CheckSheetFrame(string Kind, string? Category, float X, float Y, float Width, float Height, double ScaleDenominator, Envelope Ground);
