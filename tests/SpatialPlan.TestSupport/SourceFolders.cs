using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using Npgsql;
using NpgsqlTypes;
using SpatialPlan.Core.Crs;
using SpatialPlan.Core.Layers;
using SpatialPlan.Core.Layers.GeoPackage;
using SpatialPlan.Core.Layers.Sources;

namespace SpatialPlan.TestSupport;

/// <summary>
/// Data folders that hold the same layers as another one (gis-data, say) through another source: every GeoJSON layer
/// written as a GeoPackage table (with <see cref="GpkgLayerWriter"/>, in the working CRS) or as a PostGIS table (with a
/// GiST index), and catalog.json rewritten to point at them (docs/data-sources.md §1). Geometries are the working-CRS
/// geometries the layer's own source gives, so every source holds the same coordinates. A layer that already is a
/// GeoPackage table (gis-data's farmland) stays as it is in a GeoPackage copy, and is read through its source for PostGIS.
/// </summary>
public static class SourceFolders
{
    /// <summary>Copies <paramref name="from"/> to <paramref name="to"/> with every layer (or the <paramref name="only"/> ones) as a GeoPackage table.</summary>
    public static void AsGeoPackage(string from, string to, IReadOnlyCollection<string>? only = null) =>
        Convert(from, to, only, (layer, data) =>
        {
            if (layer.SourceType == LayerSourceSpec.GpkgType)
            {
                return null;
            }

            var file = $"layers/{layer.Id}.gpkg";
            WriteGeoPackage(Path.Combine(to, file), layer.Id, layer.TitleZh, data);
            return new JsonObject { ["type"] = "gpkg", ["file"] = file, ["table"] = layer.Id };
        });

    /// <summary>
    /// Copies <paramref name="from"/> to <paramref name="to"/> with every layer (or the <paramref name="only"/> ones) as a
    /// PostGIS table in the database <paramref name="connection"/> reaches; the catalog names the connection as
    /// <paramref name="catalogConnection"/> (default: the connection string itself).
    /// </summary>
    public static void AsPostgis(string from, string to, string connection, string? catalogConnection = null, IReadOnlyCollection<string>? only = null) =>
        Convert(from, to, only, (layer, data) =>
        {
            var table = TableName(layer.Id);
            WritePostgis(connection, table, data);
            return new JsonObject { ["type"] = "postgis", ["connection"] = catalogConnection ?? connection, ["table"] = $"public.{table}" };
        });

    /// <summary>The PostGIS table a layer id becomes.</summary>
    public static string TableName(string layerId) => layerId.Replace('-', '_');

    /// <summary>
    /// Copies a data folder (catalog, policy, styles, layers, samples), not its <c>records/</c>: that is the state of an
    /// app running on the folder (the records store and SQLite's -wal/-shm files, which come and go while another test's
    /// app works on the shared fixture: a copy once failed on a vanished records.sqlite-shm).
    /// </summary>
    public static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.StartsWith("records" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                continue;
            }

            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }

    /// <summary>The attribute columns that hold every attribute of <paramref name="features"/>: numbers as REAL, booleans as BOOLEAN, the rest as TEXT.</summary>
    public static List<GpkgColumn> Columns(IReadOnlyList<IFeature> features) => Columns(features.Select(f => f.Attributes).ToList());

    /// <summary>The attribute columns that hold every attribute of <paramref name="rows"/>: numbers as REAL, booleans as BOOLEAN, the rest as TEXT.</summary>
    public static List<GpkgColumn> Columns(IReadOnlyList<IAttributesTable?> rows)
    {
        var columns = new List<GpkgColumn>();
        foreach (var name in rows.SelectMany(a => a?.GetNames() ?? []).Distinct(StringComparer.Ordinal))
        {
            if (string.Equals(name, "fid", StringComparison.OrdinalIgnoreCase) || string.Equals(name, "geom", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var values = rows.Select(a => a is not null && a.Exists(name) ? a[name] : null).Where(v => v is not null).ToList();
            var type = values.Count > 0 && values.All(v => v is bool) ? GpkgColumnType.Boolean
                : values.Count > 0 && values.All(v => v is decimal or double or float or int or long) ? GpkgColumnType.Real
                : GpkgColumnType.Text;
            columns.Add(new GpkgColumn(name, type));
        }

        return columns;
    }

    /// <summary>The value stored for an attribute: a plain value as it is, anything else (an array, an object) as its JSON.</summary>
    public static object? Value(object? value) => value switch
    {
        null or string or bool or decimal or double or float or int or long => value,
        _ => JsonSerializer.Serialize(value),
    };

    private static void Convert(string from, string to, IReadOnlyCollection<string>? only, Func<LayerDefinition, IReadOnlyList<LayerFeature>, JsonObject?> write)
    {
        Copy(from, to);
        var catalog = LayerCatalog.Load(from);
        using var store = new LayerStore(catalog);
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(from, LayerCatalog.FileName)),
            documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })!;
        foreach (var entry in json["layers"]!.AsArray().OfType<JsonObject>())
        {
            var id = entry["id"]!.GetValue<string>();
            if (only is not null && !only.Contains(id))
            {
                continue;
            }

            var layer = catalog.Get(id);
            if (write(layer, [.. store.Source(id).All()]) is not { } source)
            {
                continue;
            }

            source["credit"] = layer.Source;
            entry.Remove("file");
            entry["source"] = source;
            File.Delete(Path.Combine(to, LayerCatalog.FileOf(layer)!));
        }

        File.WriteAllText(Path.Combine(to, LayerCatalog.FileName), json.ToJsonString(new JsonSerializerOptions
        {
            WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
        }));
    }

    private static void WriteGeoPackage(string path, string table, string title, IReadOnlyList<LayerFeature> data)
    {
        var columns = Columns(data.Select(f => f.Attributes).ToList());
        using var writer = GpkgLayerWriter.Create(path, table, Epsg.GaussKruger108, CrsDefinitionsWkt(), "CGCS2000 / 3-degree Gauss-Kruger CM 108E",
            columns, title);
        foreach (var feature in data)
        {
            var a = feature.Attributes;
            writer.Add(feature.Geometry.Copy(), [.. columns.Select(c => a.Exists(c.Name) ? Value(a[c.Name]) : null)]);
        }

        writer.Complete();
    }

    private static void WritePostgis(string connection, string table, IReadOnlyList<LayerFeature> data)
    {
        var columns = Columns(data.Select(f => f.Attributes).ToList());
        var dataSource = new NpgsqlDataSourceBuilder(connection);
        dataSource.UseNetTopologySuite();
        using var db = dataSource.Build();
        using var c = db.OpenConnection();
        var definitions = string.Concat(columns.Select(col => $", \"{col.Name}\" {col.Type switch
        {
            GpkgColumnType.Real => "double precision",
            GpkgColumnType.Boolean => "boolean",
            _ => "text",
        }}"));
        Execute(c, $"DROP TABLE IF EXISTS public.\"{table}\"; CREATE TABLE public.\"{table}\" (fid serial PRIMARY KEY, geom geometry(Geometry, {Epsg.GaussKruger108}){definitions})");
        var names = string.Concat(columns.Select(col => $", \"{col.Name}\""));
        using (var import = c.BeginBinaryImport($"COPY public.\"{table}\" (geom{names}) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var feature in data)
            {
                var a = feature.Attributes;
                import.StartRow();
                var geometry = feature.Geometry.Copy();
                geometry.SRID = Epsg.GaussKruger108;
                import.Write(geometry, NpgsqlDbType.Geometry);
                foreach (var col in columns)
                {
                    var value = a.Exists(col.Name) ? Value(a[col.Name]) : null;
                    if (value is null)
                    {
                        import.WriteNull();
                    }
                    else if (col.Type == GpkgColumnType.Real)
                    {
                        import.Write(System.Convert.ToDouble(value, CultureInfo.InvariantCulture), NpgsqlDbType.Double);
                    }
                    else if (col.Type == GpkgColumnType.Boolean)
                    {
                        import.Write((bool)value, NpgsqlDbType.Boolean);
                    }
                    else
                    {
                        import.Write(System.Convert.ToString(value, CultureInfo.InvariantCulture)!, NpgsqlDbType.Text);
                    }
                }
            }

            import.Complete();
        }

        Execute(c, $"CREATE INDEX ON public.\"{table}\" USING gist (geom); ANALYZE public.\"{table}\"");
    }

    private static void Execute(NpgsqlConnection c, string sql)
    {
        using var command = new NpgsqlCommand(sql, c);
        command.ExecuteNonQuery();
    }

    private static string CrsDefinitionsWkt() =>
        "PROJCS[\"CGCS2000 / 3-degree Gauss-Kruger CM 108E\",GEOGCS[\"China Geodetic Coordinate System 2000\",DATUM[\"China_2000\",SPHEROID[\"CGCS2000\",6378137,298.257222101]],PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433]],PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"latitude_of_origin\",0],PARAMETER[\"central_meridian\",108],PARAMETER[\"scale_factor\",1],PARAMETER[\"false_easting\",500000],PARAMETER[\"false_northing\",0],UNIT[\"metre\",1],AUTHORITY[\"EPSG\",\"4545\"]]";
}
