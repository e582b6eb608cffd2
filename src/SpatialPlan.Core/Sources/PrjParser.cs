using System.Globalization;
using System.Text.RegularExpressions;
using SpatialPlan.Core.Crs;

namespace SpatialPlan.Core.Sources;

/// <summary>
/// Maps a Shapefile .prj (Esri or OGC WKT1) to one of the supported EPSG codes: an AUTHORITY code when present,
/// else the projection parameters (transverse Mercator, central meridian 3n°E for a zone n of 25–45, scale 1, false
/// easting 500 000 m → EPSG:4534–4554, or n × 1 000 000 + 500 000 m → EPSG:4513–4533) or the geographic datum's name
/// (CGCS2000 / China 2000, WGS 84).
/// </summary>
internal static partial class PrjParser
{
    public static int ToEpsg(string wkt, string file)
    {
        var text = wkt.Trim();
        var isProjected = text.StartsWith("PROJCS", StringComparison.OrdinalIgnoreCase);
        // The last AUTHORITY in WKT1 belongs to the outermost CRS — unless the outer one has none and the
        // match is the embedded GEOGCS's, which must not turn a projected .prj into a geographic one.
        var authority = Authority().Matches(text).LastOrDefault();
        if (authority is not null && int.TryParse(authority.Groups[1].Value, CultureInfo.InvariantCulture, out var code) &&
            Epsg.IsSupported(code) && isProjected != CrsTransformer.IsGeographic(code))
        {
            return code;
        }

        if (!isProjected)
        {
            if (Regex.IsMatch(text, "China|CGCS", RegexOptions.IgnoreCase))
            {
                return Epsg.Cgcs2000;
            }

            if (Regex.IsMatch(text, "WGS[ _]?(19)?84", RegexOptions.IgnoreCase))
            {
                return Epsg.Wgs84;
            }
        }
        else if (Regex.IsMatch(text, "Mercator_Auxiliary_Sphere|Pseudo[- _]Mercator|Popular_Visualisation", RegexOptions.IgnoreCase))
        {
            return Epsg.WebMercator;
        }
        else if (Regex.IsMatch(text, "Transverse_Mercator|Gauss_Kruger", RegexOptions.IgnoreCase) &&
                 Parameter(text, "central_meridian") is { } cm && cm % 3 == 0 &&
                 GaussKrugerZone.ForLongitude(cm) is { } zone && zone.CentralMeridian == cm &&
                 (Parameter(text, "scale_factor") ?? 1.0) == 1.0 && (Parameter(text, "latitude_of_origin") ?? 0.0) == 0.0 &&
                 (Parameter(text, "false_northing") ?? 0.0) == 0.0)
        {
            var falseEasting = Parameter(text, "false_easting");
            if (falseEasting == GaussKrugerZone.FalseEasting)
            {
                return zone.Epsg;
            }

            if (falseEasting == zone.ZonedFalseEasting)
            {
                return zone.ZonedEpsg;
            }
        }

        var name = Name().Match(text) is { Success: true } m ? m.Groups[1].Value : text[..Math.Min(60, text.Length)];
        throw new InputException($".prj 中的坐标系“{name}”不受支持（unsupported CRS in .prj）。",
            "请在 GIS 软件中把图层转换到 CGCS2000 经纬度（EPSG:4490）或 CGCS2000 高斯-克吕格 3 度带（EPSG:4513–4554）后再导出。", file);
    }

    private static double? Parameter(string wkt, string name)
    {
        var m = Regex.Match(wkt, $"PARAMETER\\[\"{name}\",\\s*([-0-9.eE+]+)\\]", RegexOptions.IgnoreCase);
        return m.Success && double.TryParse(m.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;
    }

    [GeneratedRegex("AUTHORITY\\[\"EPSG\",\\s*\"?(\\d+)\"?\\]", RegexOptions.IgnoreCase)]
    private static partial Regex Authority();

    [GeneratedRegex("^\\w+\\[\"([^\"]*)\"")]
    private static partial Regex Name();
}
