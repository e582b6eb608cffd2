namespace SpatialPlan.Core.Layers.Sources;

/// <summary>
/// Where a catalog layer's features are (catalog.json layer <c>source</c>, docs/data-sources.md §1): a GeoJSON file, a
/// GeoPackage table or a PostGIS table. Paths are relative to the data folder.
/// </summary>
public sealed record LayerSourceSpec
{
    /// <summary><c>type</c> of a GeoJSON file source (read whole, indexed in memory).</summary>
    public const string GeoJsonType = "geojson";

    /// <summary><c>type</c> of a GeoPackage table (SQLite R-tree, opened lazily).</summary>
    public const string GpkgType = "gpkg";

    /// <summary><c>type</c> of a PostGIS table (GiST index, queried in the database).</summary>
    public const string PostgisType = "postgis";

    /// <summary>The source types a catalog may name.</summary>
    public static IReadOnlyList<string> Types { get; } = [GeoJsonType, GpkgType, PostgisType];

    /// <summary><c>geojson</c>, <c>gpkg</c> or <c>postgis</c>.</summary>
    public string Type { get; init; } = GeoJsonType;

    /// <summary>The file (geojson, gpkg), relative to the data folder.</summary>
    public string? File { get; init; }

    /// <summary>The table: a GeoPackage feature table (default: the file's only one), or a PostGIS <c>schema.table</c>.</summary>
    public string? Table { get; init; }

    /// <summary>PostGIS: a Npgsql connection string, or <c>env:NAME</c> to read it from an environment variable.</summary>
    public string? Connection { get; init; }

    /// <summary>PostGIS: the geometry column (default <c>geom</c>).</summary>
    public string? GeometryColumn { get; init; }

    /// <summary>PostGIS: the column that holds the feature id (the 图斑编号); the same as <c>fields.id</c>.</summary>
    public string? IdColumn { get; init; }

    /// <summary>Short source credit for map sheets (the string form of <c>source</c> before issue 8).</summary>
    public string? Credit { get; init; }

    /// <summary>A GeoJSON file source (what the old <c>"file"</c> means).</summary>
    public static LayerSourceSpec GeoJson(string file) => new() { Type = GeoJsonType, File = file };

    /// <summary>How messages name the source: the file (and table), or the PostGIS table.</summary>
    public string Describe() => Type switch
    {
        PostgisType => $"PostGIS {Table}",
        GpkgType when Table is not null => $"{File}:{Table}",
        _ => File ?? string.Empty,
    };
}
