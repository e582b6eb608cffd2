using System.Globalization;
using NetTopologySuite.Geometries;
using SpatialPlan.Core.Sources;

namespace SpatialPlan.Core.Crs;

/// <summary>
/// Tells from the coordinate ranges alone which supported CRS a file is in, and whether its axes are swapped (lat/lon,
/// or X = northing first as Chinese surveyors write). A candidate fits when every corner of the envelope is a valid value
/// in that CRS and the envelope, read in it, reaches within <see cref="DataArea.NearMarginDegrees"/> of the data area's
/// box — context layers such as rivers and neighbouring counties extend well beyond. The candidates: lon/lat; the data
/// area's working zone without zone prefix (eastings 0–1 000 000 m say nothing of their zone, so only the working zone
/// is guessed; another zone must be declared); any zone with its prefix (the prefix names the zone); Web Mercator.
/// Their value ranges do not overlap near any one area, so the first fit is the only sensible one.
/// </summary>
public static class CrsGuesser
{
    /// <summary>Guesses the CRS of coordinates whose envelope (as stored: x first) is <paramref name="env"/>.</summary>
    /// <param name="env">Envelope of the raw coordinates, in file order.</param>
    /// <param name="file">File name for messages.</param>
    /// <param name="area">The data area the coordinates must be in or near (<see cref="DataArea.China"/> without a data folder).</param>
    /// <exception cref="InputException">The coordinates cannot be in or near the area in any supported CRS.</exception>
    public static CrsGuess Guess(Envelope env, string? file, DataArea area)
    {
        ArgumentNullException.ThrowIfNull(area);
        var found = TryGuess(env, file, area);
        return found ?? throw Refusal(env, file, area);
    }

    /// <summary>
    /// Confirms a declared CRS (GeoJSON <c>crs</c> member, .prj, or a user option) against the coordinates.
    /// The declaration wins over a guess, but axes may still be swapped (EPSG:4490 and the Gauss-Kruger codes officially
    /// put latitude/northing first); coordinates that belong to another CRS, or that land far from the area, are refused.
    /// A declared Gauss-Kruger zone other than the working one is accepted when its coordinates land near the area.
    /// </summary>
    /// <param name="env">Envelope of the raw coordinates.</param>
    /// <param name="declaredEpsg">The declared code.</param>
    /// <param name="declaredWhere">Where the declaration came from, in Chinese (e.g. "GeoJSON 的 crs 成员").</param>
    /// <param name="file">File name for messages.</param>
    /// <param name="area">The data area the coordinates must be in or near.</param>
    /// <exception cref="InputException">Unsupported code, coordinates contradicting it, or far from the area.</exception>
    public static CrsGuess Confirm(Envelope env, int declaredEpsg, string declaredWhere, string? file, DataArea area)
    {
        ArgumentNullException.ThrowIfNull(area);
        if (!Epsg.IsSupported(declaredEpsg))
        {
            throw new InputException(
                $"{declaredWhere}声明的坐标系 EPSG:{declaredEpsg} 不受支持（unsupported CRS）。",
                $"请先转换到以下坐标系之一：{Epsg.SupportedZh}。", file);
        }

        RequireCoordinates(env, file);
        foreach (var swapped in new[] { false, true })
        {
            if (Fits(Corners(env, swapped).ToList(), declaredEpsg, area))
            {
                var swap = swapped
                    ? "坐标轴顺序为先北后东（纬度/北坐标在前），已交换为 x=东、y=北（axes swapped, fixed）。"
                    : "坐标与声明相符（coordinates agree with the declaration）。";
                return new CrsGuess(declaredEpsg, swapped,
                    $"{declaredWhere}声明坐标系 {Epsg.Name(declaredEpsg)}（{Describe(declaredEpsg)}），{swap}");
            }
        }

        var guess = TryGuess(env, file, area);
        if (guess is null || (CrsTransformer.IsGeographic(guess.Epsg) && CrsTransformer.IsGeographic(declaredEpsg)))
        {
            throw Refusal(env, file, area, declaredEpsg);
        }

        throw new InputException(
            $"{declaredWhere}声明坐标系为 {Epsg.Name(declaredEpsg)}（{Describe(declaredEpsg)}），" +
            $"但坐标值（{Ranges(env)}）看起来是 {Epsg.Name(guess.Epsg)}（{Describe(guess.Epsg)}）" +
            $"（declared {Epsg.Name(declaredEpsg)} but the values look like {Epsg.Name(guess.Epsg)}）。",
            $"请改正或删除声明的坐标系，或确认是否选错了文件；若坐标确为 {Epsg.Name(guess.Epsg)}，请按它读取（如 --crs {Epsg.Name(guess.Epsg)}）。",
            file);
    }

    /// <summary>Chinese description of a supported code, e.g. "CGCS2000 经纬度，单位度".</summary>
    public static string Describe(int epsg)
    {
        if (GaussKrugerZone.FromEpsg(epsg) is { } zone)
        {
            return GaussKrugerZone.IsZoned(epsg)
                ? string.Create(CultureInfo.InvariantCulture,
                    $"CGCS2000 高斯-克吕格 3 度带第 {zone.Zone} 带（中央经线 {zone.CentralMeridian}°E），东坐标带 {zone.Zone} 带号前缀，单位米")
                : string.Create(CultureInfo.InvariantCulture,
                    $"CGCS2000 高斯-克吕格 3 度带，中央经线 {zone.CentralMeridian}°E，东坐标无带号，单位米");
        }

        return epsg switch
        {
            Epsg.Cgcs2000 => "CGCS2000 经纬度，单位度",
            Epsg.Wgs84 => "WGS84 经纬度，单位度",
            Epsg.WebMercator => "Web 墨卡托，单位米",
            _ => "不支持的坐标系",
        };
    }

    private static void RequireCoordinates(Envelope env, string? file)
    {
        if (env is null || env.IsNull || !double.IsFinite(env.MinX + env.MaxX + env.MinY + env.MaxY))
        {
            throw new InputException("文件中没有可用的坐标（no usable coordinates）。", "请确认文件包含要素的几何坐标。", file);
        }
    }

    private static CrsGuess? TryGuess(Envelope env, string? file, DataArea area)
    {
        RequireCoordinates(env, file);
        foreach (var (epsg, swapped) in Candidates(env, area))
        {
            if (Fits(Corners(env, swapped).ToList(), epsg, area))
            {
                return new CrsGuess(epsg, swapped, Reason(env, epsg, swapped, area));
            }
        }

        return null;
    }

    /// <summary>The codes worth trying, in order: lon/lat, the working zone, the zone a prefix names (either column), Web Mercator.</summary>
    private static IEnumerable<(int Epsg, bool Swapped)> Candidates(Envelope env, DataArea area)
    {
        yield return (Epsg.Cgcs2000, false);
        yield return (Epsg.Cgcs2000, true);
        if (area.WorkingCrs is { } working)
        {
            yield return (working.Epsg, false);
            yield return (working.Epsg, true);
        }

        if (ZoneOfPrefixed(env.MinX) is { } zx)
        {
            yield return (zx.ZonedEpsg, false);
        }

        if (ZoneOfPrefixed(env.MinY) is { } zy)
        {
            yield return (zy.ZonedEpsg, true);
        }

        yield return (Epsg.WebMercator, false);
        yield return (Epsg.WebMercator, true);
    }

    /// <summary>The zone a zone-prefixed easting names (25 000 000–45 999 999 m), or null.</summary>
    internal static GaussKrugerZone? ZoneOfPrefixed(double easting) =>
        easting is >= 25_000_000 and < 46_000_000 ? GaussKrugerZone.Of((int)(easting / 1_000_000)) : null;

    private static IEnumerable<Coordinate> Corners(Envelope env, bool swapped)
    {
        Coordinate[] corners =
        [
            new(env.MinX, env.MinY), new(env.MaxX, env.MaxY), new(env.MinX, env.MaxY), new(env.MaxX, env.MinY),
        ];
        return swapped ? corners.Select(c => new Coordinate(c.Y, c.X)) : corners;
    }

    private static bool Fits(List<Coordinate> corners, int epsg, DataArea area)
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

        return area.Reaches(lonLat);
    }

    private static bool Plausible(Coordinate c, int epsg)
    {
        if (GaussKrugerZone.FromEpsg(epsg) is { } zone)
        {
            // Northings start at the equator: China lies beyond 1 000 000 m (about 9°N) but for the far south seas,
            // which no county's data reaches.
            var offset = GaussKrugerZone.IsZoned(epsg) ? zone.Zone * 1_000_000.0 : 0;
            return c.X - offset is > 0 and < 1_000_000 && c.Y is > 1_000_000 and < 10_000_000;
        }

        return epsg switch
        {
            Epsg.Cgcs2000 or Epsg.Wgs84 => Math.Abs(c.X) <= 180 && Math.Abs(c.Y) <= 90,
            Epsg.WebMercator => Math.Abs(c.X) is > 1_000_000 and <= 20_037_508.35 && Math.Abs(c.Y) <= 20_037_508.35,
            _ => false,
        };
    }

    private static string Reason(Envelope env, int epsg, bool swapped, DataArea area)
    {
        var swap = swapped
            ? (CrsTransformer.IsGeographic(epsg)
                ? "x 像纬度、y 像经度（纬度在前），已交换为经度、纬度（lat/lon order detected, swapped）。"
                : "x 是北坐标、y 是东坐标（测量习惯 X=北、Y=东），已交换为 x=东、y=北（X/Y swapped, fixed）。")
            : string.Empty;
        var working = area.WorkingCrs is { } w && w.Epsg == epsg ? $"（{area.NameZh}的工作坐标系）" : string.Empty;
        return $"文件未声明坐标系，按坐标范围（{Ranges(env)}）判断为 {Epsg.Name(epsg)}{working}（{Describe(epsg)}），位于{area.NameZh}附近。{swap}" +
               $"(No CRS declared; guessed {Epsg.Name(epsg)} from the coordinate ranges.)";
    }

    internal static string Ranges(Envelope env) => string.Create(CultureInfo.InvariantCulture,
        $"x {env.MinX:0.######}–{env.MaxX:0.######}，y {env.MinY:0.######}–{env.MaxY:0.######}");

    private static InputException Refusal(Envelope env, string? file, DataArea area, int? declaredEpsg = null) =>
        new(CrsRefusal.Problem(env, area, declaredEpsg), CrsRefusal.Fix(env, area), file);
}
