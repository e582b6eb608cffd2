using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using SpatialPlan.Core.Crs;
using SpatialPlan.Core.Measurement;

namespace SpatialPlan.Core.Checks;

/// <summary>
/// Writes a <see cref="CheckReport"/> as the contract JSON of docs/rules-model.md §6 (field names exact, Chinese not
/// \u-escaped). Areas: m² plus 亩 and 公顷; distances: metres; geometries: GeoJSON in EPSG:4490.
/// </summary>
public static class CheckReportJson
{
    private static readonly JsonSerializerOptions GeoOptions = CreateGeoOptions();

    /// <summary>The encoder every writer uses (Chinese left as is).</summary>
    internal static JavaScriptEncoder Encoder => GeoOptions.Encoder!;

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
        ArgumentNullException.ThrowIfNull(report);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented, Encoder = GeoOptions.Encoder });
        w.WriteStartObject();
        w.WriteString("reportNumber", report.ReportNumber);
        WriteFootprint(w, report.Footprint, report.FootprintFiguresZh, report.FootprintFiguresEn);
        WriteProject(w, report.Project);
        w.WriteString("verdict", Names.Of(report.Verdict));
        w.WriteString("verdictZh", report.VerdictZh);
        w.WriteString("verdictEn", report.VerdictEn);
        w.WriteBoolean("inPrinciple", report.InPrinciple);
        w.WriteNumber("sliverM2", report.SliverM2);
        w.WriteStartArray("zones");
        foreach (var zone in report.Zones)
        {
            ZoneJson.Write(w, zone);
        }

        w.WriteEndArray();
        ReportSectionsJson.Write(w, report);
        w.WriteBoolean("schematicData", report.SchematicData);
        WriteNullable(w, "dataNoteZh", report.DataNoteZh);
        WriteNullable(w, "dataNoteEn", report.DataNoteEn);
        w.WriteEndObject();
    }

    private static void WriteFootprint(Utf8JsonWriter w, Footprint f, string figuresZh, string figuresEn)
    {
        w.WriteStartObject("footprint");
        WriteArea(w, "area", f.AreaM2);
        w.WriteString("figuresZh", figuresZh);
        w.WriteString("figuresEn", figuresEn);
        w.WriteString("crs", f.WorkingCrs.Name);
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

    private static void WriteProject(Utf8JsonWriter w, ProjectIdentity p)
    {
        w.WriteStartObject("project");
        w.WriteString("kind", p.Kind.Id);
        w.WriteString("kindZh", p.Kind.NameZh);
        w.WriteString("kindEn", p.Kind.NameEn);
        w.WriteString("kindGroup", p.Kind.Group);
        WriteNullable(w, "kindAlias", p.KindAlias);
        w.WriteStartArray("majors");
        foreach (var m in p.Majors)
        {
            w.WriteStartObject();
            w.WriteString("id", m.Id);
            w.WriteString("list", m.List);
            w.WriteString("listZh", MajorCategory.ListNamesZh.GetValueOrDefault(m.List, m.List));
            w.WriteString("nameZh", m.NameZh);
            w.WriteString("nameEn", m.NameEn);
            WriteCitation(w, "basis", m.Basis);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        WriteNullable(w, "name", p.Name);
        WriteNullable(w, "builder", p.Builder);
        WriteNullable(w, "projectCode", p.ProjectCode);
        if (p.Origins is { } origins)
        {
            w.WriteStartObject("from");
            foreach (var (key, origin) in origins)
            {
                w.WriteString(key, origin);
            }

            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    internal static void WriteArea(Utf8JsonWriter w, string prefix, double m2)
    {
        w.WriteNumber(prefix + "M2", Math.Round(m2, 3));
        w.WriteNumber(prefix + "Mu", Math.Round(AreaUnits.ToMu(m2), 4));
        w.WriteNumber(prefix + "Ha", Math.Round(AreaUnits.ToHectares(m2), 5));
    }

    internal static void WriteCitation(Utf8JsonWriter w, string? name, Citation? c)
    {
        if (name is not null)
        {
            w.WritePropertyName(name);
        }

        if (c is null)
        {
            w.WriteNullValue();
            return;
        }

        w.WriteStartObject();
        w.WriteString("doc", c.Doc);
        w.WriteString("titleZh", c.TitleZh);
        w.WriteString("titleEn", c.TitleEn);
        w.WriteString("article", c.Article);
        w.WriteString("paraphraseZh", c.ParaphraseZh);
        if (c.Verified is { } verified)
        {
            w.WriteBoolean("verified", verified);
        }
        else
        {
            w.WriteNull("verified");
        }

        w.WriteEndObject();
    }

    internal static void WriteNumber(Utf8JsonWriter w, string name, double? value)
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

    internal static void WriteNullable(Utf8JsonWriter w, string name, string? value)
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

    internal static void WriteGeometry(Utf8JsonWriter w, string name, Geometry? geometry)
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
