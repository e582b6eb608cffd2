using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace SpatialPlan.DataGen;

/// <summary>Reads the real reference GeoJSON files (WGS84, treated as CGCS2000).</summary>
public static class RefData
{
    private static readonly JsonSerializerOptions Options = CreateOptions();

    public static FeatureCollection Read(string path)
    {
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<FeatureCollection>(stream, Options)
               ?? throw new InvalidDataException($"{path}: not a FeatureCollection");
    }

    public static string? Text(IFeature f, string key) =>
        f.Attributes.Exists(key) ? f.Attributes[key]?.ToString() : null;

    /// <summary>The first feature whose <paramref name="key"/> equals <paramref name="value"/>.</summary>
    public static IFeature Find(FeatureCollection fc, string key, string value) =>
        fc.First(f => Text(f, key) == value);

    public static Geometry Banner(string layersDir)
    {
        var fc = Read(Path.Combine(layersDir, "banner-boundary.geojson"));
        return fc[0].Geometry;
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var o = new JsonSerializerOptions();
        o.Converters.Add(new GeoJsonConverterFactory(Geo.Factory));
        return o;
    }
}
