using System.Collections.Concurrent;
using System.Globalization;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using Npgsql;
using NpgsqlTypes;
using SpatialPlan.Core.Crs;
using SpatialPlan.Core.Sources;
using SpatialPlan.Core.Tiles;

namespace SpatialPlan.Core.Layers.Sources;

/// <summary>
/// A PostGIS table (docs/data-sources.md §1, §3) through Npgsql with NetTopologySuite: the candidate search runs in the
/// database on the GiST index (<c>geom &amp;&amp; ST_MakeEnvelope(…, srid)</c>), the nearest search on the same index
/// (<c>ORDER BY geom &lt;-&gt; g</c>); overlaps and distances are then measured here, exactly as for every other source.
/// The connection string comes from the catalog or, with <c>env:NAME</c>, from an environment variable.
/// Vector tiles are made in the database (<see cref="Tile"/>: <c>ST_AsMVT</c> over the custom grid, docs/tiles.md §7).
/// </summary>
public sealed class PostgisLayerSource : LayerSourceBase, IDatabaseTiles
{
    /// <summary>
    /// Set to <c>app</c> to have PostGIS layers' tiles built in the app from the rows (as for the other sources) instead of
    /// by <c>ST_AsMVT</c>: for comparison and as a way back should a server's PostGIS misbehave.
    /// </summary>
    public const string TilesVariable = "SPATIALPLAN_PG_TILES";

    /// <summary>Seconds to wait for a server that does not answer, unless the connection string says otherwise.</summary>
    private const int ConnectTimeoutSeconds = 5;

    // One pool per connection string and process: layers of the same database share it.
    private static readonly ConcurrentDictionary<string, NpgsqlDataSource> DataSources = new(StringComparer.Ordinal);

    private readonly NpgsqlDataSource _database;
    private readonly string _relation;
    private readonly string _geometry;
    private readonly int _srid;
    private readonly IReadOnlyList<(string Name, string Sql)> _columns;
    private readonly IReadOnlyList<PostgisTiles.Column> _tileColumns;
    private readonly ConcurrentDictionary<TileSchema, string?> _tileSql = new();
    private volatile object? _makesTiles;
    private readonly string _select;
    private readonly Lazy<long> _count;
    private readonly Lazy<Envelope> _extent;

    private PostgisLayerSource(LayerDefinition definition, int workingEpsg, string where, NpgsqlDataSource database,
        string relation, string geometry, int srid, IReadOnlyList<(string Name, string Sql)> columns, IReadOnlyList<PostgisTiles.Column> tileColumns)
        : base(definition, workingEpsg, where)
    {
        _tileColumns = tileColumns;
        _database = database;
        _relation = relation;
        _geometry = geometry;
        _srid = srid;
        _columns = columns;
        _select = $"SELECT t.ctid, t.{geometry}{string.Concat(columns.Select(c => ", t." + c.Sql))} FROM {relation} t";
        _count = new Lazy<long>(() => Run(c => Convert.ToInt64(Scalar(c, $"SELECT count(*) FROM {relation}"), CultureInfo.InvariantCulture)));
        _extent = new Lazy<Envelope>(() => Run(c =>
        {
            using var command = new NpgsqlCommand($"SELECT ST_XMin(e), ST_XMax(e), ST_YMin(e), ST_YMax(e) FROM (SELECT ST_Extent({geometry})::geometry e FROM {relation}) x", c);
            using var reader = command.ExecuteReader();
            return reader.Read() && !reader.IsDBNull(0)
                ? ToWorking(new Envelope(reader.GetDouble(0), reader.GetDouble(1), reader.GetDouble(2), reader.GetDouble(3)))
                : new Envelope();
        }));
    }

    /// <inheritdoc/>
    public override bool IsInMemory => false;

    /// <inheritdoc/>
    public override long Count => _count.Value;

    /// <inheritdoc/>
    public override Envelope Extent => new(_extent.Value);

    /// <summary>
    /// Connects and checks that the table can serve a layer: it exists, has the geometry column in a CRS SpatialPlan can
    /// transform, and a GiST index on it. No feature is read.
    /// </summary>
    /// <exception cref="InputException">The connection string is missing, the server does not answer, or the table is not
    /// usable; the message names the layer and what to fix (never the password).</exception>
    public static PostgisLayerSource Open(LayerDefinition definition, int workingEpsg, string where, LayerSourceSpec spec)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(spec);
        var connection = ConnectionString(spec, where);
        var (schema, table) = SplitTable(spec.Table, where);
        var geometry = string.IsNullOrWhiteSpace(spec.GeometryColumn) ? "geom" : spec.GeometryColumn;
        var database = DataSources.GetOrAdd(connection, Build);
        try
        {
            using var c = database.OpenConnection();
            int? srid = null;
            using (var command = new NpgsqlCommand(
                "SELECT srid FROM geometry_columns WHERE f_table_schema = $1 AND f_table_name = $2 AND f_geometry_column = $3", c))
            {
                command.Parameters.Add(new NpgsqlParameter { Value = schema });
                command.Parameters.Add(new NpgsqlParameter { Value = table });
                command.Parameters.Add(new NpgsqlParameter { Value = geometry });
                if (command.ExecuteScalar() is int s)
                {
                    srid = s;
                }
            }

            if (srid is null)
            {
                throw new InputException(
                    $"PostGIS 中没有表 {schema}.{table} 或其几何列 {geometry}（no such table or geometry column）。",
                    "检查 catalog.json 中该图层 source 的 table（schema.table）与 geometryColumn，以及连接的数据库是否正确。",
                    where);
            }

            if (srid != workingEpsg && !Epsg.Supported.Contains(srid.Value))
            {
                throw new InputException(
                    $"PostGIS 表 {schema}.{table} 的几何列 {geometry} 的 SRID 为 {srid}，无法换算到工作坐标系 EPSG:{workingEpsg}。",
                    $"把该列转换到 EPSG:{workingEpsg}（ALTER TABLE … ALTER COLUMN {geometry} TYPE geometry USING ST_Transform({geometry}, {workingEpsg})），或用 UpdateGeometrySRID 写明正确的 SRID。",
                    where);
            }

            using (var command = new NpgsqlCommand(
                "SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace " +
                "JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_am am ON am.oid = ic.relam JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = ANY(i.indkey) " +
                "WHERE n.nspname = $1 AND c.relname = $2 AND a.attname = $3 AND am.amname IN ('gist', 'spgist', 'brin')", c))
            {
                command.Parameters.Add(new NpgsqlParameter { Value = schema });
                command.Parameters.Add(new NpgsqlParameter { Value = table });
                command.Parameters.Add(new NpgsqlParameter { Value = geometry });
                if (Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) == 0)
                {
                    throw new InputException(
                        $"PostGIS 表 {schema}.{table} 的几何列 {geometry} 没有 GiST 空间索引，每次核查都要扫描整表。",
                        $"在数据库中建立索引：CREATE INDEX ON {Quote(schema)}.{Quote(table)} USING gist ({Quote(geometry)}); ANALYZE {Quote(schema)}.{Quote(table)};",
                        where);
                }
            }

            var columns = new List<(string, string)>();
            var tileColumns = new List<PostgisTiles.Column>();
            using (var command = new NpgsqlCommand(
                "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2 AND column_name <> $3 ORDER BY ordinal_position", c))
            {
                command.Parameters.Add(new NpgsqlParameter { Value = schema });
                command.Parameters.Add(new NpgsqlParameter { Value = table });
                command.Parameters.Add(new NpgsqlParameter { Value = geometry });
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    var name = reader.GetString(0);
                    var type = reader.GetString(1);
                    // Plain values only: text and numbers as they are, anything else (dates, arrays, json) as its text.
                    var sql = type is "text" or "character varying" or "character" or "integer" or "bigint" or "smallint"
                        or "double precision" or "real" or "numeric" or "boolean"
                        ? Quote(name)
                        : $"{Quote(name)}::text";
                    columns.Add((name, sql));
                    tileColumns.Add(new PostgisTiles.Column(name, PostgisTiles.TileSql(name, type)));
                }
            }

            return new PostgisLayerSource(definition, workingEpsg, where, database, $"{Quote(schema)}.{Quote(table)}", Quote(geometry), srid.Value, columns, tileColumns);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException && e is not InputException)
        {
            throw Unreachable(e, where);
        }
    }

    /// <inheritdoc/>
    public override IReadOnlyList<LayerFeature> Query(Envelope envelope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var stored = ToStored(envelope);
        return Run(c =>
        {
            using var command = new NpgsqlCommand($"{_select} WHERE t.{_geometry} && ST_MakeEnvelope($1, $2, $3, $4, {_srid})", c);
            command.Parameters.Add(new NpgsqlParameter { Value = stored.MinX });
            command.Parameters.Add(new NpgsqlParameter { Value = stored.MinY });
            command.Parameters.Add(new NpgsqlParameter { Value = stored.MaxX });
            command.Parameters.Add(new NpgsqlParameter { Value = stored.MaxY });
            var result = new List<LayerFeature>();
            foreach (var f in Read(command, cancellationToken))
            {
                // The index compares single-precision boxes: keep exactly the features whose envelope meets the query.
                if (f.Geometry.EnvelopeInternal.Intersects(envelope))
                {
                    result.Add(f);
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

        var stored = envelopes.Select(ToStored).ToList();
        return Run(c =>
        {
            // One statement: each window probes the GiST index (a nested loop over the windows), each row once.
            var xs = stored.Select(e => e.MinX).ToArray();
            var ys = stored.Select(e => e.MinY).ToArray();
            var xe = stored.Select(e => e.MaxX).ToArray();
            var ye = stored.Select(e => e.MaxY).ToArray();
            using var command = new NpgsqlCommand(
                $"{_select} WHERE t.ctid IN (SELECT u.ctid FROM unnest($1::float8[], $2::float8[], $3::float8[], $4::float8[]) w(x0, y0, x1, y1) " +
                $"JOIN {_relation} u ON u.{_geometry} && ST_MakeEnvelope(w.x0, w.y0, w.x1, w.y1, {_srid}))", c);
            command.Parameters.Add(new NpgsqlParameter { Value = xs });
            command.Parameters.Add(new NpgsqlParameter { Value = ys });
            command.Parameters.Add(new NpgsqlParameter { Value = xe });
            command.Parameters.Add(new NpgsqlParameter { Value = ye });
            return Read(command, cancellationToken).Where(f => envelopes.Any(e => f.Geometry.EnvelopeInternal.Intersects(e))).ToList();
        });
    }

    /// <inheritdoc/>
    public override LayerFeature? Nearest(Geometry geometry, double maxDistance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        var stored = _srid == WorkingEpsg ? geometry.Copy() : CrsTransformer.Transform(geometry, WorkingEpsg, _srid);
        stored.SRID = _srid;

        // The index finds the nearest row; the features as near as it are then measured here, so that every source picks
        // the nearest by the same arithmetic (the database's distances and ours agree far below the margin).
        var (first, near) = Run(c =>
        {
            using var knn = new NpgsqlCommand($"{_select} ORDER BY t.{_geometry} <-> $1 LIMIT 1", c);
            knn.Parameters.Add(new NpgsqlParameter { Value = stored });
            var first = Read(knn, cancellationToken).FirstOrDefault();
            if (first is null || _srid != WorkingEpsg || geometry.Distance(first.Geometry) > maxDistance)
            {
                return (first, (List<LayerFeature>?)null);
            }

            using var within = new NpgsqlCommand($"{_select} WHERE ST_DWithin(t.{_geometry}, $1, $2)", c);
            within.Parameters.Add(new NpgsqlParameter { Value = stored });
            within.Parameters.Add(new NpgsqlParameter { Value = (geometry.Distance(first.Geometry) * (1 + 1e-9)) + 1e-6 });
            return (first, Read(within, cancellationToken).ToList());
        });
        if (first is null || geometry.Distance(first.Geometry) is var bound && bound > maxDistance)
        {
            return null;
        }

        // In another CRS the database measures in its own units: every feature within the first one's working-CRS
        // distance has an envelope in this window.
        var candidates = near ?? Query(Expanded(geometry.EnvelopeInternal, bound + 1e-6), cancellationToken);
        return candidates.Append(first).Select(f => (Feature: f, Distance: geometry.Distance(f.Geometry)))
            .OrderBy(x => x.Distance).ThenBy(x => x.Feature.Key).First().Feature;
    }

    /// <summary>
    /// The tile made by the database in one statement (<see cref="PostgisTiles"/>; docs/tiles.md §7): the same content as
    /// <see cref="TileBuilder"/> makes from <see cref="Query(Envelope, CancellationToken)"/>'s rows. A tile over
    /// <see cref="TileBuilder.MaxTileBytes"/> is made again with half as many polygons drawn one by one, as the app does.
    /// Null (the app builds the tile) when <see cref="TilesVariable"/> is <c>app</c>, when the server's PostGIS cannot
    /// (older than 3.1, whose <c>ST_TileEnvelope</c> has no <c>bounds</c>, or built without protobuf), or when the grid is
    /// not in the working CRS.
    /// </summary>
    /// <exception cref="InputException">The database cannot be reached or the statement failed (the message says so).</exception>
    public byte[]? Tile(TileGrid grid, int z, long x, long y, string layerName, TileSchema schema, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(layerName);
        ArgumentNullException.ThrowIfNull(schema);
        if (string.Equals(Environment.GetEnvironmentVariable(TilesVariable), "app", StringComparison.OrdinalIgnoreCase)
            || grid.Epsg != WorkingEpsg || !MakesTiles())
        {
            return null;
        }

        var sql = _tileSql.GetOrAdd(schema, s => PostgisTiles.Sql(_relation, _geometry, _srid, WorkingEpsg, _tileColumns, Fields.IdField, s));
        if (sql is null)
        {
            return null;
        }

        var tile = grid.TileExtent(z, x, y);
        var res = grid.Resolutions[z];
        var query = TileBuilder.QueryExtent(grid, z, x, y);
        var stored = ToStored(query);
        var square = grid.Extent;
        var cell = res * TileBuilder.CoverageCellPixels;
        return Run(c =>
        {
            var budget = TileBuilder.MaxFeatures;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var command = new NpgsqlCommand(sql, c);
                var p = command.Parameters;
                p.AddWithValue("sx0", stored.MinX);
                p.AddWithValue("sy0", stored.MinY);
                p.AddWithValue("sx1", stored.MaxX);
                p.AddWithValue("sy1", stored.MaxY);
                p.AddWithValue("qx0", query.MinX);
                p.AddWithValue("qy0", query.MinY);
                p.AddWithValue("qx1", query.MaxX);
                p.AddWithValue("qy1", query.MaxY);
                p.AddWithValue("tx0", tile.MinX);
                p.AddWithValue("ty0", tile.MinY);
                p.AddWithValue("tx1", tile.MaxX);
                p.AddWithValue("ty1", tile.MaxY);
                p.AddWithValue("ex0", square.MinX);
                p.AddWithValue("ey0", square.MinY);
                p.AddWithValue("ex1", square.MaxX);
                p.AddWithValue("ey1", square.MaxY);
                p.AddWithValue("z", z);
                p.AddWithValue("x", checked((int)x));
                p.AddWithValue("y", checked((int)y));
                p.AddWithValue("res", res);
                p.AddWithValue("minArea", TileBuilder.MinPolygonPixels * res * res);
                p.AddWithValue("narrow", TileBuilder.NarrowPixels * res);
                p.AddWithValue("budget", (long)budget);
                p.AddWithValue("tolerance", TileBuilder.SimplifyPixels * res);
                p.AddWithValue("cell", cell);
                p.AddWithValue("cells", TileGrid.TileSize / TileBuilder.CoverageCellPixels);
                p.AddWithValue("full", cell * cell * TileBuilder.CoverageShare);
                p.AddWithValue("layer", layerName);
                // Prepared once per pooled connection: planning the statement cost more than running it on a large-scale tile.
                command.Prepare();
                byte[] bytes;
                long polygonal;
                using (var reader = command.ExecuteReader())
                {
                    reader.Read();
                    bytes = reader.GetFieldValue<byte[]>(0);
                    polygonal = reader.GetInt64(1);
                }

                if (bytes.Length <= TileBuilder.MaxTileBytes || budget <= 16)
                {
                    return bytes;
                }

                budget = (int)Math.Min(budget, polygonal) / 2;
            }
        });
    }

    /// <summary>Whether the server's PostGIS makes tiles over a custom grid: 3.1 or later (ST_TileEnvelope's bounds), with protobuf.</summary>
    private bool MakesTiles()
    {
        if (_makesTiles is bool known)
        {
            return known;
        }

        var makes = Run(c =>
        {
            using var command = new NpgsqlCommand("SELECT postgis_lib_version(), postgis_full_version() LIKE '%PROTOBUF%'", c);
            using var reader = command.ExecuteReader();
            reader.Read();
            var version = reader.GetString(0).Split('.', '-', ' ');
            return int.TryParse(version[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var major)
                && int.TryParse(version.Length > 1 ? version[1] : "0", NumberStyles.Integer, CultureInfo.InvariantCulture, out var minor)
                && (major > 3 || (major == 3 && minor >= 1))
                && reader.GetBoolean(1);
        });
        _makesTiles = makes;
        return makes;
    }

    /// <inheritdoc/>
    public override IEnumerable<LayerFeature> All(CancellationToken cancellationToken = default)
    {
        NpgsqlConnection c;
        try
        {
            c = _database.OpenConnection();
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            throw Unreachable(e, Where);
        }

        using (c)
        {
            using var command = new NpgsqlCommand($"{_select} ORDER BY t.ctid", c);
            foreach (var f in Read(command, cancellationToken))
            {
                yield return f;
            }
        }
    }

    private static NpgsqlDataSource Build(string connection)
    {
        var builder = new NpgsqlDataSourceBuilder(connection);
        builder.UseNetTopologySuite();
        return builder.Build();
    }

    private static string ConnectionString(LayerSourceSpec spec, string where)
    {
        var raw = spec.Connection;
        if (string.IsNullOrWhiteSpace(raw))
        {
            throw new InputException("PostGIS 图层没有 connection（no connection string）。",
                "在该图层的 source 中写 \"connection\": \"env:SPATIALPLAN_PG\"（从环境变量读取），或写 Npgsql 连接串（不要把密码写进 catalog.json）。", where);
        }

        if (raw.StartsWith("env:", StringComparison.Ordinal))
        {
            var name = raw[4..];
            raw = Environment.GetEnvironmentVariable(name);
            if (string.IsNullOrWhiteSpace(raw))
            {
                throw new InputException($"环境变量 {name} 没有设置，PostGIS 图层无法连接（environment variable {name} is not set）。",
                    $"设置 {name}，例如 export {name}='Host=127.0.0.1;Port=5432;Database=gis;Username=planner'（密码可放在 ~/.pgpass）。", where);
            }
        }

        try
        {
            var builder = new NpgsqlConnectionStringBuilder(raw);
            if (!raw.Contains("timeout", StringComparison.OrdinalIgnoreCase))
            {
                builder.Timeout = ConnectTimeoutSeconds;
            }

            return builder.ConnectionString;
        }
        catch (ArgumentException e)
        {
            throw new InputException($"PostGIS 连接串无法解析：{e.Message}（malformed connection string）。",
                "按 Npgsql 的格式写：Host=…;Port=…;Database=…;Username=…", where, inner: e);
        }
    }

    private static (string Schema, string Table) SplitTable(string? table, string where)
    {
        if (string.IsNullOrWhiteSpace(table))
        {
            throw new InputException("PostGIS 图层没有 table（no table）。", "在该图层的 source 中写 \"table\": \"public.farmland\"。", where);
        }

        var dot = table.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? ("public", table) : (table[..dot], table[(dot + 1)..]);
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static InputException Unreachable(Exception e, string where) => new(
        $"无法连接 PostGIS 数据库或查询失败：{e.Message}（PostGIS unreachable or the query failed）。",
        "检查数据库是否在运行、连接串（主机、端口、库名、用户）与权限；连接串可用 env:NAME 从环境变量读取。",
        where, inner: e);

    private static object? Scalar(NpgsqlConnection c, string sql)
    {
        using var command = new NpgsqlCommand(sql, c);
        return command.ExecuteScalar();
    }

    private T Run<T>(Func<NpgsqlConnection, T> work)
    {
        try
        {
            using var c = _database.OpenConnection();
            return work(c);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            throw Unreachable(e, Where);
        }
    }

    private IEnumerable<LayerFeature> Read(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (reader.IsDBNull(1))
            {
                continue;
            }

            var tid = reader.GetFieldValue<NpgsqlTid>(0);
            var geometry = reader.GetFieldValue<Geometry>(1);
            if (_srid != WorkingEpsg)
            {
                geometry = CrsTransformer.Transform(geometry, _srid, WorkingEpsg);
            }

            geometry.SRID = WorkingEpsg;
            var attributes = new AttributesTable();
            for (var i = 0; i < _columns.Count; i++)
            {
                if (!reader.IsDBNull(i + 2))
                {
                    attributes.Add(_columns[i].Name, reader.GetValue(i + 2) switch
                    {
                        decimal m => (double)m,
                        float f => (double)f,
                        short s => (long)s,
                        int n => (long)n,
                        var v => v,
                    });
                }
            }

            yield return new LayerFeature(((long)tid.BlockNumber << 16) | tid.OffsetNumber, StoredGeometry.Usable(geometry), attributes, Fields);
        }
    }

    private Envelope ToStored(Envelope working) => _srid == WorkingEpsg ? working : EnvelopeTransform.Transform(working, WorkingEpsg, _srid);

    private Envelope ToWorking(Envelope stored) => _srid == WorkingEpsg ? stored : EnvelopeTransform.Transform(stored, _srid, WorkingEpsg);
}
