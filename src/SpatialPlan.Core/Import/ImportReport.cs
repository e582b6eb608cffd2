using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace SpatialPlan.Core.Import;

/// <summary>What <c>spatialplan import</c> is asked to do.</summary>
/// <param name="Source">The layer file: a .shp or .zip Shapefile, <c>file.gpkg</c> or <c>file.gpkg:table</c>, .geojson, .geojsonl.</param>
/// <param name="DataDirectory">The data folder (with catalog.json) the layer goes into.</param>
/// <param name="LayerId">The new layer's id (also its file <c>layers/&lt;id&gt;.gpkg</c> and table name).</param>
/// <param name="Category">One of <see cref="Layers.LayerCategories.All"/>.</param>
public sealed record ImportRequest(string Source, string DataDirectory, string LayerId, string Category)
{
    /// <summary>The Chinese title; default: the category's Chinese name.</summary>
    public string? Title { get; init; }

    /// <summary>The source CRS (<c>--crs</c>), winning over the file's declaration and over guessing.</summary>
    public int? Crs { get; init; }

    /// <summary>The source field that is the 图斑编号 (<c>--id-field</c>), instead of the recognised one.</summary>
    public string? IdField { get; init; }

    /// <summary>The source field that is the name (<c>--name-field</c>).</summary>
    public string? NameField { get; init; }

    /// <summary>Replace a layer with the same id (<c>--replace</c>); without it an existing id is refused.</summary>
    public bool Replace { get; init; }
}

/// <summary>Where an import is, for a progress bar or progress lines.</summary>
/// <param name="Phase">“读取” (reading and writing features), “重叠检查” (the self-join), “完成”.</param>
/// <param name="Features">Features read so far.</param>
/// <param name="Fraction">Share of the phase done, 0–1, or null when unknown.</param>
public sealed record ImportProgress(string Phase, long Features, double? Fraction);

/// <summary>A feature the import did not write, and why.</summary>
public sealed record SkippedFeature(long Feature, string Reason);

/// <summary>A geometry made valid on the way in (<c>fid</c> is the row it was written as).</summary>
public sealed record ImportRepair(long Fid, string Id, string Problem, string Action, double AreaChangeM2);

/// <summary>Two 图斑 whose interiors overlap, by fid and id, with the overlap's area.</summary>
public sealed record ImportOverlap(long FidA, string IdA, long FidB, string IdB, double AreaM2, double AreaMu);

/// <summary>A feature by its row and id.</summary>
public sealed record FeatureRef(long Fid, string Id);

/// <summary>
/// The outcome of an import: what was read and written, the total area, the field mapping, every repair, every overlap,
/// every feature outside the data area (lists capped at <see cref="MaxListed"/>, counts complete), and where the layer went.
/// </summary>
public sealed class ImportReport
{
    /// <summary>Longest list in a report (repairs, overlaps, outside, skipped); the counts are always complete.</summary>
    public const int MaxListed = 10_000;

    private static readonly CoreJson Json = new(new JsonSerializerOptions
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    });

    public required string Source { get; init; }

    public required string Format { get; init; }

    public required string LayerId { get; init; }

    public required string Category { get; init; }

    public required string TitleZh { get; init; }

    /// <summary>The layer file written, relative to the data folder (e.g. <c>layers/jbnt.gpkg</c>).</summary>
    public required string LayerFile { get; init; }

    /// <summary>True when an existing layer of that id was replaced.</summary>
    public required bool Replaced { get; init; }

    public required string SourceCrs { get; init; }

    public required string WorkingCrs { get; init; }

    public required string CrsReasonZh { get; init; }

    public required bool AxesSwapped { get; init; }

    public required long FeaturesRead { get; init; }

    public required long FeaturesWritten { get; init; }

    public required IReadOnlyList<SkippedFeature> Skipped { get; init; }

    public required long SkippedCount { get; init; }

    /// <summary>Total area of the written geometries, m² (scale-corrected for the working CRS's zone).</summary>
    public required double AreaM2 { get; init; }

    public double AreaMu => Measurement.AreaUnits.ToMu(AreaM2);

    public double AreaHa => Measurement.AreaUnits.ToHectares(AreaM2);

    /// <summary>Sum of the <c>areaMu</c> attribute (from TBMJ etc.), 亩, when the source has an area field.</summary>
    public required double? AttributeAreaMu { get; init; }

    /// <summary>Normalised column → the source field (e.g. <c>id</c> → <c>JBNTTBBH</c>).</summary>
    public required IReadOnlyDictionary<string, string> Fields { get; init; }

    public required IReadOnlyList<string> RenamedColumns { get; init; }

    /// <summary>Attribute values that did not fit their column (e.g. text in a number field) and were written as null.</summary>
    public required long UnfitValues { get; init; }

    public required long RepairCount { get; init; }

    public required IReadOnlyList<ImportRepair> Repairs { get; init; }

    public required long OverlapCount { get; init; }

    public required double OverlapAreaM2 { get; init; }

    public required IReadOnlyList<ImportOverlap> Overlaps { get; init; }

    /// <summary>The data area's name, or null when the folder has none (then nothing is judged outside).</summary>
    public required string? AreaNameZh { get; init; }

    public required long OutsideCount { get; init; }

    public required IReadOnlyList<FeatureRef> Outside { get; init; }

    public required long DuplicateIdCount { get; init; }

    public required IReadOnlyList<string> DuplicateIds { get; init; }

    public required IReadOnlyList<string> Notes { get; init; }

    /// <summary>The catalog entry written.</summary>
    [JsonIgnore]
    public required JsonObject CatalogEntry { get; init; }

    /// <summary>The catalog entry as JSON text (for the JSON report).</summary>
    [JsonPropertyName("catalogEntry")]
    public JsonNode CatalogEntryJson => CatalogEntry.DeepClone();

    public required double Seconds { get; init; }

    /// <summary>The report as indented JSON (Chinese unescaped), as <c>--format json</c> prints it.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json.ImportReport);
}
