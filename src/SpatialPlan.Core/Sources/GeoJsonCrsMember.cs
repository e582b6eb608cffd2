using System.Text.Json;
using System.Text.RegularExpressions;

namespace SpatialPlan.Core.Sources;

/// <summary>
/// Reads the legacy GeoJSON 2008 <c>crs</c> member ({"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::4490"}}),
/// which RFC 7946 dropped but Chinese GIS exports still write.
/// </summary>
internal static partial class GeoJsonCrsMember
{
    public const string Where = "GeoJSON 的 crs 成员";

    public static (int? Epsg, string? Where) Read(JsonElement root, string file)
    {
        if (!root.TryGetProperty("crs", out var crs) || crs.ValueKind != JsonValueKind.Object)
        {
            return (null, null);
        }

        var name = crs.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object &&
                   p.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String
            ? n.GetString()!
            : string.Empty;
        if (name.Contains("CRS84", StringComparison.OrdinalIgnoreCase))
        {
            return (Crs.Epsg.Wgs84, Where);
        }

        var match = EpsgCode().Match(name);
        if (!match.Success)
        {
            throw new InputException($"{Where}“{name}”无法识别为 EPSG 代码（unrecognised crs member）。",
                "请写成 urn:ogc:def:crs:EPSG::4490 或 EPSG:4490 的形式，或删除 crs 成员让程序按坐标范围判断。", file);
        }

        if (!int.TryParse(match.Groups[1].Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var code))
        {
            var digits = match.Groups[1].Value;
            throw new InputException($"{Where}中的 EPSG 代码“{(digits.Length > 24 ? digits[..24] + "…" : digits)}”过长，不是有效的代码（EPSG code out of range）。",
                "EPSG 代码是不超过 6 位的数字：请写成 EPSG:4490 或 EPSG:4326 等，或删除 crs 成员让程序按坐标范围判断。", file);
        }

        return (code, Where);
    }

    [GeneratedRegex(@"EPSG:(?:[\d.]*:)?(\d+)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex EpsgCode();
}
