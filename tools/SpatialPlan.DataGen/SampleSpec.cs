using NetTopologySuite.Geometries;

namespace SpatialPlan.DataGen;

/// <summary>
/// One sample project: its footprint (metres, local grid), how it is written, and what the site check is
/// expected to say under gis-data/policy.json. ExpectedZones holds "category:verdict" for every zone whose
/// verdict is not clear.
/// </summary>
public sealed record SampleSpec(string File, string NameZh, string NameEn, string Type, bool NationalMajor,
    double? Width, double? Radius, string? Crs, string ExpectedVerdict, string[] ExpectedZones, string Basis,
    Geometry Footprint, string Why);
