using System.Globalization;
using System.Text.Json;
using SpatialPlan.Core.Checks;
using SpatialPlan.Core.Sources;

namespace SpatialPlan.Core.Tests.Checks;

/// <summary>The repository's sample projects (gis-data/samples/projects/index.json), checked against the real layers and policy.</summary>
internal static class SampleProjects
{
    public static readonly string Directory = Path.Combine(CheckFixtures.DataDir, "samples", "projects");

    private static readonly Lazy<SiteCheck> Check = new(() => SiteCheck.Load(CheckFixtures.DataDir));

    public static SiteCheck SiteCheck => Check.Value;

    public static IEnumerable<JsonElement> Index() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(Directory, "index.json"))).RootElement.EnumerateArray();

    public static JsonElement Get(string file) => Index().Single(s => s.GetProperty("file").GetString() == file);

    public static double? Number(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;

    /// <summary>The sample's major categories (index <c>majors</c>), empty when it lists none.</summary>
    public static IReadOnlyList<string> Majors(JsonElement e) =>
        e.TryGetProperty("majors", out var m) && m.ValueKind == JsonValueKind.Array ? [.. m.EnumerateArray().Select(x => x.GetString()!)] : [];

    /// <summary>Runs the site check on a sample with the options its index entry gives.</summary>
    public static CheckReport Run(string file)
    {
        var sample = Get(file);
        var crs = sample.GetProperty("crs").GetString() is { } c
            ? int.Parse(c.Replace("EPSG:", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture)
            : (int?)null;
        var given = new ProjectSettings(sample.GetProperty("type").GetString(), Majors(sample), WidthM: Number(sample, "width"), RadiusM: Number(sample, "radius"));
        var path = Path.Combine(Directory, file);
        var load = FeatureFileReader.Read(path, new ReadOptions(crs));
        return Check.Value.Run(load, given, CheckInput.OfFile(path), crs);
    }
}
