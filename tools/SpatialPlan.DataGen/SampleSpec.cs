using NetTopologySuite.Geometries;

namespace SpatialPlan.DataGen;

/// <summary>
/// One sample project: its footprint (metres, local grid), how it is written, its project kind and major-project
/// categories (docs/rules-model.md §1–2), and what the site check was expected to say. ExpectedZones holds
/// "category:verdict" for every zone whose verdict is not clear; for the twelve samples of issue 2 these are the
/// verdicts of policy v1, kept unchanged until the lead re-derives them from the law (issue 7).
/// </summary>
public sealed record SampleSpec(string File, string NameZh, string NameEn, string Kind, string[] Majors,
    double? Width, double? Radius, string? Crs, string ExpectedVerdict, string[] ExpectedZones, string Basis,
    Geometry Footprint, string Why);
