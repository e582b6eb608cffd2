using NetTopologySuite.Features;

namespace SpatialPlan.Core.Sources;

/// <summary>What a format reader hands back: features in the file's own coordinates and axis order.</summary>
/// <param name="Features">Features as stored (SRID unset, axes not yet checked).</param>
/// <param name="DeclaredEpsg">A CRS the file itself declares (GeoJSON <c>crs</c>, .prj), if any.</param>
/// <param name="DeclaredWhere">Where that declaration is, in Chinese (e.g. "GeoJSON 的 crs 成员").</param>
/// <param name="Notes">Things the reader wants the user told (e.g. a missing .prj), Chinese.</param>
internal sealed record RawFeatures(
    IReadOnlyList<IFeature> Features, int? DeclaredEpsg = null, string? DeclaredWhere = null, string? Notes = null);
