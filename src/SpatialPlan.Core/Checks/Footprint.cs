using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Buffer;
using NetTopologySuite.Operation.OverlayNG;
using System.Globalization;
using SpatialPlan.Core.Crs;
using SpatialPlan.Core.Limits;
using SpatialPlan.Core.Measurement;
using SpatialPlan.Core.Sources;

namespace SpatialPlan.Core.Checks;

/// <summary>
/// A project's footprint as one polygonal geometry, kept in EPSG:4490 (for maps and reports) and in the data area's
/// working CRS (<see cref="WorkingCrs"/>, for measuring), with where it came from. Lines and points become polygons from a
/// declared width/radius. A footprint must make sense for the data area (docs/limits.md): it may reach at most
/// <see cref="DataArea.MaxBeyondKm"/> beyond the area's bounding box, must not cross the 180° meridian, must cover at
/// least <see cref="MinAreaM2"/>, and a width or radius must lie in its range.
/// </summary>
public sealed class Footprint
{
    /// <summary>Smallest full width accepted for a line footprint: 0.5 m (a path or a pipe trench).</summary>
    public const double MinWidthM = 0.5;

    /// <summary>Largest full width accepted for a line footprint: 2 000 m.</summary>
    public const double MaxWidthM = 2000;

    /// <summary>Smallest radius accepted for a point footprint: 0.5 m.</summary>
    public const double MinRadiusM = 0.5;

    /// <summary>Largest radius accepted for a point footprint: 5 000 m (a larger site should be drawn as a polygon).</summary>
    public const double MaxRadiusM = 5000;

    /// <summary>Smallest footprint area: 1 m². Collinear or repeated points enclose nothing and would come back "clear".</summary>
    public const double MinAreaM2 = 1;

    private Footprint(Geometry gk, GaussKrugerZone workingCrs, Geometry geographic, FootprintKind kind)
    {
        Gk = gk;
        WorkingCrs = workingCrs;
        Geographic = geographic;
        Kind = kind;
        AreaM2 = PlanarMeasure.AreaM2(gk);
    }

    /// <summary>The footprint in the working CRS (<see cref="WorkingCrs"/>, GK metres), polygonal and valid.</summary>
    public Geometry Gk { get; }

    /// <summary>The CRS of <see cref="Gk"/>: the data area's working CRS (a CGCS2000 3-degree Gauss-Kruger zone).</summary>
    public GaussKrugerZone WorkingCrs { get; }

    /// <summary>The footprint in EPSG:4490 (lon/lat degrees).</summary>
    public Geometry Geographic { get; }

    /// <summary>What the input was.</summary>
    public FootprintKind Kind { get; }

    /// <summary>Area in m², scale-corrected (PlanarMeasure in the working CRS).</summary>
    public double AreaM2 { get; }

    /// <summary>Declared full width of a line footprint (m), else null.</summary>
    public double? WidthM { get; private init; }

    /// <summary>Declared radius of a point footprint (m), else null.</summary>
    public double? RadiusM { get; private init; }

    /// <summary>EPSG code the file was in.</summary>
    public int SourceEpsg { get; private init; }

    /// <summary>True when the file's X/Y were swapped (northing first) and we swapped them back.</summary>
    public bool AxesSwapped { get; private init; }

    /// <summary>Why we took that CRS (declared, guessed from ranges…), in Chinese.</summary>
    public string CrsReasonZh { get; private init; } = string.Empty;

    /// <summary>Repairs made while reading; never silent.</summary>
    public IReadOnlyList<Repair> Repairs { get; private init; } = [];

    /// <summary>The project's name: the first <c>projectName</c> property, else the first <c>name</c>, if any.</summary>
    public string? Name { get; private init; }

    /// <summary>Builds a footprint from what a reader loaded (features in EPSG:4490).</summary>
    /// <param name="load">The footprint file as read.</param>
    /// <param name="options">Width/radius and the rest of the project's settings.</param>
    /// <param name="fileName">For messages.</param>
    /// <param name="area">The data area the footprint must lie in or near, and whose working CRS it is measured in; null is
    /// <see cref="DataArea.China"/> (anywhere in China, measured in the zone of the footprint's own centre).</param>
    /// <param name="limits">The budgets (buffered points); null is <see cref="InputLimits.Upload"/>.</param>
    /// <exception cref="InputException">No usable geometry, mixed geometry types, a line without width or a point without radius,
    /// a footprint far from the area, across the 180° meridian or without area, or a width/radius out of range.</exception>
    public static Footprint From(FeatureLoadResult load, CheckOptions options, string? fileName = null, DataArea? area = null, InputLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(load);
        var geographic = load.Features.Select(f => f.Geometry).Where(g => g is { IsEmpty: false }).ToList();
        if (geographic.Count == 0)
        {
            throw new InputException("文件里没有可用的几何图形（no geometry）。", "提供至少一个面、线或点要素。Provide at least one polygon, line or point feature.", fileName);
        }

        // In degrees, before projecting: Gauss-Kruger coordinates of a hemisphere or a pole are meaningless.
        area ??= DataArea.China;
        RequireNoAntimeridianCrossing(geographic, area, fileName);
        var envelope = new Envelope();
        geographic.ForEach(g => envelope.ExpandToInclude(g.EnvelopeInternal));
        RequireNearArea(envelope, area, fileName);
        RequireAreaInDegrees(geographic, envelope, fileName);

        var zone = area.ZoneFor(envelope);
        var gk = geographic.Select(g => CrsTransformer.Transform(g, Epsg.Cgcs2000, zone.Epsg)).ToList();
        var name = Property(load, "projectName") ?? Property(load, "name");
        var fp = FromGk(gk, zone, options, fileName, area, limits);
        return new Footprint(fp.Gk, zone, fp.Geographic, fp.Kind)
        {
            WidthM = fp.WidthM, RadiusM = fp.RadiusM, SourceEpsg = load.SourceEpsg, AxesSwapped = load.AxesSwapped,
            CrsReasonZh = load.CrsReasonZh, Repairs = load.Repairs, Name = name,
        };
    }

    /// <summary>
    /// Builds a footprint from geometries already in a working CRS <paramref name="workingCrs"/> (tests, drawn sketches).
    /// Z and M are ignored. The footprint is held to the data area only when <paramref name="area"/> is given
    /// (<see cref="From"/> always does).
    /// </summary>
    /// <exception cref="InputException">As for <see cref="From"/>.</exception>
    public static Footprint FromGk(IReadOnlyList<Geometry> gk, GaussKrugerZone workingCrs, CheckOptions options, string? fileName = null, DataArea? area = null, InputLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(gk);
        ArgumentNullException.ThrowIfNull(workingCrs);
        ArgumentNullException.ThrowIfNull(options);
        if (gk.Count == 0)
        {
            throw new InputException("没有可用的几何图形（no geometry）。", "提供至少一个面、线或点要素。Provide at least one polygon, line or point feature.", fileName);
        }

        // The check is planar: OverlayNG's elevation model writes Z into the zones' 2D coordinates and throws.
        gk = gk.Select(g => CoordinateChecks.Flatten(g, 0, [])).ToList();
        var kinds = gk.Select(KindOf).Distinct().ToList();
        if (kinds.Count != 1)
        {
            throw new InputException("文件混合了不同类型的几何（面、线、点混在一起），无法确定占地范围（mixed geometry types）。",
                "把面、线、点分成不同文件分别检查。Split polygons, lines and points into separate files.", fileName);
        }

        var kind = kinds[0];
        var width = kind == FootprintKind.Line ? InRange(options.WidthM, "--width", "线", "宽度", MinWidthM, MaxWidthM, fileName) : 0;
        var radius = kind == FootprintKind.Point ? InRange(options.RadiusM, "--radius", "点", "半径", MinRadiusM, MaxRadiusM, fileName) : 0;
        if (kind == FootprintKind.Point)
        {
            RequireFewPoints(gk.Sum(g => g.NumGeometries), (limits ?? InputLimits.Upload).MaxBufferedPoints, fileName);
        }

        var merged = OverlayNGRobust.Union(gk[0].Factory.BuildGeometry(gk));
        var polygon = kind switch
        {
            FootprintKind.Line => BufferLine(merged, width),
            FootprintKind.Point => BufferPoint(merged, radius),
            _ => merged,
        };
        if (polygon.IsEmpty || !(PlanarMeasure.AreaM2(polygon) >= MinAreaM2))
        {
            throw ZeroArea(fileName);
        }

        polygon.SRID = workingCrs.Epsg;
        var geographic = CrsTransformer.Transform(polygon, workingCrs.Epsg, Epsg.Cgcs2000);
        if (area is not null)
        {
            // After buffering: a line's width or a point's radius adds at most a few km to what From checked.
            RequireNearArea(geographic.EnvelopeInternal, area, fileName);
        }
        return new Footprint(polygon, workingCrs, geographic, kind)
        {
            SourceEpsg = workingCrs.Epsg,
            WidthM = kind == FootprintKind.Line ? options.WidthM : null,
            RadiusM = kind == FootprintKind.Point ? options.RadiusM : null,
        };
    }

    private static string? Property(FeatureLoadResult load, string key) =>
        load.Features.Select(f => f.Attributes is { } a && a.Exists(key) ? a[key]?.ToString() : null).FirstOrDefault(n => !string.IsNullOrWhiteSpace(n));

    private static FootprintKind KindOf(Geometry g) => g switch
    {
        IPolygonal => FootprintKind.Polygon,
        ILineal => FootprintKind.Line,
        IPuntal => FootprintKind.Point,
        GeometryCollection c when c.NumGeometries > 0 && c.Geometries.All(x => x is IPolygonal) => FootprintKind.Polygon,
        _ => throw new InputException($"不支持的几何类型 {g.GeometryType}（unsupported geometry type）。",
            "占地范围须为面、线（加 --width）或点（加 --radius）。Use polygons, lines (with --width) or points (with --radius)."),
    };

    /// <summary>An edge whose longitudes differ by more than 180° goes the short way round, across the 180° meridian.</summary>
    private static void RequireNoAntimeridianCrossing(List<Geometry> lonLat, DataArea area, string? fileName)
    {
        foreach (var g in lonLat)
        {
            var coordinates = g.Coordinates;
            for (var i = 1; i < coordinates.Length; i++)
            {
                if (Math.Abs(coordinates[i].X - coordinates[i - 1].X) > 180)
                {
                    // Unwrapped (west longitudes + 360°), the footprint's distance from the area.
                    var unwrapped = new Envelope();
                    foreach (var c in lonLat.SelectMany(x => x.Coordinates))
                    {
                        unwrapped.ExpandToInclude(c.X < 0 ? c.X + 360 : c.X, c.Y);
                    }

                    var km = Math.Round(area.BeyondKm(unwrapped) / 10) * 10;
                    throw new InputException(
                        string.Create(CultureInfo.InvariantCulture,
                            $"占地范围的一条边从 {coordinates[i - 1].X:0.###}° 跨到 {coordinates[i].X:0.###}°，跨越了 180° 经线，距{area.NameZh}约 {km:0} km" +
                            $"（antimeridian crossing, about {km:0} km from the area）。"),
                        $"{area.NameZh}的坐标在 {area.Describe()}：请检查经度是否写错（如正负号、经纬度顺序），改正后再检查。", fileName);
                }
            }
        }
    }

    /// <summary>
    /// Polygons that enclose (almost) nothing in degrees: collinear lon/lat points stay collinear on the ellipsoid
    /// but not on the Gauss-Kruger grid, where they would gain a few m² of projection curvature.
    /// </summary>
    private static void RequireAreaInDegrees(List<Geometry> lonLat, Envelope envelope, string? fileName)
    {
        var polygonal = lonLat.Where(g => g is IPolygonal).ToList();
        if (polygonal.Count == 0)
        {
            return;
        }

        var m2PerDeg2 = 110_570.0 * 111_320.0 * Math.Cos(envelope.Centre.Y * Math.PI / 180);
        if (!(polygonal.Sum(g => g.Area) * m2PerDeg2 >= MinAreaM2))
        {
            throw ZeroArea(fileName);
        }
    }

    private static InputException ZeroArea(string? fileName) => new(
        string.Create(CultureInfo.InvariantCulture, $"占地范围面积为零或不足 {MinAreaM2:0} 平方米（点共线、重复或面已退化）（footprint has no area）。"),
        "检查界址点或顶点是否重复、是否在一条直线上，改正后再检查；线状或点状项目请给出宽度或半径。" +
        "Check for repeated or collinear points; give a width or radius for a line or point project.", fileName);

    private static void RequireNearArea(Envelope lonLat, DataArea area, string? fileName)
    {
        var km = area.BeyondKm(lonLat);
        if (!(km <= DataArea.MaxBeyondKm))
        {
            var shown = km >= 100 ? Math.Round(km / 10) * 10 : Math.Round(km);
            throw new InputException(
                string.Create(CultureInfo.InvariantCulture,
                    $"占地范围（{lonLat.MinX:0.###}–{lonLat.MaxX:0.###}°E，{lonLat.MinY:0.###}–{lonLat.MaxY:0.###}°N）伸出{area.NameZh}的外包框（{area.Describe()}）约 {shown:0} km，" +
                    $"超过允许的 {DataArea.MaxBeyondKm:0} km（the footprint reaches about {shown:0} km beyond the area）。"),
                $"请检查坐标是否有误（经纬度写反、漏位、单位或坐标系选错），或只保留{area.NameZh}范围内的部分后再检查。", fileName);
        }
    }

    private static void RequireFewPoints(int points, int max, string? fileName)
    {
        if (points > max)
        {
            throw new InputException(
                string.Create(CultureInfo.InvariantCulture, $"点状占地范围有 {points} 个点，超过按半径生成范围的上限 {max} 个（too many points to buffer: {points} > {max}）。"),
                "点状项目（如基站、风机）通常只有几个到几百个点：请把成片的点在 GIS 软件中画成面状范围，或拆分文件后分别检查。", fileName);
        }
    }

    private static double InRange(double? value, string option, string what, string quantity, double min, double max, string? fileName)
    {
        if (value is null)
        {
            throw new InputException($"占地范围是{what}，但没有给出{quantity}（a {(what == "线" ? "line" : "point")} footprint needs {option}）。",
                $"用 {option} 米数给出{quantity}，例如 {option} 30，或在文件第一个要素的属性中写 \"{option[2..]}M\": 30。" +
                $"Give {option} in metres, e.g. {option} 30, or a \"{option[2..]}M\" property on the file's first feature.", fileName);
        }

        if (!(value >= min && value <= max))
        {
            throw new InputException(
                string.Create(CultureInfo.InvariantCulture, $"{quantity} {value} 米不合理：应在 {min}–{max} 米之间（{option} must be between {min} and {max} m）。"),
                string.Create(CultureInfo.InvariantCulture, $"给出 {min} 到 {max} 米之间的{quantity}；更大的范围请直接画成面。Give a value between {min} and {max} m, or draw a polygon."), fileName);
        }

        return value.Value;
    }

    private static Geometry BufferLine(Geometry lines, double widthM)
    {
        // Buffer in grid metres so the true width on the ground is what was declared: grid = true × k.
        var k = lines.Length / PlanarMeasure.LengthM(lines);
        var p = new BufferParameters { EndCapStyle = EndCapStyle.Flat, JoinStyle = JoinStyle.Round, QuadrantSegments = 8 };
        return BufferOp.Buffer(lines, widthM / 2 * k, p);
    }

    private static Geometry BufferPoint(Geometry points, double radiusM)
    {
        // A true radius is radius × k on the GK grid, k at the points' centre (PlanarMeasure's scale factor).
        var k = PlanarMeasure.ScaleFactorAt(points.Centroid.Coordinate);
        return points.Buffer(radiusM * k, new BufferParameters { QuadrantSegments = 32 });
    }
}
