using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Buffer;
using NetTopologySuite.Operation.OverlayNG;
using SpatialPlan.Core.Crs;
using SpatialPlan.Core.Measurement;
using SpatialPlan.Core.Sources;

namespace SpatialPlan.Core.Checks;

/// <summary>
/// A project's footprint as one polygonal geometry, kept in EPSG:4490 (for maps and reports) and EPSG:4545
/// (for measuring), with where it came from. Lines and points become polygons from a declared width/radius.
/// </summary>
public sealed class Footprint
{
    /// <summary>Largest full width accepted for a line footprint, in metres.</summary>
    public const double MaxWidthM = 2000;

    /// <summary>Largest radius accepted for a point footprint, in metres.</summary>
    public const double MaxRadiusM = 10000;

    private Footprint(Geometry gk, Geometry geographic, FootprintKind kind)
    {
        Gk = gk;
        Geographic = geographic;
        Kind = kind;
        AreaM2 = PlanarMeasure.AreaM2(gk);
    }

    /// <summary>The footprint in EPSG:4545 (GK metres), polygonal and valid.</summary>
    public Geometry Gk { get; }

    /// <summary>The footprint in EPSG:4490 (lon/lat degrees).</summary>
    public Geometry Geographic { get; }

    /// <summary>What the input was.</summary>
    public FootprintKind Kind { get; }

    /// <summary>Area in m², scale-corrected (PlanarMeasure on EPSG:4545).</summary>
    public double AreaM2 { get; }

    /// <summary>Declared full width of a line footprint (m), else null.</summary>
    public double? WidthM { get; private init; }

    /// <summary>Declared radius of a point footprint (m), else null.</summary>
    public double? RadiusM { get; private init; }

    /// <summary>EPSG code the file was in.</summary>
    public int SourceEpsg { get; private init; } = Epsg.GaussKruger108;

    /// <summary>True when the file's X/Y were swapped (northing first) and we swapped them back.</summary>
    public bool AxesSwapped { get; private init; }

    /// <summary>Why we took that CRS (declared, guessed from ranges…), in Chinese.</summary>
    public string CrsReasonZh { get; private init; } = string.Empty;

    /// <summary>Repairs made while reading; never silent.</summary>
    public IReadOnlyList<Repair> Repairs { get; private init; } = [];

    /// <summary>The project's name: the first <c>projectName</c> property, else the first <c>name</c>, if any.</summary>
    public string? Name { get; private init; }

    /// <summary>Builds a footprint from what a reader loaded (features in EPSG:4490).</summary>
    /// <exception cref="InputException">No usable geometry, mixed geometry types, a line without width or a point without radius.</exception>
    public static Footprint From(FeatureLoadResult load, CheckOptions options, string? fileName = null)
    {
        var geographic = load.Features.Select(f => f.Geometry).Where(g => g is { IsEmpty: false }).ToList();
        if (geographic.Count == 0)
        {
            throw new InputException("文件里没有可用的几何图形（no geometry）。", "提供至少一个面、线或点要素。Provide at least one polygon, line or point feature.", fileName);
        }

        var gk = geographic.Select(g => CrsTransformer.Transform(g, Epsg.Cgcs2000, Epsg.GaussKruger108)).ToList();
        var name = Property(load, "projectName") ?? Property(load, "name");
        var fp = FromGk(gk, options, fileName);
        return new Footprint(fp.Gk, fp.Geographic, fp.Kind)
        {
            WidthM = fp.WidthM, RadiusM = fp.RadiusM, SourceEpsg = load.SourceEpsg, AxesSwapped = load.AxesSwapped,
            CrsReasonZh = load.CrsReasonZh, Repairs = load.Repairs, Name = name,
        };
    }

    /// <summary>Builds a footprint from geometries already in EPSG:4545 (tests, drawn sketches).</summary>
    /// <exception cref="InputException">As for <see cref="From"/>.</exception>
    public static Footprint FromGk(IReadOnlyList<Geometry> gk, CheckOptions options, string? fileName = null)
    {
        var kinds = gk.Select(KindOf).Distinct().ToList();
        if (kinds.Count != 1)
        {
            throw new InputException("文件混合了不同类型的几何（面、线、点混在一起），无法确定占地范围（mixed geometry types）。",
                "把面、线、点分成不同文件分别检查。Split polygons, lines and points into separate files.", fileName);
        }

        var kind = kinds[0];
        var merged = OverlayNGRobust.Union(gk[0].Factory.BuildGeometry(gk));
        var polygon = kind switch
        {
            FootprintKind.Line => BufferLine(merged, Positive(options.WidthM, "--width", "线", "宽度", MaxWidthM, fileName)),
            FootprintKind.Point => BufferPoint(merged, Positive(options.RadiusM, "--radius", "点", "半径", MaxRadiusM, fileName)),
            _ => merged,
        };
        if (polygon.IsEmpty || polygon.Area <= 0)
        {
            throw new InputException("占地范围面积为零（footprint has no area）。", "检查坐标是否重复或面是否退化。Check for repeated coordinates or degenerate polygons.", fileName);
        }

        polygon.SRID = Epsg.GaussKruger108;
        var geographic = CrsTransformer.Transform(polygon, Epsg.GaussKruger108, Epsg.Cgcs2000);
        return new Footprint(polygon, geographic, kind)
        {
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

    private static double Positive(double? value, string option, string what, string quantity, double max, string? fileName)
    {
        if (value is null)
        {
            throw new InputException($"占地范围是{what}，但没有给出{quantity}（a {(what == "线" ? "line" : "point")} footprint needs {option}）。",
                $"用 {option} 米数给出{quantity}，例如 {option} 30，或在文件第一个要素的属性中写 \"{option[2..]}M\": 30。" +
                $"Give {option} in metres, e.g. {option} 30, or a \"{option[2..]}M\" property on the file's first feature.", fileName);
        }

        if (double.IsNaN(value.Value) || value <= 0 || value > max)
        {
            throw new InputException($"{quantity} {value} 米不合理（{option} must be > 0 and ≤ {max} m）。",
                $"给出 0 到 {max} 米之间的{quantity}。Give a value between 0 and {max} m.", fileName);
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
