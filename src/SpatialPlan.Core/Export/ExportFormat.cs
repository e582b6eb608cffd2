using SpatialPlan.Core.Sources;

namespace SpatialPlan.Core.Export;

/// <summary>The GIS formats a check's layers are written in (<see cref="CheckLayersWriter"/>).</summary>
public enum ExportFormat
{
    /// <summary>One <c>.gpkg</c> with the tables footprint, overlaps and nearby, in the working CRS.</summary>
    GeoPackage,

    /// <summary>A <c>.shp.zip</c> holding footprint.shp, overlaps.shp and nearby.shp (+ .shx, .dbf, .prj, .cpg), in the working CRS.</summary>
    ShapefileZip,

    /// <summary>One <c>.geojson</c> FeatureCollection in EPSG:4490; each feature's <c>layer</c> property names its layer.</summary>
    GeoJson,
}

/// <summary>File names and media types of <see cref="ExportFormat"/>.</summary>
public static class ExportFormats
{
    /// <summary>The accepted endings, for messages.</summary>
    public const string Endings = ".gpkg、.shp.zip 或 .geojson";

    /// <summary>The format a file name asks for by its ending.</summary>
    /// <exception cref="InputException">The ending is none of <see cref="Endings"/>.</exception>
    public static ExportFormat FromPath(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var name = Path.GetFileName(path).ToLowerInvariant();
        return name switch
        {
            _ when name.EndsWith(".gpkg", StringComparison.Ordinal) => ExportFormat.GeoPackage,
            _ when name.EndsWith(".shp.zip", StringComparison.Ordinal) => ExportFormat.ShapefileZip,
            _ when name.EndsWith(".geojson", StringComparison.Ordinal) => ExportFormat.GeoJson,
            _ => throw new InputException($"--export 的文件名 {Path.GetFileName(path)} 不是 {Endings}（the file name says the format）。",
                "把文件名改为以 .gpkg（GeoPackage）、.shp.zip（压缩的 Shapefile）或 .geojson 结尾。End the name in .gpkg, .shp.zip or .geojson."),
        };
    }

    /// <summary>The format named by <c>gpkg</c>, <c>shp</c> (or <c>shp.zip</c>) or <c>geojson</c>; null for anything else.</summary>
    public static ExportFormat? Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "gpkg" or "geopackage" => ExportFormat.GeoPackage,
        "shp" or "shp.zip" or "shapefile" => ExportFormat.ShapefileZip,
        "geojson" => ExportFormat.GeoJson,
        _ => null,
    };

    /// <summary>The file ending of a format, with its dot.</summary>
    public static string Ending(ExportFormat format) => format switch
    {
        ExportFormat.GeoPackage => ".gpkg",
        ExportFormat.ShapefileZip => ".shp.zip",
        _ => ".geojson",
    };

    /// <summary>The media type of a format.</summary>
    public static string MediaType(ExportFormat format) => format switch
    {
        ExportFormat.GeoPackage => "application/geopackage+sqlite3",
        ExportFormat.ShapefileZip => "application/zip",
        _ => "application/geo+json",
    };
}
