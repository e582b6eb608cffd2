using NetTopologySuite.Geometries;

namespace SpatialPlan.DataGen;

/// <summary>
/// One sample project: its footprint (metres, local grid), how it is written, its project kind and major-project
/// categories (docs/rules-model.md §1–2). What the check must say is not written here: SampleWriter takes it from
/// oracle/expected_verdicts.py (the law fixture applied to GDAL's figures).
/// </summary>
public sealed record SampleSpec(string File, string NameZh, string NameEn, string Kind, string[] Majors,
    double? Width, double? Radius, string? Crs, string Basis,
    Geometry Footprint, string Why);
