using System.Globalization;
using System.Text.Json;
using SpatialPlan.Core.Checks;
using SpatialPlan.Core.Sources;

namespace SpatialPlan.Core.Tests.Checks;

/// <summary>The repository's sample projects (gis-data/samples/projects/index.json), checked against the real layers.</summary>
internal static class SampleProjects
{
    public static readonly string Directory = Path.Combine(CheckFixtures.DataDir, "samples", "projects");

    private static readonly Lazy<SiteCheck> Check = new(() => SiteCheck.Load(CheckFixtures.DataDir));

    public static IEnumerable<JsonElement> Index() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(Directory, "index.json"))).RootElement.EnumerateArray();

    public static JsonElement Get(string file) => Index().Single(s => s.GetProperty("file").GetString() == file);

    public static double? Number(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;

    /// <summary>Runs the site check on a sample with the options its index entry gives.</summary>
    public static CheckReport Run(string file)
    {
        var sample = Get(file);
        var options = new CheckOptions(
            Names.ParseProjectType(sample.GetProperty("type").GetString()) ?? throw new InvalidDataException("type"),
            sample.GetProperty("nationalMajor").GetBoolean(),
            Number(sample, "width"), Number(sample, "radius"),
            sample.GetProperty("crs").GetString() is { } crs
                ? int.Parse(crs.Replace("EPSG:", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture)
                : null);
        var load = FeatureFileReader.Read(Path.Combine(Directory, file), new ReadOptions(options.DeclaredEpsg));
        return Check.Value.Run(Footprint.From(load, options, file), options);
    }
}
