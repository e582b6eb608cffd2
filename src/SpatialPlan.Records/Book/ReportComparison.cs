using System.Globalization;
using System.Text.Json;

namespace SpatialPlan.Records.Book;

/// <summary>One difference between two reports of the same footprint.</summary>
/// <param name="Zone">The zone layer id, or null for the overall verdict.</param>
/// <param name="What"><c>verdict</c>, <c>conditions</c>, <c>overlapAreaM2</c>, <c>zone</c> (added or removed).</param>
/// <param name="Old">The old value as text.</param>
/// <param name="New">The new value as text.</param>
/// <param name="TextZh">The difference in words, Chinese.</param>
public sealed record ReportChange(string? Zone, string What, string? Old, string? New, string TextZh);

/// <summary>
/// What a re-check compares (issue 11 §4): the overall verdict (with 原则上禁止), and per zone the verdict, the conditions
/// and the overlap area (a change over 0.01 m²). The check time and the data version always differ and are not changes
/// of the result.
/// </summary>
public static class ReportComparison
{
    /// <summary>Areas that differ by no more than this (m²) are the same.</summary>
    public const double AreaToleranceM2 = 0.01;

    public static IReadOnlyList<ReportChange> Compare(string oldReportJson, string newReportJson)
    {
        using var oldDoc = JsonDocument.Parse(oldReportJson);
        using var newDoc = JsonDocument.Parse(newReportJson);
        var o = oldDoc.RootElement;
        var n = newDoc.RootElement;
        var changes = new List<ReportChange>();
        if (Text(o, "verdict") != Text(n, "verdict") || Text(o, "verdictZh") != Text(n, "verdictZh"))
        {
            changes.Add(new ReportChange(null, "verdict", Text(o, "verdict"), Text(n, "verdict"), $"结论：{Text(o, "verdictZh")} → {Text(n, "verdictZh")}"));
        }

        var oldZones = Zones(o);
        var newZones = Zones(n);
        foreach (var (id, oz) in oldZones)
        {
            if (!newZones.TryGetValue(id, out var nz))
            {
                changes.Add(new ReportChange(id, "zone", Text(oz, "verdict"), null, $"{Text(oz, "layerTitle")}：图层已不在核查范围内"));
                continue;
            }

            var title = Text(nz, "layerTitle") ?? id;
            if (Text(oz, "verdict") != Text(nz, "verdict") || Text(oz, "verdictZh") != Text(nz, "verdictZh"))
            {
                changes.Add(new ReportChange(id, "verdict", Text(oz, "verdict"), Text(nz, "verdict"), $"{title}：{Text(oz, "verdictZh")} → {Text(nz, "verdictZh")}"));
            }

            var oldConditions = Raw(oz, "conditions");
            var newConditions = Raw(nz, "conditions");
            if (oldConditions != newConditions)
            {
                changes.Add(new ReportChange(id, "conditions", oldConditions, newConditions, $"{title}：准入条件有变化"));
            }

            var oldArea = Number(oz, "overlapAreaM2");
            var newArea = Number(nz, "overlapAreaM2");
            if (Math.Abs(oldArea - newArea) > AreaToleranceM2)
            {
                changes.Add(new ReportChange(id, "overlapAreaM2", Format(oldArea), Format(newArea), $"{title}：重叠面积 {Format(oldArea)} → {Format(newArea)} 平方米"));
            }
        }

        foreach (var (id, nz) in newZones.Where(z => !oldZones.ContainsKey(z.Key)))
        {
            changes.Add(new ReportChange(id, "zone", null, Text(nz, "verdict"), $"{Text(nz, "layerTitle")}：新增核查图层，结论 {Text(nz, "verdictZh")}"));
        }

        return changes;
    }

    private static Dictionary<string, JsonElement> Zones(JsonElement report) =>
        report.TryGetProperty("zones", out var zones) && zones.ValueKind == JsonValueKind.Array
            ? zones.EnumerateArray().Where(z => Text(z, "layerId") is not null).ToDictionary(z => Text(z, "layerId")!, z => z)
            : [];

    private static string? Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static string Raw(JsonElement e, string name) => e.TryGetProperty(name, out var v) ? v.GetRawText() : "null";

    private static double Number(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : 0;

    private static string Format(double m2) => m2.ToString("0.##", CultureInfo.InvariantCulture);
}
