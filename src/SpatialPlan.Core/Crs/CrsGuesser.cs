using System.Globalization;
using NetTopologySuite.Geometries;
using SpatialPlan.Core.Sources;

namespace SpatialPlan.Core.Crs;

/// <summary>
/// Tells from the coordinate ranges alone which supported CRS a file is in, and whether its axes are
/// swapped (lat/lon, or X = northing first as Chinese surveyors write). A candidate fits when every corner of
/// the envelope is a valid value in that CRS and the envelope, read in it, reaches within 1.5° of the banner
/// (106.59–107.39°E, 40.46–41.22°N) — context layers such as rivers and neighbouring counties extend well beyond.
/// The candidates' value ranges near the banner do not overlap, so the first fit is the only sensible one.
/// </summary>
public static class CrsGuesser
{
    private static readonly (int Epsg, bool Swapped)[] _candidates =
    [
        (Epsg.Cgcs2000, false), (Epsg.Cgcs2000, true),
        (Epsg.GaussKruger108, false), (Epsg.GaussKruger108, true),
        (Epsg.GaussKruger108Zoned, false), (Epsg.GaussKruger108Zoned, true),
        (Epsg.WebMercator, false), (Epsg.WebMercator, true),
    ];

    /// <summary>Guesses the CRS of coordinates whose envelope (as stored: x first) is <paramref name="env"/>.</summary>
    /// <param name="env">Envelope of the raw coordinates, in file order.</param>
    /// <param name="file">File name for messages.</param>
    /// <exception cref="InputException">The coordinates cannot be in or near the banner in any supported CRS.</exception>
    public static CrsGuess Guess(Envelope env, string? file)
    {
        var found = TryGuess(env, file);
        return found ?? throw Refusal(env, file);
    }

    /// <summary>
    /// Confirms a declared CRS (GeoJSON <c>crs</c> member, .prj, or a user option) against the coordinates.
    /// The declaration wins over a guess, but axes may still be swapped (EPSG:4490 and EPSG:4545 officially put
    /// latitude/northing first); coordinates that belong to another CRS are refused.
    /// </summary>
    /// <param name="env">Envelope of the raw coordinates.</param>
    /// <param name="declaredEpsg">The declared code.</param>
    /// <param name="declaredWhere">Where the declaration came from, in Chinese (e.g. "GeoJSON 的 crs 成员").</param>
    /// <param name="file">File name for messages.</param>
    /// <exception cref="InputException">Unsupported code, coordinates contradicting it, or far from the banner.</exception>
    public static CrsGuess Confirm(Envelope env, int declaredEpsg, string declaredWhere, string? file)
    {
        if (!Epsg.Supported.Contains(declaredEpsg))
        {
            throw new InputException(
                $"{declaredWhere}声明的坐标系 EPSG:{declaredEpsg} 不受支持（unsupported CRS）。",
                $"请先转换到 {string.Join("、", Epsg.Supported.Select(Epsg.Name))} 之一。", file);
        }

        var guess = TryGuess(env, file) ?? throw Refusal(env, file);
        var compatible = guess.Epsg == declaredEpsg ||
            (CrsTransformer.IsGeographic(guess.Epsg) && CrsTransformer.IsGeographic(declaredEpsg));
        if (!compatible)
        {
            throw new InputException(
                $"{declaredWhere}声明坐标系为 {Epsg.Name(declaredEpsg)}（{Describe(declaredEpsg)}），" +
                $"但坐标值（{Ranges(env)}）看起来是 {Epsg.Name(guess.Epsg)}（{Describe(guess.Epsg)}）" +
                $"（declared {Epsg.Name(declaredEpsg)} but the values look like {Epsg.Name(guess.Epsg)}）。",
                $"请改正或删除声明的坐标系，或确认是否选错了文件；若坐标确为 {Epsg.Name(guess.Epsg)}，请按它读取（如 --crs {Epsg.Name(guess.Epsg)}）。",
                file);
        }

        var swap = guess.AxesSwapped
            ? "坐标轴顺序为先北后东（纬度/北坐标在前），已交换为 x=东、y=北（axes swapped, fixed）。"
            : "坐标与声明相符（coordinates agree with the declaration）。";
        return new CrsGuess(declaredEpsg, guess.AxesSwapped,
            $"{declaredWhere}声明坐标系 {Epsg.Name(declaredEpsg)}（{Describe(declaredEpsg)}），{swap}");
    }

    /// <summary>Chinese description of a supported code, e.g. "CGCS2000 经纬度，单位度".</summary>
    public static string Describe(int epsg) => epsg switch
    {
        Epsg.Cgcs2000 => "CGCS2000 经纬度，单位度",
        Epsg.Wgs84 => "WGS84 经纬度，单位度",
        Epsg.GaussKruger108 => "CGCS2000 高斯-克吕格 3 度带 108°E，东坐标无带号，单位米",
        Epsg.GaussKruger108Zoned => "CGCS2000 高斯-克吕格 3 度带第 36 带，东坐标带 36 带号前缀，单位米",
        Epsg.WebMercator => "Web 墨卡托，单位米",
        _ => "不支持的坐标系",
    };

    private static CrsGuess? TryGuess(Envelope env, string? file)
    {
        if (env is null || env.IsNull || !double.IsFinite(env.MinX + env.MaxX + env.MinY + env.MaxY))
        {
            throw new InputException("文件中没有可用的坐标（no usable coordinates）。", "请确认文件包含要素的几何坐标。", file);
        }

        foreach (var (epsg, swapped) in _candidates)
        {
            if (Fits(Corners(env, swapped).ToList(), epsg))
            {
                return new CrsGuess(epsg, swapped, Reason(env, epsg, swapped));
            }
        }

        return null;
    }

    private static IEnumerable<Coordinate> Corners(Envelope env, bool swapped)
    {
        Coordinate[] corners =
        [
            new(env.MinX, env.MinY), new(env.MaxX, env.MaxY), new(env.MinX, env.MaxY), new(env.MaxX, env.MinY),
        ];
        return swapped ? corners.Select(c => new Coordinate(c.Y, c.X)) : corners;
    }

    private static bool Fits(List<Coordinate> corners, int epsg)
    {
        // Range checks first: an inverse projection of a value far outside its domain is meaningless.
        if (!corners.All(c => Plausible(c, epsg)))
        {
            return false;
        }

        var lonLat = new Envelope();
        foreach (var c in corners)
        {
            lonLat.ExpandToInclude(CrsTransformer.Transform(c, epsg, Epsg.Cgcs2000));
        }

        return BannerArea.Reaches(lonLat);
    }

    private static bool Plausible(Coordinate c, int epsg) => epsg switch
    {
        Epsg.Cgcs2000 => Math.Abs(c.X) <= 180 && Math.Abs(c.Y) <= 90,
        Epsg.GaussKruger108 => c.X is > 0 and < 1_000_000 && c.Y is > 1_000_000 and < 10_000_000,
        Epsg.GaussKruger108Zoned => c.X is > 36_000_000 and < 37_000_000 && c.Y is > 1_000_000 and < 10_000_000,
        Epsg.WebMercator => Math.Abs(c.X) is > 1_000_000 and <= 20_037_508.35 && Math.Abs(c.Y) <= 20_037_508.35,
        _ => false,
    };

    private static string Reason(Envelope env, int epsg, bool swapped)
    {
        var swap = swapped
            ? (CrsTransformer.IsGeographic(epsg)
                ? "x 像纬度、y 像经度（纬度在前），已交换为经度、纬度（lat/lon order detected, swapped）。"
                : "x 是北坐标、y 是东坐标（测量习惯 X=北、Y=东），已交换为 x=东、y=北（X/Y swapped, fixed）。")
            : string.Empty;
        return $"文件未声明坐标系，按坐标范围（{Ranges(env)}）判断为 {Epsg.Name(epsg)}（{Describe(epsg)}），位于杭锦后旗附近。{swap}" +
               $"(No CRS declared; guessed {Epsg.Name(epsg)} from the coordinate ranges.)";
    }

    internal static string Ranges(Envelope env) => string.Create(CultureInfo.InvariantCulture,
        $"x {env.MinX:0.######}–{env.MaxX:0.######}，y {env.MinY:0.######}–{env.MaxY:0.######}");

    private static InputException Refusal(Envelope env, string? file) =>
        new(CrsRefusal.Problem(env), CrsRefusal.Fix(env), file);
}
