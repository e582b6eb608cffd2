using System.Text.Json.Serialization;

namespace SpatialPlan.Core.Layers;

/// <summary>One entry of gis-data/catalog.json: what a layer is, where its file is, how it is styled and checked.</summary>
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

    /// <summary>GeoJSON file, relative to the data directory, in EPSG:4490 (or any CRS the reader can identify).</summary>
    public required string File { get; init; }

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

    /// <summary>Short source credit for map sheets, e.g. "DataV.GeoAtlas (GCJ-02 → WGS84)".</summary>
    public string Source { get; init; } = string.Empty;

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
