using System.Text.Json;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using NetTopologySuite.IO.Converters;
using SpatialPlan.Core.Crs;

namespace SpatialPlan.Core.Tests.Data;

/// <summary>
/// Reads the gis-data files directly, independent of Core's loaders: the committed EPSG:4490 GeoJSON layers, and the
/// generated GeoPackage layers (layers/&lt;id&gt;.gpkg, EPSG:4545: the embedded farmland, written at build time by
/// tools/SpatialPlan.DataGen) with plain SQLite and NTS's GeoPackage blob reader. <see cref="Layer"/> gives every layer in
/// EPSG:4490; <see cref="GkLayer"/> gives a GeoPackage layer as stored, in EPSG:4545 metres.
/// </summary>
internal static class GisDataFiles
{
    private static readonly JsonSerializerOptions GeoJson = CreateOptions();
    private static readonly Dictionary<string, FeatureCollection> Cache = [];
    private static readonly Dictionary<string, FeatureCollection> GkCache = [];
    private static readonly Lock CacheLock = new();

    public static string Root { get; } = FindRoot();

    /// <summary>The layer in EPSG:4490: its GeoPackage (projected back from EPSG:4545) when there is one, else its GeoJSON.</summary>
    public static FeatureCollection Layer(string id)
    {
        lock (CacheLock)
        {
            if (!Cache.TryGetValue(id, out var fc))
            {
                if (File.Exists(GpkgPath(id)))
                {
                    fc = [];
                    foreach (var f in GkLayerLocked(id))
                    {
                        fc.Add(new Feature(CrsTransformer.Transform(f.Geometry, Epsg.GaussKruger108, Epsg.Cgcs2000), f.Attributes));
                    }
                }
                else
                {
                    fc = GeoJsonFile(Path.Combine("layers", id + ".geojson"));
                }

                Cache[id] = fc;
            }

            return fc;
        }
    }

    /// <summary>A GeoPackage layer as stored (EPSG:4545 metres).</summary>
    public static FeatureCollection GkLayer(string id)
    {
        lock (CacheLock)
        {
            return GkLayerLocked(id);
        }
    }

    /// <summary>A GeoJSON file of the data folder, read as it is.</summary>
    public static FeatureCollection GeoJsonFile(string relativePath)
    {
        using var stream = File.OpenRead(Path.Combine(Root, relativePath));
        return JsonSerializer.Deserialize<FeatureCollection>(stream, GeoJson)!;
    }

    public static string GpkgPath(string id) => Path.Combine(Root, "layers", id + ".gpkg");

    public static Geometry Banner() => Layer("banner-boundary")[0].Geometry;

    public static JsonDocument Json(string relativePath) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, relativePath)));

    public static object? Attr(IFeature f, string key) => f.Attributes.Exists(key) ? f.Attributes[key] : null;

    private static FeatureCollection GkLayerLocked(string id)
    {
        if (GkCache.TryGetValue(id, out var cached))
        {
            return cached;
        }

        var fc = new FeatureCollection();
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = GpkgPath(id), Mode = SqliteOpenMode.ReadOnly, Pooling = false,
        }.ToString());
        connection.Open();
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var info = connection.CreateCommand())
        {
            info.CommandText = $"PRAGMA table_info(\"{id}\")";
            using var r = info.ExecuteReader();
            while (r.Read())
            {
                types[r.GetString(1)] = r.GetString(2).ToUpperInvariant();
            }
        }

        var blobs = new GeoPackageGeoReader { HandleSRID = true };
        using var select = connection.CreateCommand();
        select.CommandText = $"SELECT * FROM \"{id}\" ORDER BY fid";
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            Geometry? geometry = null;
            var attributes = new AttributesTable();
            for (var i = 0; i < reader.FieldCount; i++)
            {
                var name = reader.GetName(i);
                var value = reader.IsDBNull(i) ? null : reader.GetValue(i);
                if (name == "geom")
                {
                    geometry = blobs.Read((byte[])value!);
                }
                else if (name != "fid")
                {
                    attributes.Add(name, types[name] == "BOOLEAN" && value is long b ? b != 0 : value);
                }
            }

            fc.Add(new Feature(geometry, attributes));
        }

        GkCache[id] = fc;
        return fc;
    }

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
