using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using NetTopologySuite.Geometries;

namespace SpatialPlan.DataGen;

/// <summary>
/// Writes EPSG:4490 FeatureCollections with one feature per line, coordinates rounded to 7 decimals
/// (about 1 cm), Chinese unescaped. The output depends only on its input, never on culture or time.
/// </summary>
public static class GeoJsonOut
{
    private static readonly JsonWriterOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    public static void Write(string path, string name, IEnumerable<(Geometry Geometry, Props Props)> features,
        string? crsName = null, int decimals = 7)
    {
        var sb = new StringBuilder();
        sb.Append("{\"type\":\"FeatureCollection\",\"name\":").Append(JsonString(name));
        if (crsName is not null)
        {
            sb.Append(",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":").Append(JsonString(crsName)).Append("}}");
        }

        sb.Append(",\"features\":[\n");
        var first = true;
        foreach (var (geometry, props) in features)
        {
            if (!first)
            {
                sb.Append(",\n");
            }

            first = false;
            sb.Append(Feature(geometry, props, decimals));
        }

        sb.Append("\n]}\n");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        // Written aside and moved into place, so a reader never sees half a file.
        var part = path + ".part-" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        File.WriteAllText(part, sb.ToString(), new UTF8Encoding(false));
        File.Move(part, path, overwrite: true);
    }

    public static string JsonString(string s)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, Options))
        {
            w.WriteStringValue(s);
        }

        return Encoding.UTF8.GetString(ms.ToArray());
    }

    private static string Feature(Geometry geometry, Props props, int decimals)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, Options))
        {
            w.WriteStartObject();
            w.WriteString("type", "Feature");
            w.WritePropertyName("properties");
            w.WriteStartObject();
            foreach (var (key, value) in props)
            {
                w.WritePropertyName(key);
                WriteValue(w, value);
            }

            w.WriteEndObject();
            w.WritePropertyName("geometry");
            WriteGeometry(w, geometry, decimals);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(ms.ToArray());
    }

    private static void WriteValue(Utf8JsonWriter w, object? value)
    {
        switch (value)
        {
            case null: w.WriteNullValue(); break;
            case string s: w.WriteStringValue(s); break;
            case bool b: w.WriteBooleanValue(b); break;
            case int i: w.WriteNumberValue(i); break;
            case long l: w.WriteNumberValue(l); break;
            case double d: w.WriteNumberValue(d); break;
            case IEnumerable<string> list:
                w.WriteStartArray();
                foreach (var s in list)
                {
                    w.WriteStringValue(s);
                }

                w.WriteEndArray();
                break;
            default: throw new InvalidOperationException($"Unsupported property value {value.GetType()}");
        }
    }

    private static void WriteGeometry(Utf8JsonWriter w, Geometry g, int decimals)
    {
        w.WriteStartObject();
        w.WriteString("type", g.GeometryType);
        w.WritePropertyName("coordinates");
        WriteCoordinates(w, g, decimals);
        w.WriteEndObject();
    }

    private static void WriteCoordinates(Utf8JsonWriter w, Geometry g, int decimals)
    {
        switch (g)
        {
            case Point p: WritePosition(w, p.Coordinate, decimals); break;
            case LineString ls: WriteSequence(w, ls.Coordinates, decimals); break;
            case Polygon poly:
                w.WriteStartArray();
                WriteSequence(w, poly.Shell.Coordinates, decimals);
                foreach (var hole in poly.Holes)
                {
                    WriteSequence(w, hole.Coordinates, decimals);
                }

                w.WriteEndArray();
                break;
            case GeometryCollection gc when g is MultiPoint or MultiLineString or MultiPolygon:
                w.WriteStartArray();
                for (var i = 0; i < gc.NumGeometries; i++)
                {
                    WriteCoordinates(w, gc.GetGeometryN(i), decimals);
                }

                w.WriteEndArray();
                break;
            default: throw new InvalidOperationException($"Unsupported geometry {g.GeometryType}");
        }
    }

    private static void WriteSequence(Utf8JsonWriter w, Coordinate[] cs, int decimals)
    {
        w.WriteStartArray();
        foreach (var c in cs)
        {
            WritePosition(w, c, decimals);
        }

        w.WriteEndArray();
    }

    private static void WritePosition(Utf8JsonWriter w, Coordinate c, int decimals)
    {
        w.WriteStartArray();
        w.WriteNumberValue(Math.Round(c.X, decimals, MidpointRounding.AwayFromZero));
        w.WriteNumberValue(Math.Round(c.Y, decimals, MidpointRounding.AwayFromZero));
        w.WriteEndArray();
    }
}
