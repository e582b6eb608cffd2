using System.Text.Json.Serialization;
using SpatialPlan.Core.Layers.Sources;

namespace SpatialPlan.Core.Layers;

/// <summary>One entry of gis-data/catalog.json: what a layer is, where its features are, how it is styled and checked.</summary>
public sealed record LayerDefinition
{
    /// <summary>Stable kebab-case id, unique in the catalog.</summary>
    public required string Id { get; init; }

    public required string TitleZh { get; init; }

    public required string TitleEn { get; init; }

    /// <summary>Id of the <see cref="LayerGroup"/> it belongs to.</summary>
    public required string Group { get; init; }

    /// <summary>One of <see cref="LayerCategories.All"/>.</summary>
    public required string Category { get; init; }

    /// <summary>
    /// GeoJSON file, relative to the data directory, in EPSG:4490 (or any CRS the reader can identify): the old way to
    /// name a layer's features, the same as <c>"source": {"type": "geojson", "file": …}</c>. Null when the catalog gives
    /// a <c>source</c> object instead (docs/data-sources.md §1).
    /// </summary>
    public string? File { get; init; }

    /// <summary>Key into styles.json.</summary>
    public required string Style { get; init; }

    /// <summary>Key into policy.json#/zones when the site check checks this layer; null for context layers.</summary>
    public string? Policy { get; init; }

    /// <summary>True when the geometry is our schematic reading of the plan, not official data.</summary>
    public bool Schematic { get; init; }

    /// <summary>Whether the layer is on when the map opens.</summary>
    public bool Visible { get; init; } = true;

    /// <summary>Feature property used for labels, if any.</summary>
    public string? LabelField { get; init; }

    public string ProvenanceZh { get; init; } = string.Empty;

    public string ProvenanceEn { get; init; } = string.Empty;

    /// <summary>
    /// Short source credit for map sheets, e.g. "DataV.GeoAtlas (GCJ-02 → WGS84)": the catalog's <c>source</c> when it is a
    /// string, or its <c>credit</c> when <c>source</c> is an object that names where the features are.
    /// </summary>
    [JsonIgnore]
    public string Source { get; init; } = string.Empty;

    /// <summary>
    /// Where the features are when the catalog's <c>source</c> is an object (GeoJSON, a GeoPackage table or a PostGIS
    /// table, docs/data-sources.md §1); null for the old form (<see cref="File"/>). Never sent to the browser: a PostGIS
    /// connection string may name a server and a user.
    /// </summary>
    [JsonIgnore]
    public LayerSourceSpec? Origin { get; init; }

    /// <summary>Which attribute is the id, name, land class, area in 亩 and level (the catalog's <c>fields</c>); null for the defaults.</summary>
    [JsonIgnore]
    public FieldMap? Fields { get; init; }

    /// <summary>Where the features are: <see cref="Origin"/>, else a GeoJSON source for <see cref="File"/>; null when the entry names neither.</summary>
    [JsonIgnore]
    public LayerSourceSpec? SourceSpec => Origin ?? (File is null ? null : LayerSourceSpec.GeoJson(File));

    /// <summary>The kind of source, for the map (<c>geojson</c>, <c>gpkg</c> or <c>postgis</c>).</summary>
    public string SourceType => SourceSpec?.Type ?? LayerSourceSpec.GeoJsonType;

    /// <summary>The catalog's <c>source</c> as read and written: a credit string, or an object naming the source (read only; written as the credit).</summary>
    [JsonInclude]
    [JsonPropertyName("source")]
    [JsonConverter(typeof(SourceEntryConverter))]
    internal SourceEntry SourceJson
    {
        get => new(Source, null);
        init
        {
            Source = value.Credit ?? string.Empty;
            Origin = value.Origin;
        }
    }

    /// <summary>The catalog's <c>fields</c> (read only: the browser needs no field mapping).</summary>
    [JsonInclude]
    [JsonPropertyName("fields")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    internal FieldMap? FieldsJson
    {
        get => null;
        init => Fields = value;
    }

    /// <summary>Version of the layer's data (e.g. the 三区三线 result's version); empty for schematic layers.</summary>
    public string Version { get; init; } = string.Empty;

    /// <summary>Date of the layer's data; empty when not known.</summary>
    public string Date { get; init; } = string.Empty;

    /// <summary>批复文号 (the approval number of the plan or list the layer comes from); empty for schematic layers.</summary>
    public string ApprovalNumber { get; init; } = string.Empty;

    /// <summary>True when the site check checks this layer.</summary>
    [JsonIgnore]
    public bool IsZone => Policy is not null;
}
