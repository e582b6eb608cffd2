using System.Globalization;
using System.Text;
using SpatialPlan.Core.Measurement;

namespace SpatialPlan.Core.Checks;

/// <summary>
/// Writes a <see cref="CheckReport"/> as CSV: one row per zone × overlapped or nearby feature (one row for a zone
/// with neither). UTF-8 with BOM so that Excel opens the Chinese correctly. Areas in m², 亩, 公顷; distances in m.
/// </summary>
public static class CheckReportCsv
{
    private static readonly string[] Header =
    [
        "图层ID layerId", "图层 layer", "类别 category", "关系 relation", "要素ID featureId", "要素名称 featureName",
        "占用面积(平方米) overlapAreaM2", "占用面积(亩) overlapAreaMu", "占用面积(公顷) overlapAreaHa", "距离(米) distanceM",
        "图层结论 zoneVerdict", "规则 rule", "依据 basis",
    ];

    /// <summary>The CSV text (without BOM; <see cref="Write"/> adds it).</summary>
    public static string ToCsv(CheckReport report)
    {
        var sb = new StringBuilder();
        sb.Append(string.Join(',', Header)).Append("\r\n");
        foreach (var z in report.Zones)
        {
            var rows = z.Features.Select(f => (f.Id, f.Name, (double?)f.OverlapAreaM2, (double?)0))
                .Concat(z.NearbyFeatures.Select(n => (n.Id, n.Name, (double?)null, (double?)n.DistanceM)))
                .DefaultIfEmpty((string.Empty, string.Empty, (double?)null, z.DistanceM));
            foreach (var (id, name, area, distance) in rows)
            {
                Row(sb, z, id, name, area, distance);
            }
        }

        return sb.ToString();
    }

    /// <summary>Writes the CSV as UTF-8 with a byte-order mark.</summary>
    public static void Write(CheckReport report, Stream stream)
    {
        var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
        stream.Write(bytes.GetPreamble());
        stream.Write(bytes.GetBytes(ToCsv(report)));
    }

    private static void Row(StringBuilder sb, ZoneResult z, string id, string name, double? area, double? distance)
    {
        string[] cells =
        [
            z.LayerId, z.LayerTitleZh, z.Category, Names.Of(z.Relation), id, name,
            Num(area, 2), Num(area is { } a ? AreaUnits.ToMu(a) : null, 4), Num(area is { } h ? AreaUnits.ToHectares(h) : null, 5),
            Num(distance, 2), Names.Of(z.Verdict), z.RuleZh, z.BasisZh,
        ];
        sb.Append(string.Join(',', cells.Select(Quote))).Append("\r\n");
    }

    private static string Num(double? value, int digits) =>
        value is { } v ? Math.Round(v, digits).ToString(CultureInfo.InvariantCulture) : string.Empty;

    private static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{cell.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : cell;
}
