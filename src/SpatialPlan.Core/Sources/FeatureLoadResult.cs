using NetTopologySuite.Features;

namespace SpatialPlan.Core.Sources;

/// <summary>Features read from one file, in EPSG:4490 (x = longitude, y = latitude), with how they got there.</summary>
public sealed class FeatureLoadResult
{
    /// <summary>The features, EPSG:4490 lon/lat, axes fixed, geometries valid (repaired where needed), attributes editable (<see cref="AttributesTable"/>).</summary>
    public required IReadOnlyList<IFeature> Features { get; init; }

    /// <summary>The CRS the file's coordinates were in (declared or guessed).</summary>
    public required int SourceEpsg { get; init; }

    /// <summary>True when the file had x/y swapped (latitude or northing first) and they were swapped back.</summary>
    public required bool AxesSwapped { get; init; }

    /// <summary>Why <see cref="SourceEpsg"/> was chosen (declared where, or which coordinate ranges matched), Chinese then English.</summary>
    public required string CrsReasonZh { get; init; }

    /// <summary>Every change made to the input, one entry per change and feature. Empty when nothing was changed.</summary>
    public required IReadOnlyList<Repair> Repairs { get; init; }

    /// <summary>The file name (no directory), for messages.</summary>
    public required string FileName { get; init; }
}
