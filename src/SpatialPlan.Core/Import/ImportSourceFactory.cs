using SpatialPlan.Core.Sources;

namespace SpatialPlan.Core.Import;

/// <summary>Opens a layer file by its extension: Shapefile (.shp/.zip), GeoPackage (.gpkg[:table]), GeoJSON, GeoJSON Lines.</summary>
internal static class ImportSourceFactory
{
    /// <exception cref="InputException">A missing file, a File Geodatabase, an unknown extension, or a broken file.</exception>
    public static IImportSource Open(string source, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        var (path, table) = SplitTable(source);
        var name = Path.GetFileName(path.TrimEnd('/', '\\'));
        if (path.TrimEnd('/', '\\').EndsWith(".gdb", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".gdb.zip", StringComparison.OrdinalIgnoreCase))
        {
            throw FileGeodatabaseRefusal(name);
        }

        if (Directory.Exists(path))
        {
            throw new InputException($"{path} 是文件夹，不是图层文件（a folder, not a layer file）。",
                "请指向其中的 .shp、.gpkg、.geojson 或 .geojsonl 文件。", name);
        }

        if (!File.Exists(path))
        {
            throw new InputException($"找不到文件 {path}（file not found）。", "请检查路径和文件名是否正确。", name);
        }

        var ext = Path.GetExtension(path).ToLowerInvariant();
        if (table is not null && ext != ".gpkg")
        {
            throw new InputException($"只有 GeoPackage 可以用“文件:表名”指定表（{source}）（a table can only be named in a GeoPackage）。",
                "去掉“:表名”，或检查文件名里的冒号。", name);
        }

        try
        {
            return ext switch
            {
                ".shp" or ".zip" => ShapefileImportSource.Open(path, cancellationToken),
                ".gpkg" => GpkgImportSource.Open(path, table),
                ".geojson" or ".json" => GeoJsonImportSource.Open(path, lines: false),
                ".geojsonl" or ".geojsons" or ".jsonl" or ".ndjson" => GeoJsonImportSource.Open(path, lines: true),
                ".dbf" or ".shx" or ".prj" or ".cpg" => throw new InputException(
                    $"{name} 是 Shapefile 的附属文件（a Shapefile sidecar）。", "请指向同名的 .shp 文件（.dbf、.prj、.cpg 放在它旁边），或整个图层的 .zip。", name),
                var other => throw new InputException(
                    $"不支持的文件类型“{(other.Length == 0 ? "(无扩展名)" : other)}”（unsupported file type）。",
                    "可导入：Shapefile（.shp，或含 .shp/.shx/.dbf/.prj/.cpg 的 .zip）、GeoPackage（.gpkg 或 文件.gpkg:表名）、GeoJSON（.geojson）、" +
                    "GeoJSON Lines（.geojsonl/.geojsons/.jsonl，一行一个要素）。其他格式请先用 ogr2ogr -f GPKG out.gpkg 输入文件 转换。", name),
            };
        }
        catch (IOException e)
        {
            throw new InputException($"无法读取 {name}：{e.Message}（cannot read the file）。", "请检查文件是否完整、是否有读取权限。", name, inner: e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new InputException($"无权读取 {name}（permission denied）。", "请检查文件的读取权限。", name, inner: e);
        }
    }

    /// <summary>File Geodatabases are read by ESRI's or GDAL's drivers only: say how to convert.</summary>
    public static InputException FileGeodatabaseRefusal(string name) => new(
        "File Geodatabase（.gdb）无法在这里直接读取（File Geodatabase is not readable here）。",
        "请先转换为 GeoPackage：ogr2ogr -f GPKG out.gpkg in.gdb 图层名（或在 ArcGIS/QGIS 中导出为 Shapefile 或 GeoPackage），再导入 out.gpkg:图层名。", name);

    /// <summary>“file.gpkg:table” → (file.gpkg, table) when file.gpkg exists and the whole string does not.</summary>
    private static (string Path, string? Table) SplitTable(string source)
    {
        var colon = source.LastIndexOf(':');
        if (colon > 0 && !File.Exists(source) && source[..colon].EndsWith(".gpkg", StringComparison.OrdinalIgnoreCase) && colon < source.Length - 1)
        {
            return (source[..colon], source[(colon + 1)..]);
        }

        return (source, null);
    }
}
