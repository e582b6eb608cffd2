using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using SpatialPlan.Core.Crs;
using SpatialPlan.Core.Measurement;

namespace SpatialPlan.Core.Checks;

/// <summary>
/// Writes a <see cref="CheckReport"/> as the contract JSON of docs/architecture.md (field names exact, Chinese
/// not \u-escaped). Areas: m² plus 亩 and 公顷; distances: metres; geometries: GeoJSON in EPSG:4490.
/// </summary>
public static class CheckReportJson
{
    private static readonly JsonSerializerOptions GeoOptions = CreateGeoOptions();

    /// <summary>The report as one JSON object.</summary>
    public static string Serialize(CheckReport report, bool indented = true)
    {
        using var stream = new MemoryStream();
        Write(report, stream, indented);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Writes the report as one JSON object (UTF-8) to a stream.</summary>
    public static void Write(CheckReport report, Stream stream, bool indented = true)
    {
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented, Encoder = GeoOptions.Encoder });
        w.WriteStartObject();
        WriteFootprint(w, report.Footprint);
        w.WriteStartObject("project");
        w.WriteString("type", Names.Of(report.Options.Type));
        w.WriteBoolean("nationalMajor", report.Options.NationalMajor);
        WriteNullable(w, "name", report.Footprint.Name);
        if (report.Options.Origins is { } origins)
        {
            w.WriteStartObject("from");
            foreach (var (key, origin) in origins)
            {
                w.WriteString(key, origin);
            }

            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteString("verdict", Names.Of(report.Verdict));
        w.WriteString("verdictZh", Names.Zh(report.Verdict));
        w.WriteNumber("sliverM2", report.SliverM2);
        w.WriteStartArray("zones");
        foreach (var zone in report.Zones)
        {
            WriteZone(w, zone);
        }

        w.WriteEndArray();
        w.WriteBoolean("schematicData", report.SchematicData);
        WriteNullable(w, "dataNoteZh", report.DataNoteZh);
        WriteNullable(w, "dataNoteEn", report.DataNoteEn);
        w.WriteEndObject();
    }

    private static void WriteFootprint(Utf8JsonWriter w, Footprint f)
    {
        w.WriteStartObject("footprint");
        WriteArea(w, "area", f.AreaM2);
        w.WriteString("crs", Epsg.Name(Epsg.GaussKruger108));
        w.WriteString("sourceCrs", Epsg.Name(f.SourceEpsg));
        w.WriteString("crsReasonZh", f.CrsReasonZh);
        w.WriteBoolean("axesSwapped", f.AxesSwapped);
        w.WriteString("kind", f.Kind.ToString().ToLowerInvariant());
        WriteNumber(w, "widthM", f.WidthM);
        WriteNumber(w, "radiusM", f.RadiusM);
        w.WriteStartArray("repairs");
        foreach (var r in f.Repairs)
        {
            w.WriteStartObject();
            w.WriteNumber("featureIndex", r.FeatureIndex);
            w.WriteString("problem", r.Problem);
            w.WriteString("action", r.Action);
            WriteNumber(w, "areaChangeM2", r.AreaChangeM2);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        WriteGeometry(w, "geometry", f.Geographic);
        w.WriteEndObject();
    }

    private static void WriteZone(Utf8JsonWriter w, ZoneResult z)
    {
        w.WriteStartObject();
        w.WriteString("layerId", z.LayerId);
        w.WriteString("layerTitle", z.LayerTitleZh);
        w.WriteString("layerTitleEn", z.LayerTitleEn);
        w.WriteString("category", z.Category);
        w.WriteString("mode", Names.Of(z.Mode));
        w.WriteString("relation", Names.Of(z.Relation));
        WriteArea(w, "overlapArea", z.OverlapAreaM2);
        w.WriteNumber("overlapPercent", Math.Round(z.OverlapPercent, 4));
        if (z.OutsideAreaM2 is { } outside)
        {
            WriteArea(w, "outsideArea", outside);
        }

        w.WriteStartArray("features");
        foreach (var f in z.Features)
        {
            w.WriteStartObject();
            w.WriteString("id", f.Id);
            w.WriteString("name", f.Name);
            WriteArea(w, "overlapArea", f.OverlapAreaM2);
            w.WriteBoolean("important", f.Important);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("nearbyFeatures");
        foreach (var n in z.NearbyFeatures)
        {
            w.WriteStartObject();
            w.WriteString("id", n.Id);
            w.WriteString("name", n.Name);
            w.WriteNumber("distanceM", Math.Round(n.DistanceM, 2));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        WriteNumber(w, "distanceM", z.DistanceM is { } d ? Math.Round(d, 2) : null);
        w.WriteNumber("bufferM", z.BufferM);
        WriteGeometry(w, "overlapGeometry", z.HighlightGeographic);
        w.WriteString("verdict", Names.Of(z.Verdict));
        w.WriteString("verdictZh", Names.Zh(z.Verdict));
        w.WriteString("rule", z.RuleZh);
        w.WriteString("ruleEn", z.RuleEn);
        w.WriteString("basis", z.BasisZh);
        w.WriteString("basisEn", z.BasisEn);
        w.WriteBoolean("schematic", z.Schematic);
        w.WriteEndObject();
    }

    private static void WriteArea(Utf8JsonWriter w, string prefix, double m2)
    {
        w.WriteNumber(prefix + "M2", Math.Round(m2, 3));
        w.WriteNumber(prefix + "Mu", Math.Round(AreaUnits.ToMu(m2), 4));
        w.WriteNumber(prefix + "Ha", Math.Round(AreaUnits.ToHectares(m2), 5));
    }

    private static void WriteNumber(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void WriteNullable(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }

    private static void WriteGeometry(Utf8JsonWriter w, string name, Geometry? geometry)
    {
        w.WritePropertyName(name);
        if (geometry is null)
        {
            w.WriteNullValue();
        }
        else
        {
            JsonSerializer.Serialize(w, geometry, GeoOptions);
        }
    }

    private static JsonSerializerOptions CreateGeoOptions()
    {
        var options = new JsonSerializerOptions { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };
        options.Converters.Add(new GeoJsonConverterFactory());
        return options;
    }
}
