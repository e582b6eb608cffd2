using System.Globalization;
using NetTopologySuite.Geometries;
using SpatialPlan.Core.Sources;

namespace SpatialPlan.Core.Crs;

/// <summary>
/// The area a data folder covers (docs/data-sources.md §1): its name, its boundary in lon/lat (EPSG:4490), the extent, and
/// its working CRS — the CGCS2000 3-degree Gauss-Kruger zone every check measures, overlays and draws in. Coordinates
/// are judged "near the area" against the boundary's bounding box: CRS guessing and layer files within
/// <see cref="NearMarginDegrees"/>, footprints within <see cref="MaxBeyondKm"/>.
/// <para>
/// A reader without a data folder uses <see cref="China"/>: coordinates anywhere in China are accepted, and each input is
/// measured in the zone of its own centre; Gauss-Kruger eastings without a zone prefix then need a declared CRS, since
/// nothing says which zone they belong to.
/// </para>
/// </summary>
public sealed class DataArea
{
    /// <summary>How far (degrees) beyond the area's box coordinates may lie and still be "near" (CRS guessing, layer files).</summary>
    public const double NearMarginDegrees = 1.5;

    /// <summary>How far a footprint may reach beyond the area's bounding box: 25 km (a road or canal may cross into the neighbour).</summary>
    public const double MaxBeyondKm = 25;

    /// <summary>China in lon/lat, generously (73–136°E, 3–54°N): the area of a reader without a data folder.</summary>
    public static readonly Envelope ChinaLonLat = new(73, 136, 3, 54);

    private Envelope? _workingExtent;

    private DataArea(string nameZh, string nameEn, Geometry? boundary, Envelope lonLat, GaussKrugerZone? workingCrs, string workingCrsReasonZh)
    {
        NameZh = nameZh;
        NameEn = nameEn;
        Boundary = boundary;
        LonLat = lonLat;
        WorkingCrs = workingCrs;
        WorkingCrsReasonZh = workingCrsReasonZh;
    }

    /// <summary>Anywhere in China, no boundary and no working CRS of its own: for readers called without a data folder.</summary>
    public static DataArea China { get; } = new("中国", "China", null, ChinaLonLat, null,
        "未指定数据目录，按输入自身中心所在的 3 度带量算（no data folder: each input is measured in the zone of its own centre）");

    /// <summary>The area's Chinese name, e.g. the county's.</summary>
    public string NameZh { get; }

    /// <summary>The area's English name.</summary>
    public string NameEn { get; }

    /// <summary>The boundary in lon/lat (EPSG:4490), or null when the data folder names none.</summary>
    public Geometry? Boundary { get; }

    /// <summary>True when the area has a boundary (else "near" is judged against a box: China, a zone's strip or the data's extent).</summary>
    public bool HasBoundary => Boundary is not null;

    /// <summary>The boundary's bounding box in degrees (x = longitude); without a boundary, the box "near" is judged against.</summary>
    public Envelope LonLat { get; }

    /// <summary>The working CRS; null only for <see cref="China"/> (each input then takes its own zone, <see cref="ZoneFor"/>).</summary>
    public GaussKrugerZone? WorkingCrs { get; }

    /// <summary>Where the working CRS came from (declared in catalog.json, or derived from the centre), Chinese then English.</summary>
    public string WorkingCrsReasonZh { get; }

    /// <summary>The boundary's bounding box in the working CRS (metres), or null without a boundary or a working CRS.</summary>
    public Envelope? WorkingExtent => _workingExtent ??= Boundary is not null && WorkingCrs is not null
        ? CrsTransformer.Transform(Boundary, Epsg.Cgcs2000, WorkingCrs.Epsg).EnvelopeInternal
        : null;

    /// <summary>
    /// The area of a boundary (lon/lat polygons): its working CRS is <paramref name="declared"/> when given, else the zone of
    /// the boundary's centre (the middle of its bounding box): CM = 3 × round(lon / 3).
    /// </summary>
    /// <exception cref="InputException">The boundary is empty, or its centre lies outside China's zones (75°E–135°E ± 1.5°).</exception>
    public static DataArea FromBoundary(string nameZh, string nameEn, Geometry boundaryLonLat, GaussKrugerZone? declared = null, string? where = null)
    {
        ArgumentNullException.ThrowIfNull(boundaryLonLat);
        var box = boundaryLonLat.EnvelopeInternal;
        if (boundaryLonLat.IsEmpty || box.IsNull)
        {
            throw new InputException($"数据区“{nameZh}”的边界没有几何（the area boundary is empty）。",
                "area.layer 须指向有面要素的边界图层。", where);
        }

        var centre = box.Centre;
        if (declared is not null)
        {
            return new DataArea(nameZh, nameEn, boundaryLonLat, box, declared,
                $"catalog.json 声明工作坐标系 {declared.Name}（declared in catalog.json）");
        }

        var zone = GaussKrugerZone.ForLongitude(centre.X) ?? throw new InputException(
            string.Create(CultureInfo.InvariantCulture,
                $"数据区“{nameZh}”的中心在 {centre.X:0.###}°E，不在中国的 CGCS2000 3 度带（中央经线 75°E–135°E）范围内，无法推出工作坐标系（no 3-degree zone of China at the area's centre）。"),
            "检查边界图层的坐标（经纬度是否写反、坐标系是否正确），或在 catalog.json 的 area 中写明 workingCrs（EPSG:4534–4554 之一）。", where);
        return new DataArea(nameZh, nameEn, boundaryLonLat, box, zone, string.Create(CultureInfo.InvariantCulture,
            $"由数据区中心经度 {centre.X:0.###}°E 推出：中央经线 {zone.CentralMeridian}°E，{zone.Name}（derived from the area's centre）"));
    }

    /// <summary>
    /// An area with a name and a working CRS but no boundary. "Near" is judged against <paramref name="lonLat"/> when given
    /// (e.g. the data's own extent), else against the zone's strip: its central meridian ± 1.5°, 3°N–54°N.
    /// </summary>
    public static DataArea WithoutBoundary(string nameZh, string nameEn, GaussKrugerZone workingCrs, string reasonZh, Envelope? lonLat = null)
    {
        ArgumentNullException.ThrowIfNull(workingCrs);
        var box = lonLat is { IsNull: false } ? lonLat : new Envelope(workingCrs.CentralMeridian - 1.5, workingCrs.CentralMeridian + 1.5, ChinaLonLat.MinY, ChinaLonLat.MaxY);
        return new DataArea(nameZh, nameEn, null, box, workingCrs, reasonZh);
    }

    /// <summary>The zone an input with this lon/lat envelope is measured in: the working CRS, or (for <see cref="China"/>) the
    /// zone of the input's own centre.</summary>
    public GaussKrugerZone ZoneFor(Envelope lonLat)
    {
        ArgumentNullException.ThrowIfNull(lonLat);
        return WorkingCrs ?? GaussKrugerZone.NearestTo(lonLat.IsNull ? double.NaN : lonLat.Centre.X);
    }

    /// <summary>True when the point lies in the area's box widened by <see cref="NearMarginDegrees"/>.</summary>
    public bool IsNear(double lon, double lat) => Near().Contains(lon, lat);

    /// <summary>True when a lon/lat envelope reaches into the area's box widened by <see cref="NearMarginDegrees"/>.</summary>
    public bool Reaches(Envelope lonLat)
    {
        ArgumentNullException.ThrowIfNull(lonLat);
        return lonLat.Intersects(Near());
    }

    /// <summary>
    /// How many km <paramref name="lonLat"/> reaches beyond the box at its farthest side (0 when inside), with degrees
    /// turned into km at the box's mid-latitude (1° of latitude ≈ 110.6 km, 1° of longitude ≈ 111.3 km × cos φ).
    /// </summary>
    public double BeyondKm(Envelope lonLat)
    {
        ArgumentNullException.ThrowIfNull(lonLat);
        var kmPerLon = 111.32 * Math.Cos(LonLat.Centre.Y * Math.PI / 180);
        const double kmPerLat = 110.57;
        return Math.Max(0, new[]
        {
            (LonLat.MinX - lonLat.MinX) * kmPerLon, (lonLat.MaxX - LonLat.MaxX) * kmPerLon,
            (LonLat.MinY - lonLat.MinY) * kmPerLat, (lonLat.MaxY - LonLat.MaxY) * kmPerLat,
        }.Max());
    }

    /// <summary>"106.59–107.39°E, 40.46–41.22°N".</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{LonLat.MinX:0.##}–{LonLat.MaxX:0.##}°E, {LonLat.MinY:0.##}–{LonLat.MaxY:0.##}°N");

    /// <summary>Great-circle distance in km (sphere R = 6371 km) from the middle of the area's box.</summary>
    public double DistanceKm(double lon, double lat) => KnownPlaces.DistanceKm(LonLat.Centre.X, LonLat.Centre.Y, lon, lat);

    /// <summary>
    /// "坐标位于北京附近（116.40E, 39.90N），距某县约 800 km（…）": the nearest city is named when within 150 km. Without a
    /// boundary, says whether the point lies in China.
    /// </summary>
    public string DescribePoint(double lon, double lat)
    {
        var where = string.Create(CultureInfo.InvariantCulture, $"（{lon:0.00}E, {lat:0.00}N）");
        var place = KnownPlaces.Near(lon, lat) is { } p ? $"{p}附近" : string.Empty;
        if (!HasBoundary)
        {
            return LonLat.Contains(lon, lat)
                ? string.Create(CultureInfo.InvariantCulture, $"坐标位于{place}{where}（coordinates lie at {lon:0.00}E, {lat:0.00}N）")
                : string.Create(CultureInfo.InvariantCulture,
                    $"坐标位于{place}{where}，在中国范围（73–136°E，3–54°N）以外（coordinates lie at {lon:0.00}E, {lat:0.00}N, outside China）");
        }

        var km = DistanceKm(lon, lat);
        var rounded = km >= 100 ? Math.Round(km / 10) * 10 : Math.Round(km);
        return string.Create(CultureInfo.InvariantCulture,
            $"坐标位于{place}{where}，距{NameZh}约 {rounded:0} km（coordinates lie at {lon:0.00}E, {lat:0.00}N, about {rounded:0} km from {NameEn}）");
    }

    private Envelope Near()
    {
        var near = new Envelope(LonLat);
        near.ExpandBy(NearMarginDegrees);
        return near;
    }
}
