namespace SpatialPlan.Rendering.Sheets;

/// <summary>What was drawn: the chosen scale and what the sheet says about its data.</summary>
/// <param name="ScaleDenominator">The map frame's scale 1:N (N is a round number such as 250 000).</param>
/// <param name="LayerIds">The layers drawn, in drawing order.</param>
/// <param name="Schematic">True when a schematic layer is shown, so the sheet carries 「示意数据」.</param>
/// <param name="FeatureCount">Features painted (before clipping to the frame), merged ones included.</param>
public sealed record MapSheetResult(double ScaleDenominator, IReadOnlyList<string> LayerIds, bool Schematic, int FeatureCount)
{
    /// <summary>The legend's labels: only layers and classes with a feature in the frame.</summary>
    public IReadOnlyList<string> LegendLabels { get; init; } = [];

    /// <summary>The 公里网 tick labels printed on the 图廓 (kilometres of the working CRS).</summary>
    public IReadOnlyList<string> GridLabels { get; init; } = [];

    /// <summary>Polygons too narrow for the sheet's resolution drawn merged into filled areas (「图斑按比例尺综合表示」).</summary>
    public long MergedFeatures { get; init; }

    /// <summary>Narrow polygons left out because too few were around them to fill a cell of the merging grid.</summary>
    public long DroppedFeatures { get; init; }

    /// <summary>The ground extent of the map frame in the working CRS (metres).</summary>
    public NetTopologySuite.Geometries.Envelope? Ground { get; init; }
}
