using NetTopologySuite.Features;

namespace SpatialPlan.Core.Sources;

/// <summary>What a format reader hands back: features in the file's own coordinates and axis order.</summary>
/// <param name="Features">Features as stored (SRID unset, axes not yet checked).</param>
/// <param name="DeclaredEpsg">A CRS the file itself declares (GeoJSON <c>crs</c>, .prj), if any.</param>
/// <param name="DeclaredWhere">Where that declaration is, in Chinese (e.g. "GeoJSON 的 crs 成员").</param>
/// <param name="Notes">Things the reader wants the user told (e.g. a missing .prj), Chinese.</param>
internal sealed record RawFeatures(
    IReadOnlyList<IFeature> Features, int? DeclaredEpsg = null, string? DeclaredWhere = null, string? Notes = null)
{
    /// <summary>Per feature, the most ordinates a position had in the file (3 = Z, 4 = Z and M), when the reader knows
    /// more than the geometry kept (GeoJSON4STJ reads a fourth ordinate as nothing).</summary>
    public IReadOnlyList<int>? Ordinates { get; init; }

    /// <summary>True when the coordinates are Gauss-Kruger metres without zone prefix (a 界址点 list): they are read in the
    /// data area's working zone, as if <see cref="DeclaredWhere"/> had declared it.</summary>
    public bool WorkingZoneGaussKruger { get; init; }
}
