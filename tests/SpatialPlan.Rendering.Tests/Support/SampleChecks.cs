using System.Text.Json;
using SpatialPlan.Core.Checks;
using SpatialPlan.Core.Layers;
using SpatialPlan.Core.Sources;
using SpatialPlan.Core.Styles;

namespace SpatialPlan.Rendering.Tests.Support;

/// <summary>
/// The sample projects of gis-data/samples/projects/index.json, checked over the repository's gis-data the way the CLI
/// checks them (its type, majors, width, radius and CRS), on a fixed clock; the layer store is loaded once per process.
/// </summary>
internal static class SampleChecks
{
    public static readonly DateTimeOffset Now = new(2026, 11, 30, 10, 0, 0, TimeSpan.FromHours(8));

    private static readonly Lazy<(LayerStore Store, SiteCheck Check, StyleBook Styles)> s_data = new(() =>
    {
        var dir = DataDirectory.Resolve(TestPaths.GisData);
        var store = new LayerStore(LayerCatalog.Load(dir));
        return (store, SiteCheck.From(store, new FixedClock(Now)), StyleBook.Load(dir));
    });

    public static LayerStore Store => s_data.Value.Store;

    public static StyleBook Styles => s_data.Value.Styles;

    public static string Folder => Path.Combine(TestPaths.GisData, "samples", "projects");

    /// <summary>Every sample's file name (xunit member data).</summary>
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var entry in Index())
        {
            data.Add(entry.GetProperty("file").GetString()!);
        }

        return data;
    }

    public static IEnumerable<JsonElement> Index() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "index.json"))).RootElement.EnumerateArray();

    public static JsonElement Entry(string file) => Index().Single(e => e.GetProperty("file").GetString() == file);

    /// <summary>The sample's zone categories with a verdict of 提示关注 or worse, from index.json (the oracle's, not ours).</summary>
    public static IReadOnlyList<string> ExpectedZoneCategories(string file) =>
        [.. Entry(file).GetProperty("expectedZoneVerdicts").EnumerateObject().Select(p => p.Name)];

    public static (CheckReport Report, string Name) Check(string file)
    {
        var entry = Entry(file);
        double? Number(string name) => entry.GetProperty(name).ValueKind == JsonValueKind.Number ? entry.GetProperty(name).GetDouble() : null;
        var majors = entry.GetProperty("majors").EnumerateArray().Select(m => m.GetString()!).ToList();
        int? crs = entry.GetProperty("crs").ValueKind == JsonValueKind.Null ? null
            : int.Parse(entry.GetProperty("crs").GetString()!.Replace("EPSG:", string.Empty, StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
        var name = entry.GetProperty("nameZh").GetString()!;
        var given = new ProjectSettings(entry.GetProperty("type").GetString(), majors.Count > 0 ? majors : null, null, Number("width"), Number("radius"), name);
        var check = s_data.Value.Check;
        var path = Path.Combine(Folder, file);
        var load = FeatureFileReader.Read(path, new ReadOptions(crs) { Area = check.Area });
        return (check.Run(load, given, CheckInput.OfFile(path), crs), name);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();

        public override TimeZoneInfo LocalTimeZone { get; } = TimeZoneInfo.CreateCustomTimeZone("test", now.Offset, "test", "test");
    }
}
