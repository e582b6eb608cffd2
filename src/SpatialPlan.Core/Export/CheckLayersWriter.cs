using System.IO.Compression;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using NetTopologySuite.IO.Esri;
using NetTopologySuite.IO.Esri.Dbf.Fields;
using NetTopologySuite.IO.Esri.Shapefiles.Writers;
using SpatialPlan.Core.Checks;
using SpatialPlan.Core.Crs;
using SpatialPlan.Core.Layers.GeoPackage;

namespace SpatialPlan.Core.Export;

/// <summary>
/// Writes a check's layers (<see cref="CheckLayers"/>: footprint, overlaps, nearby) as a GeoPackage or a zipped
/// Shapefile in the working CRS (with its .prj), or as GeoJSON in EPSG:4490. Every file is built beside its target under a
/// temporary name and moved into place, so a failed write leaves nothing half-written.
/// </summary>
public static class CheckLayersWriter
{
    /// <summary>Character fields of a Shapefile: 254 bytes, the most dBASE holds (84 Chinese characters in UTF-8).</summary>
    private const int TextBytes = 254;

    /// <summary>Writes the layers of <paramref name="report"/> to <paramref name="path"/> in the format its ending names.</summary>
    public static void Write(CheckReport report, string path) => Write(report, path, ExportFormats.FromPath(path));

    /// <summary>Writes the layers of <paramref name="report"/> to <paramref name="path"/> in <paramref name="format"/>.</summary>
    public static void Write(CheckReport report, string path, ExportFormat format)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        var layers = CheckLayers.Of(report);
        var crs = report.Footprint.WorkingCrs;
        switch (format)
        {
            case ExportFormat.GeoPackage:
                WriteGeoPackage(layers, crs, full);
                break;
            case ExportFormat.ShapefileZip:
                Atomically(full, temp =>
                {
                    using var file = File.Create(temp);
                    WriteShapefileZip(layers, crs, file);
                });
                break;
            default:
                Atomically(full, temp =>
                {
                    using var file = File.Create(temp);
                    WriteGeoJson(layers, crs, file);
                });
                break;
        }
    }

    /// <summary>Writes the layers to a stream (the web download); a GeoPackage goes through a temporary file.</summary>
    public static void Write(CheckReport report, Stream stream, ExportFormat format)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(stream);
        var layers = CheckLayers.Of(report);
        var crs = report.Footprint.WorkingCrs;
        switch (format)
        {
            case ExportFormat.GeoPackage:
                var dir = Directory.CreateTempSubdirectory("spatialplan-export-");
                try
                {
                    var path = Path.Combine(dir.FullName, "check.gpkg");
                    WriteGeoPackage(layers, crs, path);
                    using var file = File.OpenRead(path);
                    file.CopyTo(stream);
                }
                finally
                {
                    dir.Delete(recursive: true);
                }

                break;
            case ExportFormat.ShapefileZip:
                WriteShapefileZip(layers, crs, stream);
                break;
            default:
                WriteGeoJson(layers, crs, stream);
                break;
        }
    }

    private static void WriteGeoPackage(IReadOnlyList<ExportLayer> layers, GaussKrugerZone crs, string path)
    {
        var temp = TempBeside(path);
        try
        {
            for (var i = 0; i < layers.Count; i++)
            {
                var layer = layers[i];
                var columns = layer.Fields.Select(f => new GpkgColumn(f.Name, f.Type == ExportFieldType.Real ? GpkgColumnType.Real : GpkgColumnType.Text)).ToList();
                using var writer = GpkgLayerWriter.Create(temp, layer.Name, crs.Epsg, crs.Wkt, crs.RegistryName, columns, layer.TitleZh,
                    "MULTIPOLYGON", addToFile: i > 0);
                foreach (var f in layer.Features)
                {
                    writer.Add(f.Geometry, f.Values);
                }

                writer.Complete();
            }

            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private static void WriteShapefileZip(IReadOnlyList<ExportLayer> layers, GaussKrugerZone crs, Stream output)
    {
        var dir = Directory.CreateTempSubdirectory("spatialplan-export-");
        try
        {
            foreach (var layer in layers)
            {
                WriteShapefile(layer, crs, Path.Combine(dir.FullName, layer.Name + ".shp"));
            }

            using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
            foreach (var layer in layers)
            {
                foreach (var ext in new[] { ".shp", ".shx", ".dbf", ".prj", ".cpg" })
                {
                    var file = Path.Combine(dir.FullName, layer.Name + ext);
                    if (File.Exists(file))
                    {
                        zip.CreateEntryFromFile(file, layer.Name + ext, CompressionLevel.Optimal);
                    }
                }
            }
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static void WriteShapefile(ExportLayer layer, GaussKrugerZone crs, string shp)
    {
        var fields = layer.Fields.Select(f => f.Type == ExportFieldType.Real
            ? (DbfField)new DbfNumericDoubleField(f.Name, 24, 10)
            : new DbfCharacterField(f.Name, TextBytes)).ToArray();
        var options = new ShapefileWriterOptions(ShapeType.Polygon, fields) { Encoding = Encoding.UTF8, Projection = crs.Wkt };
        using (var writer = Shapefile.OpenWrite(shp, options))
        {
            foreach (var f in layer.Features)
            {
                writer.Geometry = f.Geometry;
                for (var i = 0; i < fields.Length; i++)
                {
                    fields[i].Value = f.Values[i] switch
                    {
                        string s => Fit(s),
                        var v => v,
                    };
                }

                writer.Write();
            }
        }

        // The code page, so that GDAL and QGIS read the Chinese as UTF-8.
        File.WriteAllText(Path.ChangeExtension(shp, ".cpg"), "UTF-8");
    }

    /// <summary>A text cut to whole characters within a dBASE field's 254 bytes.</summary>
    private static string Fit(string s)
    {
        if (Encoding.UTF8.GetByteCount(s) <= TextBytes)
        {
            return s;
        }

        var e = s.Length;
        while (e > 0 && Encoding.UTF8.GetByteCount(s.AsSpan(0, e)) > TextBytes - 3)
        {
            e--;
            if (e > 0 && char.IsLowSurrogate(s[e]))
            {
                e--;
            }
        }

        return string.Concat(s.AsSpan(0, e), "…");
    }

    private static void WriteGeoJson(IReadOnlyList<ExportLayer> layers, GaussKrugerZone crs, Stream output)
    {
        var options = new JsonSerializerOptions { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };
        options.Converters.Add(new GeoJsonConverterFactory());
        using var w = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = options.Encoder, Indented = false });
        w.WriteStartObject();
        w.WriteString("type", "FeatureCollection");
        w.WriteString("name", "spatialplan-check");
        // RFC 7946 has no crs member; GDAL and QGIS read this one and take the coordinates as CGCS2000 lon/lat.
        w.WriteStartObject("crs");
        w.WriteString("type", "name");
        w.WriteStartObject("properties");
        w.WriteString("name", "urn:ogc:def:crs:EPSG::4490");
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteStartArray("features");
        foreach (var layer in layers)
        {
            foreach (var f in layer.Features)
            {
                var attributes = new AttributesTable { { "layer", layer.Name } };
                for (var i = 0; i < layer.Fields.Count; i++)
                {
                    attributes.Add(layer.Fields[i].Name, f.Values[i]);
                }

                var geographic = CrsTransformer.Transform(f.Geometry, crs.Epsg, Epsg.Cgcs2000);
                JsonSerializer.Serialize(w, new Feature(geographic, attributes), options);
            }
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Atomically(string path, Action<string> write)
    {
        var temp = TempBeside(path);
        try
        {
            write(temp);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private static string TempBeside(string path) =>
        Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.part-{Environment.ProcessId}");
}
