using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace SpatialPlan.Core.Tests.Data;

/// <summary>Reads the committed gis-data files directly (EPSG:4490 GeoJSON), independent of Core's loaders.</summary>
internal static class GisDataFiles
{
    private static readonly JsonSerializerOptions GeoJson = CreateOptions();
    private static readonly Dictionary<string, FeatureCollection> Cache = [];
    private static readonly Lock CacheLock = new();

    public static string Root { get; } = FindRoot();

    public static FeatureCollection Layer(string id)
    {
        lock (CacheLock)
        {
            if (!Cache.TryGetValue(id, out var fc))
            {
                using var stream = File.OpenRead(Path.Combine(Root, "layers", id + ".geojson"));
                fc = JsonSerializer.Deserialize<FeatureCollection>(stream, GeoJson)!;
                Cache[id] = fc;
            }

            return fc;
        }
    }

    public static Geometry Banner() => Layer("banner-boundary")[0].Geometry;

    public static JsonDocument Json(string relativePath) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, relativePath)));

    public static object? Attr(IFeature f, string key) => f.Attributes.Exists(key) ? f.Attributes[key] : null;

    private static JsonSerializerOptions CreateOptions()
    {
        var o = new JsonSerializerOptions();
        o.Converters.Add(new GeoJsonConverterFactory());
        return o;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "gis-data");
            if (File.Exists(Path.Combine(candidate, "catalog.json")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("gis-data/catalog.json not found above " + AppContext.BaseDirectory);
    }
}
