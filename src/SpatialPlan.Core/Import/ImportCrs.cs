using System.Globalization;
using NetTopologySuite.Geometries;
using SpatialPlan.Core.Crs;
using SpatialPlan.Core.Sources;

namespace SpatialPlan.Core.Import;

/// <summary>The source CRS an import settled on, and how its coordinates reach the working CRS.</summary>
/// <param name="SourceEpsg">The source's EPSG code.</param>
/// <param name="AxesSwapped">True when x holds the northing (or latitude): swapped before anything else, and reported.</param>
/// <param name="ReasonZh">Where the CRS came from and what was seen, in Chinese then English.</param>
internal sealed record ResolvedCrs(int SourceEpsg, bool AxesSwapped, string ReasonZh);

/// <summary>
/// Settles an import's source CRS: <c>--crs</c> wins, then the file's own declaration (.prj, srs_id, <c>crs</c> member),
/// else the coordinates tell — lon/lat degrees, or a Gauss-Kruger easting with its zone prefix (36 xxx xxx m is zone 36),
/// or without one (then the working CRS's zone is assumed, and the data must then land near the data area). A declared
/// CRS is checked against the coordinates the same way; and the coordinates are brought into the working CRS exactly
/// (a zone prefix is a shift of n × 10⁶ m) or through <see cref="CrsTransformer"/>.
/// </summary>
internal static class ImportCrs
{
    /// <summary>Decides the source CRS from the declarations and the envelope of a sample of raw coordinates.</summary>
    /// <exception cref="InputException">An unsupported code, coordinates that contradict the declaration, or coordinates that say nothing.</exception>
    public static ResolvedCrs Resolve(int? option, DeclaredCrs? declared, Envelope sample, int workingEpsg, string file)
    {
        if (sample.IsNull || !double.IsFinite(sample.MinX + sample.MaxX + sample.MinY + sample.MaxY))
        {
            throw new InputException("文件中没有可用的坐标（no usable coordinates）。", "请确认图层包含要素的几何。", file);
        }

        var seen = Guess(sample, workingEpsg);
        var (code, where) = option is { } o ? (o, "--crs 选项") : declared is { } d ? (d.Epsg, d.WhereZh) : (0, null);
        if (where is null)
        {
            if (seen is null)
            {
                throw new InputException(
                    $"文件没有声明坐标系，坐标值（{Ranges(sample)}）也不像经纬度或 CGCS2000 3 度带高斯-克吕格坐标（unknown CRS）。",
                    "请用 --crs EPSG:n 指定坐标系（如经纬度 EPSG:4490，3 度带带带号 EPSG:4513–4533，不带带号 EPSG:4534–4554），或在 GIS 软件中为图层定义坐标系后重新导出。", file);
            }

            var (guess, swapped) = seen.Value;
            var assumed = PrjRecognizer.IsGaussKruger3(guess) && !PrjRecognizer.IsZoned(guess)
                ? $"东坐标不带带号，无法从数值判断带号，按数据目录的工作坐标系 {Epsg.Name(workingEpsg)} 的带处理（zone assumed from the working CRS）；"
                : string.Empty;
            return new ResolvedCrs(guess, swapped,
                $"文件未声明坐标系，按坐标范围（{Ranges(sample)}）判断为 {Epsg.Name(guess)}（{PrjRecognizer.Describe(guess)}）。{assumed}{Swap(swapped, guess)}" +
                $"(No CRS declared; {Epsg.Name(guess)} judged from the coordinate ranges.)");
        }

        Require(code, where, file);
        var epsg = code == Epsg.Wgs84 ? Epsg.Wgs84 : code;
        if (seen is null || !Compatible(seen.Value.Epsg, epsg))
        {
            var looks = seen is { } s ? $"看起来是 {Epsg.Name(s.Epsg)}（{PrjRecognizer.Describe(s.Epsg)}）" : "不像任何支持的坐标系";
            throw new InputException(
                $"{where}声明坐标系为 {Epsg.Name(epsg)}（{PrjRecognizer.Describe(epsg)}），但坐标值（{Ranges(sample)}）{looks}（declared {Epsg.Name(epsg)} but the values disagree）。",
                seen is { } t
                    ? $"请确认坐标系：若坐标确为 {Epsg.Name(t.Epsg)}，用 --crs {Epsg.Name(t.Epsg)} 导入；否则请在 GIS 软件中改正坐标系定义后重新导出。"
                    : "请在 GIS 软件中检查该图层的坐标系和坐标值后重新导出。", file);
        }

        return new ResolvedCrs(epsg, seen.Value.Swapped,
            $"{where}声明坐标系 {Epsg.Name(epsg)}（{PrjRecognizer.Describe(epsg)}），坐标值与之相符。{Swap(seen.Value.Swapped, epsg)}" +
            $"(CRS {Epsg.Name(epsg)} from the {(option is null ? "file" : "--crs option")}; the coordinates agree.)");
    }

    /// <summary>Brings <paramref name="geometry"/> (source coordinates) into the working CRS in place.</summary>
    public static void ToWorking(Geometry geometry, ResolvedCrs crs, int workingEpsg)
    {
        var from = crs.SourceEpsg == Epsg.Wgs84 ? Epsg.Cgcs2000 : crs.SourceEpsg;
        var sameZone = PrjRecognizer.IsGaussKruger3(from) && PrjRecognizer.IsGaussKruger3(workingEpsg) && PrjRecognizer.ZoneOf(from) == PrjRecognizer.ZoneOf(workingEpsg);
        if (from == workingEpsg || sameZone)
        {
            // The same zone with and without the prefix: an exact shift of the easting (none for the same code).
            var shift = (PrjRecognizer.IsZoned(workingEpsg) ? PrjRecognizer.ZoneOf(workingEpsg) * 1e6 : 0) - (PrjRecognizer.IsZoned(from) ? PrjRecognizer.ZoneOf(from) * 1e6 : 0);
            if (shift != 0 || crs.AxesSwapped)
            {
                geometry.Apply(new ShiftFilter(crs.AxesSwapped, shift));
                geometry.GeometryChanged();
            }

            return;
        }

        if (crs.AxesSwapped)
        {
            geometry.Apply(new ShiftFilter(true, 0));
        }

        geometry.Apply(new SequenceFilter((xs, ys) => CrsTransformer.TransformInPlace(xs, ys, from, workingEpsg)));
        geometry.GeometryChanged();
    }

    /// <summary>Checks that the transformation from <paramref name="sourceEpsg"/> to the working CRS can be done here.</summary>
    /// <exception cref="InputException">It cannot (yet): the message says so and how to convert beforehand.</exception>
    public static void RequireTransform(int sourceEpsg, int workingEpsg, string file)
    {
        var from = sourceEpsg == Epsg.Wgs84 ? Epsg.Cgcs2000 : sourceEpsg;
        if (from == workingEpsg || (PrjRecognizer.IsGaussKruger3(from) && PrjRecognizer.IsGaussKruger3(workingEpsg) && PrjRecognizer.ZoneOf(from) == PrjRecognizer.ZoneOf(workingEpsg)))
        {
            return;
        }

        try
        {
            CrsTransformer.Transform(new Coordinate(0, 0), from, workingEpsg);
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new InputException(
                $"暂不能把 {Epsg.Name(from)}（{PrjRecognizer.Describe(from)}）转换到数据目录的工作坐标系 {Epsg.Name(workingEpsg)}（transformation not supported）。",
                $"请先在 GIS 软件中转换到 {Epsg.Name(workingEpsg)} 或 EPSG:4490（如 ogr2ogr -t_srs {Epsg.Name(workingEpsg)} out.gpkg 输入文件），再导入。", file, inner: e);
        }
    }

    /// <summary>What the coordinates look like: (code, axes swapped), or null when they fit nothing supported.</summary>
    private static (int Epsg, bool Swapped)? Guess(Envelope env, int workingEpsg)
    {
        foreach (var swapped in new[] { false, true })
        {
            var (x0, x1, y0, y1) = swapped ? (env.MinY, env.MaxY, env.MinX, env.MaxX) : (env.MinX, env.MaxX, env.MinY, env.MaxY);
            if (x0 >= 73 && x1 <= 136 && y0 >= 3 && y1 <= 54)
            {
                return (Epsg.Cgcs2000, swapped);
            }

            if (y0 > 1_000_000 && y1 < 10_000_000)
            {
                var zone = Math.Floor(x0 / 1e6);
                if (zone >= 25 && zone <= 45 && Math.Floor(x1 / 1e6) == zone)
                {
                    return (PrjRecognizer.FirstZoned + (int)zone - 25, swapped);
                }

                if (x0 > 0 && x1 < 1_000_000)
                {
                    if (PrjRecognizer.IsGaussKruger3(workingEpsg))
                    {
                        return (PrjRecognizer.Plain(workingEpsg), swapped);
                    }
                }
            }
        }

        return null;
    }

    /// <summary>Whether coordinates that look like <paramref name="seen"/> may be in <paramref name="declared"/>.</summary>
    private static bool Compatible(int seen, int declared)
    {
        if (CrsTransformer.IsGeographic(seen) || CrsTransformer.IsGeographic(declared))
        {
            return CrsTransformer.IsGeographic(seen) && CrsTransformer.IsGeographic(declared);
        }

        // A plain easting cannot tell its zone: any plain code fits; a prefixed easting names its zone exactly.
        return PrjRecognizer.IsZoned(seen) ? seen == declared : PrjRecognizer.IsGaussKruger3(declared) && !PrjRecognizer.IsZoned(declared);
    }

    private static void Require(int code, string where, string file)
    {
        if (code is Epsg.Cgcs2000 or Epsg.Wgs84 || PrjRecognizer.IsGaussKruger3(code))
        {
            return;
        }

        throw new InputException(
            $"{where}的坐标系 EPSG:{code} 不受支持（unsupported CRS）。",
            "支持 CGCS2000 经纬度（EPSG:4490）、WGS 84（EPSG:4326）和 CGCS2000 3 度带高斯-克吕格（带带号 EPSG:4513–4533，不带带号 EPSG:4534–4554）。" +
            "请先在 GIS 软件中转换（如 ogr2ogr -t_srs EPSG:4490 out.gpkg 输入文件）再导入。", file);
    }

    private static string Swap(bool swapped, int epsg) => !swapped ? string.Empty
        : CrsTransformer.IsGeographic(epsg)
            ? "x 像纬度、y 像经度（纬度在前），已交换（lat/lon order detected, swapped）。"
            : "x 是北坐标、y 是东坐标（测量习惯 X=北、Y=东），已交换为 x=东、y=北（X/Y swapped）。";

    internal static string Ranges(Envelope env) => string.Create(CultureInfo.InvariantCulture,
        $"x {env.MinX:0.###}–{env.MaxX:0.###}，y {env.MinY:0.###}–{env.MaxY:0.###}");

    /// <summary>Swaps x/y (when asked) and adds <paramref name="dx"/> to x, a whole sequence at a time (straight on the array of a packed one).</summary>
    private sealed class ShiftFilter(bool swap, double dx) : ICoordinateSequenceFilter
    {
        public bool Done => false;

        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq, int i)
        {
            if (i != 0)
            {
                return;
            }

            if (seq is NetTopologySuite.Geometries.Implementation.PackedDoubleCoordinateSequence packed && packed.Dimension == 2 && packed.Measures == 0)
            {
                var raw = packed.GetRawCoordinates();
                for (var k = 0; k < raw.Length; k += 2)
                {
                    var (x, y) = swap ? (raw[k + 1], raw[k]) : (raw[k], raw[k + 1]);
                    raw[k] = x + dx;
                    raw[k + 1] = y;
                }

                packed.ReleaseCoordinateArray();
                return;
            }

            for (var k = 0; k < seq.Count; k++)
            {
                var (x, y) = swap ? (seq.GetY(k), seq.GetX(k)) : (seq.GetX(k), seq.GetY(k));
                seq.SetX(k, x + dx);
                seq.SetY(k, y);
            }
        }
    }
}
