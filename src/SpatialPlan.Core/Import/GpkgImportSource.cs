using Microsoft.Data.Sqlite;
using SpatialPlan.Core.Layers.GeoPackage;
using SpatialPlan.Core.Sources;

namespace SpatialPlan.Core.Import;

/// <summary>
/// One feature table of a GeoPackage (<c>file.gpkg</c> when it holds one, or <c>file.gpkg:table</c>), read in fid order
/// through <see cref="GpkgLayerReader"/>. Its CRS is the table's srs_id (an EPSG code in every GeoPackage GDAL, QGIS or
/// ArcGIS writes); rows without a geometry are counted and reported, not imported.
/// </summary>
internal sealed class GpkgImportSource : IImportSource
{
    private readonly GpkgLayerReader _reader;
    private long _read;

    private GpkgImportSource(string name, GpkgLayerReader reader)
    {
        Name = name;
        _reader = reader;
        Columns = reader.Columns.Select(c => new SourceColumn(c.Name, c.Type)).ToList();
        Count = reader.Count();
        Crs = reader.Srid > 0 ? new DeclaredCrs(reader.Srid, $"GeoPackage 的坐标系（srs_id {reader.Srid}）") : null;
        if (Crs is null)
        {
            Notes = ["GeoPackage 未声明坐标系（srs_id 为 0 或 -1），按坐标范围判断（no CRS declared: judged from the coordinates）。"];
        }
    }

    public string Name { get; }

    public string Format => "GeoPackage";

    public IReadOnlyList<SourceColumn> Columns { get; }

    public DeclaredCrs? Crs { get; }

    public long? Count { get; }

    public double Progress => Count is > 0 ? Math.Min(1, (double)Interlocked.Read(ref _read) / Count.Value) : 0;

    public IReadOnlyList<string> Notes { get; } = [];

    /// <summary>Opens <paramref name="path"/> (a .gpkg) and its table <paramref name="table"/> (the only one when null).</summary>
    /// <exception cref="InputException">Not a GeoPackage, no such table, or several tables and none named.</exception>
    public static GpkgImportSource Open(string path, string? table)
    {
        var file = Path.GetFileName(path);
        var name = table is null ? file : $"{file}:{table}";
        try
        {
            return new GpkgImportSource(name, GpkgLayerReader.Open(path, table));
        }
        catch (GpkgException e)
        {
            throw new InputException($"无法读取 GeoPackage：{e.Message}（not a usable GeoPackage table）。",
                table is null
                    ? "请确认文件是 GeoPackage（.gpkg）；若其中有多个要素表，用 文件.gpkg:表名 指定一个。"
                    : "请确认表名正确（区分大小写），可用 ogrinfo 文件.gpkg 列出其中的表。", name, inner: e);
        }
        catch (SqliteException e)
        {
            throw new InputException($"无法读取 GeoPackage：{e.Message}（corrupt GeoPackage）。", "文件可能已损坏：请重新导出。", name, inner: e);
        }
    }

    public IEnumerable<PendingRecord> Read(CancellationToken cancellationToken)
    {
        // Rows without geometry are left out by the reader: count what comes, the pipeline reports the difference.
        using var features = Features(cancellationToken).GetEnumerator();
        var index = 0L;
        while (true)
        {
            GpkgFeature feature;
            try
            {
                if (!features.MoveNext())
                {
                    break;
                }

                feature = features.Current;
            }
            catch (Exception e) when (e is SqliteException or ArgumentException or InvalidOperationException or FormatException or IndexOutOfRangeException)
            {
                throw new InputException($"无法读取 GeoPackage 的第 {index + 1} 个要素：{e.Message.ReplaceLineEndings(" ")}（feature could not be read）。",
                    "文件可能已损坏：请用 GIS 软件重新导出该图层。", Name, (int)Math.Min(index, int.MaxValue), e);
            }

            var values = new object?[Columns.Count];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = feature.Attributes.Exists(Columns[i].Name) ? feature.Attributes[Columns[i].Name] : null;
            }

            Interlocked.Increment(ref _read);
            yield return new DecodedRecord(index++, feature.Geometry, values);
        }
    }

    public void Dispose() => _reader.Dispose();

    private IEnumerable<GpkgFeature> Features(CancellationToken cancellationToken) => _reader.All(cancellationToken);
}
