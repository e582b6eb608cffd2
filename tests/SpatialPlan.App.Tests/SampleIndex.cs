using System.Globalization;
using System.Text.Json;

namespace SpatialPlan.App.Tests;

/// <summary>One entry of gis-data/samples/projects/index.json: the file and the options it is checked with.</summary>
internal sealed record SampleEntry(int Index, string File, string NameZh, string Type, IReadOnlyList<string> Majors, double? Width, double? Radius, string? Crs, string ExpectedVerdict)
{
    /// <summary>The sample's project settings as CLI options (the web panel sets the same fields from the index).</summary>
    public IEnumerable<string> CliOptions()
    {
        yield return "--type";
        yield return Type;
        foreach (var major in Majors)
        {
            yield return "--major";
            yield return major;
        }

        if (Width is { } w)
        {
            yield return "--width";
            yield return w.ToString(CultureInfo.InvariantCulture);
        }

        if (Radius is { } r)
        {
            yield return "--radius";
            yield return r.ToString(CultureInfo.InvariantCulture);
        }

        if (Crs is { } crs)
        {
            yield return "--crs";
            yield return crs;
        }
    }
}

/// <summary>Reads a data folder's sample index.</summary>
internal static class SampleIndex
{
    public static string Folder(string dataDir) => Path.Combine(dataDir, "samples", "projects");

    public static IReadOnlyList<SampleEntry> Read(string dataDir) =>
        [.. JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder(dataDir), "index.json"))).RootElement.EnumerateArray().Select((s, i) => new SampleEntry(
            i,
            s.GetProperty("file").GetString()!,
            s.GetProperty("nameZh").GetString()!,
            s.GetProperty("type").GetString()!,
            s.TryGetProperty("majors", out var m) ? [.. m.EnumerateArray().Select(x => x.GetString()!)] : [],
            Number(s, "width"),
            Number(s, "radius"),
            s.TryGetProperty("crs", out var c) && c.ValueKind != JsonValueKind.Null ? Crs(c) : null,
            s.GetProperty("expectedVerdict").GetString()!))];

    private static double? Number(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;

    private static string Crs(JsonElement c) => c.ValueKind == JsonValueKind.Number
        ? "EPSG:" + c.GetInt32().ToString(CultureInfo.InvariantCulture)
        : c.GetString()!.StartsWith("EPSG:", StringComparison.OrdinalIgnoreCase) ? c.GetString()! : "EPSG:" + c.GetString();
}
