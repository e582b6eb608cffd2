using System.Collections.Concurrent;
using NetTopologySuite.Geometries;
using SpatialPlan.Core.Crs;
using SpatialPlan.Core.Layers.GeoPackage;

namespace SpatialPlan.Core.Layers.Sources;

/// <summary>
/// A GeoPackage feature table (docs/data-sources.md §2), read-only through <see cref="GpkgLayerReader"/>: opened when
/// the layer is first used, and read by envelope through its R-tree, so a check reads only the candidates of the
/// footprint's envelope. Readers (one SQLite connection each) are pooled: one per concurrent caller. Geometries are
/// stored in the working CRS; a table in another supported CRS is transformed on read.
/// </summary>
public sealed class GpkgLayerSource : LayerSourceBase
{
    private const int PooledReaders = 8;

    private readonly string _path;
    private readonly string _table;
    private readonly int _srid;
    private readonly Envelope _extent;
    private readonly ConcurrentBag<GpkgLayerReader> _pool = [];
    private readonly Lazy<long> _count;

    private GpkgLayerSource(LayerDefinition definition, int workingEpsg, string where, string path, GpkgLayerReader first)
        : base(definition, workingEpsg, where)
    {
        _path = path;
        _table = first.Table;
        _srid = first.Srid;
        _extent = first.Extent is { } e ? ToWorking(e) : new Envelope();
        _count = new Lazy<long>(() => Use(r => r.RecordedCount() ?? r.Count()));
        _pool.Add(first);
    }

    /// <summary>The table read.</summary>
    public string Table => _table;

    /// <inheritdoc/>
    public override bool IsInMemory => false;

    /// <inheritdoc/>
    public override long Count => _count.Value;

    /// <inheritdoc/>
    public override Envelope Extent => new(_extent);

    /// <summary>
    /// Opens the table and checks that it can serve a layer: a GeoPackage, the table there, a geometry column in a CRS
    /// SpatialPlan can transform, and an R-tree index. No feature is read.
    /// </summary>
    /// <exception cref="SpatialPlan.Core.Sources.InputException">Any of those is missing; the message names the layer and what to fix.</exception>
    public static GpkgLayerSource Open(LayerDefinition definition, int workingEpsg, string where, string path, string? table)
    {
        GpkgLayerReader reader;
        try
        {
            if (table is not null && GpkgLayerReader.FeatureTables(path) is var tables && !tables.Contains(table, StringComparer.Ordinal))
            {
                throw new SpatialPlan.Core.Sources.InputException(
                    $"GeoPackage 文件中没有要素表“{table}”（其中有：{(tables.Count == 0 ? "无" : string.Join("、", tables))}）。",
                    "把 catalog.json 中该图层 source 的 table 改为文件中的要素表名，或用 spatialplan import 重新导入。",
                    where);
            }

            // The table named, else the one named as the layer (what import writes), else the file's only one.
            reader = GpkgLayerReader.Open(path, table ?? (HasTable(path, definition.Id) ? definition.Id : null));
        }
        catch (GpkgException e)
        {
            throw new SpatialPlan.Core.Sources.InputException(
                $"GeoPackage 图层无法打开：{e.Message}（the GeoPackage layer cannot be opened）。",
                "检查 catalog.json 中该图层 source 的 file 与 table 是否正确（table 须为 GeoPackage 中的要素表），或用 spatialplan import 重新导入。",
                where, inner: e);
        }

        try
        {
            if (reader.Srid != workingEpsg && !Epsg.Supported.Contains(reader.Srid))
            {
                throw new SpatialPlan.Core.Sources.InputException(
                    $"GeoPackage 表 {reader.Table} 的坐标系 EPSG:{reader.Srid} 无法换算到工作坐标系 EPSG:{workingEpsg}。",
                    $"用 spatialplan import 导入（它把图形换算到工作坐标系 EPSG:{workingEpsg}），或用 ogr2ogr -t_srs EPSG:{workingEpsg} 转换后再指向它。",
                    where);
            }

            if (!reader.HasIndex)
            {
                throw new SpatialPlan.Core.Sources.InputException(
                    $"GeoPackage 表 {reader.Table} 没有空间索引（R-tree rtree_{reader.Table}_{reader.GeometryColumn}），每次核查都要扫描整表。",
                    "用 spatialplan import 重新导入，或用 ogr2ogr（默认建立 R-tree）/ QGIS 为该表建立空间索引。",
                    where);
            }

            return new GpkgLayerSource(definition, workingEpsg, where, path, reader);
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public override IReadOnlyList<LayerFeature> Query(Envelope envelope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var stored = ToStored(envelope);
        return Use(reader =>
        {
            var result = new List<LayerFeature>();
            foreach (var f in reader.Query(stored, cancellationToken))
            {
                var feature = ToLayerFeature(f);
                if (feature.Geometry.EnvelopeInternal.Intersects(envelope))
                {
                    result.Add(feature);
                }
            }

            return result;
        });
    }

    /// <inheritdoc/>
    public override IReadOnlyList<LayerFeature> Query(IReadOnlyList<Envelope> envelopes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(envelopes);
        if (envelopes.Count == 1)
        {
            return Query(envelopes[0], cancellationToken);
        }

        return Use(reader =>
        {
            // The R-tree alone for every window (no geometry read), then each feature met once.
            var fids = new SortedSet<long>();
            foreach (var envelope in envelopes)
            {
                foreach (var (fid, _) in reader.QueryEnvelopes(ToStored(envelope), cancellationToken))
                {
                    fids.Add(fid);
                }
            }

            var result = new List<LayerFeature>(fids.Count);
            foreach (var fid in fids)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (reader.Get(fid) is { } f && ToLayerFeature(f) is var feature && envelopes.Any(e => feature.Geometry.EnvelopeInternal.Intersects(e)))
                {
                    result.Add(feature);
                }
            }

            return result;
        });
    }

    /// <inheritdoc/>
    public override LayerFeature? Nearest(Geometry geometry, double maxDistance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        return Use(reader => new NearestSearch(geometry).Find(
            window => [.. reader.QueryEnvelopes(ToStored(window), cancellationToken).Select(h => (h.Fid, ToWorking(h.Envelope)))],
            fid => reader.Get(fid) is { } f ? ToLayerFeature(f) : null,
            _extent, maxDistance, cancellationToken));
    }

    /// <inheritdoc/>
    public override IEnumerable<LayerFeature> All(CancellationToken cancellationToken = default)
    {
        var reader = Rent();
        try
        {
            using var rows = reader.All(cancellationToken).GetEnumerator();
            while (true)
            {
                GpkgFeature row;
                try
                {
                    if (!rows.MoveNext())
                    {
                        break;
                    }

                    row = rows.Current;
                }
                catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or GpkgException)
                {
                    throw Problem($"读取 GeoPackage 表 {_table} 时出错：{e.Message}（the GeoPackage could not be read）。",
                        "文件可能已损坏或正被改写：用 spatialplan import 重新导入该图层。", e);
                }

                yield return ToLayerFeature(row);
            }
        }
        finally
        {
            Return(reader);
        }
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        while (_pool.TryTake(out var reader))
        {
            reader.Dispose();
        }
    }

    private static bool HasTable(string path, string table)
    {
        try
        {
            return GpkgLayerReader.FeatureTables(path).Contains(table, StringComparer.Ordinal);
        }
        catch (GpkgException)
        {
            return false;
        }
    }

    private T Use<T>(Func<GpkgLayerReader, T> work)
    {
        var reader = Rent();
        try
        {
            return work(reader);
        }
        catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or GpkgException)
        {
            throw Problem($"读取 GeoPackage 表 {_table} 时出错：{e.Message}（the GeoPackage could not be read）。",
                "文件可能已损坏或正被改写：用 spatialplan import 重新导入该图层。", e);
        }
        finally
        {
            Return(reader);
        }
    }

    private GpkgLayerReader Rent()
    {
        if (_pool.TryTake(out var reader))
        {
            return reader;
        }

        try
        {
            return GpkgLayerReader.Open(_path, _table);
        }
        catch (GpkgException e)
        {
            throw Problem($"GeoPackage 图层无法打开：{e.Message}。", "检查该文件是否仍在、是否被改动；用 spatialplan import 重新导入。", e);
        }
    }

    private void Return(GpkgLayerReader reader)
    {
        if (_pool.Count < PooledReaders)
        {
            _pool.Add(reader);
        }
        else
        {
            reader.Dispose();
        }
    }

    private LayerFeature ToLayerFeature(GpkgFeature f)
    {
        var geometry = _srid == WorkingEpsg ? f.Geometry : CrsTransformer.Transform(f.Geometry, _srid, WorkingEpsg);
        geometry.SRID = WorkingEpsg;
        return new LayerFeature(f.Fid, StoredGeometry.Usable(geometry), f.Attributes, Fields);
    }

    private Envelope ToStored(Envelope working) => _srid == WorkingEpsg ? working : EnvelopeTransform.Transform(working, WorkingEpsg, _srid);

    private Envelope ToWorking(Envelope stored) => _srid == WorkingEpsg ? stored : EnvelopeTransform.Transform(stored, _srid, WorkingEpsg);
}
