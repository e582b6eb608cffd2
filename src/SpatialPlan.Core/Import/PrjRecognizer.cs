using System.Globalization;
using System.Text.RegularExpressions;
using SpatialPlan.Core.Sources;

namespace SpatialPlan.Core.Import;

/// <summary>
/// Tells which EPSG code a Shapefile's .prj (Esri WKT as ArcGIS and GDAL write it, or OGC WKT1) describes, for the
/// CRSs official Chinese data comes in: CGCS2000 geographic (EPSG:4490), WGS 84 (EPSG:4326), and the CGCS2000
/// 3-degree Gauss-Kruger zones with the zone number prefixed to the easting (EPSG:4513–4533, zones 25–45) or without
/// it (EPSG:4534–4554, CM 75°E–135°E). The projection parameters decide (central meridian, false easting, scale 1,
/// origin 0, metres); a datum other than CGCS2000/WGS 84 is refused, because 西安 80 and 北京 54 coordinates are
/// 50–100 m away from CGCS2000 and need the surveyors' seven-parameter transformation, not a guess.
/// </summary>
internal static partial class PrjRecognizer
{
    /// <summary>First zone-prefixed 3° code: EPSG:4513 is zone 25 (CM 75°E), false easting 25 500 000 m.</summary>
    public const int FirstZoned = 4513;

    /// <summary>First 3° code without the prefix: EPSG:4534 is CM 75°E, false easting 500 000 m.</summary>
    public const int FirstPlain = 4534;

    /// <summary>Zones 25–45 (CM 75°E–135°E).</summary>
    public const int Zones = 21;

    /// <exception cref="InputException">A CRS that is not one of those above; the message says which and what to do.</exception>
    public static int ToEpsg(string wkt, string file)
    {
        var text = wkt.Trim();
        var name = Name().Match(text) is { Success: true } m ? m.Groups[1].Value : text[..Math.Min(60, text.Length)];
        if (text.Length == 0)
        {
            throw new InputException(".prj 文件是空的（empty .prj）。", "请从 GIS 软件重新导出该图层，或删除 .prj 并用 --crs EPSG:n 指定坐标系。", file);
        }

        var datum = Datum().Match(text) is { Success: true } d ? d.Groups[1].Value : string.Empty;
        if (OldDatum().IsMatch(datum) || OldDatum().IsMatch(name))
        {
            throw new InputException(
                $".prj 的坐标系“{name}”基于{(datum.Contains("Beijing", StringComparison.OrdinalIgnoreCase) || name.Contains("Beijing", StringComparison.OrdinalIgnoreCase) ? "北京 1954" : "西安 1980")}大地基准，" +
                "与 CGCS2000 相差可达数十至上百米（old datum: not CGCS2000）。",
                "请先用测绘部门提供的转换参数（七参数）把数据转换到 CGCS2000（如 EPSG:4490 或 CGCS2000 3 度带），再导入；不要用 --crs 强行指定，那会让位置错开。", file);
        }

        var cgcs = Cgcs2000().IsMatch(datum) || Cgcs2000().IsMatch(text);
        var wgs = !cgcs && Wgs84().IsMatch(datum.Length > 0 ? datum : text);
        var projected = text.StartsWith("PROJCS", StringComparison.OrdinalIgnoreCase) || text.StartsWith("PROJCRS", StringComparison.OrdinalIgnoreCase);
        if (!projected)
        {
            if (cgcs)
            {
                return Crs.Epsg.Cgcs2000;
            }

            if (wgs)
            {
                return Crs.Epsg.Wgs84;
            }

            throw Unsupported(name, file);
        }

        if (!cgcs || !TransverseMercator().IsMatch(text))
        {
            throw Unsupported(name, file);
        }

        var cm = Parameter(text, "central_meridian");
        var fe = Parameter(text, "false_easting");
        var fn = Parameter(text, "false_northing") ?? 0;
        var k = Parameter(text, "scale_factor") ?? 1;
        var lat0 = Parameter(text, "latitude_of_origin") ?? 0;
        // The linear unit is the last UNIT of a PROJCS (the GEOGCS's angular one comes first).
        var unit = Unit().Matches(text).LastOrDefault() is { } u && double.TryParse(u.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var f) ? f : 1;
        if (cm is not { } c || fe is not { } e || fn != 0 || Math.Abs(k - 1) > 1e-12 || lat0 != 0 || Math.Abs(unit - 1) > 1e-12)
        {
            throw Unsupported(name, file);
        }

        var zone = c / 3;
        if (zone != Math.Round(zone) || zone < 25 || zone > 45)
        {
            // 6-degree zones (CM 75°E, 81°E …) and other meridians.
            throw Unsupported(name, file);
        }

        if (e == 500_000)
        {
            return FirstPlain + (int)zone - 25;
        }

        if (e == (zone * 1_000_000) + 500_000)
        {
            return FirstZoned + (int)zone - 25;
        }

        throw Unsupported(name, file);
    }

    /// <summary>True for the CGCS2000 3° Gauss-Kruger codes (with or without the zone prefix).</summary>
    public static bool IsGaussKruger3(int epsg) => epsg is >= FirstZoned and < FirstPlain + Zones;

    /// <summary>True for EPSG:4513–4533 (easting with the zone prefix).</summary>
    public static bool IsZoned(int epsg) => epsg is >= FirstZoned and < FirstPlain;

    /// <summary>The zone (25–45) of a 3° code.</summary>
    public static int ZoneOf(int epsg) => IsZoned(epsg) ? 25 + epsg - FirstZoned : 25 + epsg - FirstPlain;

    /// <summary>The code without the zone prefix of the same zone (4524 → 4545; a plain code is returned as is).</summary>
    public static int Plain(int epsg) => IsZoned(epsg) ? epsg - FirstZoned + FirstPlain : epsg;

    /// <summary>The zone-prefixed code of the same zone (4545 → 4524).</summary>
    public static int Zoned(int epsg) => IsZoned(epsg) ? epsg : epsg - FirstPlain + FirstZoned;

    /// <summary>“CGCS2000 高斯-克吕格 3 度带第 36 带（中央经线 108°E），东坐标带带号”.</summary>
    public static string Describe(int epsg) => epsg switch
    {
        Crs.Epsg.Cgcs2000 => "CGCS2000 经纬度",
        Crs.Epsg.Wgs84 => "WGS 84 经纬度",
        Crs.Epsg.WebMercator => "Web 墨卡托",
        _ when IsGaussKruger3(epsg) => string.Create(CultureInfo.InvariantCulture,
            $"CGCS2000 高斯-克吕格 3 度带第 {ZoneOf(epsg)} 带（中央经线 {ZoneOf(epsg) * 3}°E），东坐标{(IsZoned(epsg) ? "带" : "不带")}带号"),
        _ => "不支持的坐标系",
    };

    private static InputException Unsupported(string name, string file) => new(
        $".prj 中的坐标系“{name}”不受支持（unsupported CRS in .prj）。",
        "支持 CGCS2000 经纬度（EPSG:4490）、WGS 84（EPSG:4326）和 CGCS2000 3 度带高斯-克吕格投影（带带号 EPSG:4513–4533，不带带号 EPSG:4534–4554）。" +
        "请在 GIS 软件中转换到其中之一后再导入；若确知坐标系，可用 --crs EPSG:n 指定。", file);

    private static double? Parameter(string wkt, string name)
    {
        var m = Regex.Match(wkt, $"PARAMETER\\[\"{name}\",\\s*([-+0-9.eE]+)\\s*\\]", RegexOptions.IgnoreCase);
        return m.Success && double.TryParse(m.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;
    }

    [GeneratedRegex("^\\w+\\[\"([^\"]*)\"")]
    private static partial Regex Name();

    [GeneratedRegex("DATUM\\[\"([^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex Datum();

    [GeneratedRegex("Xian|Xi'an|Beijing|BJ54|XA80", RegexOptions.IgnoreCase)]
    private static partial Regex OldDatum();

    [GeneratedRegex("China_2000|China 2000|China Geodetic Coordinate System 2000|CGCS[_ ]?2000", RegexOptions.IgnoreCase)]
    private static partial Regex Cgcs2000();

    [GeneratedRegex("WGS[_ ]?(19)?84", RegexOptions.IgnoreCase)]
    private static partial Regex Wgs84();

    [GeneratedRegex("Gauss_Kruger|Gauss-Kruger|Transverse_Mercator|Transverse Mercator", RegexOptions.IgnoreCase)]
    private static partial Regex TransverseMercator();

    [GeneratedRegex("UNIT\\[\"[^\"]*\",\\s*([0-9.eE+-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex Unit();
}
