using Microsoft.Data.Sqlite;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace SpatialPlan.Core.Layers.GeoPackage;

/// <summary>One feature read from a GeoPackage table: its fid, geometry (with the table's SRID) and attributes.</summary>
/// <param name="Fid">The row's fid.</param>
/// <param name="Geometry">The geometry, in the table's CRS.</param>
/// <param name="Attributes">The attribute columns (null values left out).</param>
public sealed record GpkgFeature(long Fid, Geometry Geometry, IAttributesTable Attributes);

/// <summary>
/// Reads one feature table of a GeoPackage, read-only: its description, and features by envelope through the R-tree
/// index (<c>rtree_&lt;table&gt;_&lt;geom&gt;</c>) or all of them. One reader holds one SQLite connection and is not
/// thread-safe; open one per thread (opening is cheap: no feature is read until asked for).
/// </summary>
public sealed class GpkgLayerReader : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly GeoPackageGeoReader _blobs = new() { HandleSRID = true, HandleOrdinates = Ordinates.XY };
    private readonly string _select;
    private readonly string? _rtree;
    private SqliteCommand? _query;
    private SqliteCommand? _envelopes;
    private SqliteCommand? _get;

    private GpkgLayerReader(SqliteConnection connection, string table, string geometryColumn, int srid,
        Envelope? extent, IReadOnlyList<GpkgColumn> columns, string? rtree)
    {
        _connection = connection;
        Table = table;
        GeometryColumn = geometryColumn;
        Srid = srid;
        Extent = extent;
        Columns = columns;
        _rtree = rtree;
        _select = $"SELECT t.fid, t.\"{geometryColumn}\"{string.Concat(columns.Select(c => $", t.\"{c.Name}\""))} FROM \"{table}\" t";
    }

    /// <summary>The table read.</summary>
    public string Table { get; }

    /// <summary>Its geometry column.</summary>
    public string GeometryColumn { get; }

    /// <summary>EPSG code of its coordinates (gpkg_geometry_columns.srs_id).</summary>
    public int Srid { get; }

    /// <summary>The extent recorded in gpkg_contents, if any.</summary>
    public Envelope? Extent { get; }

    /// <summary>The attribute columns (every column but fid and the geometry).</summary>
    public IReadOnlyList<GpkgColumn> Columns { get; }

    /// <summary>True when the table has the R-tree index, so <see cref="Query"/> does not scan.</summary>
    public bool HasIndex => _rtree is not null;

    /// <summary>The feature tables of a GeoPackage (gpkg_contents with data_type 'features').</summary>
    /// <exception cref="GpkgException">The file is not a GeoPackage.</exception>
    public static IReadOnlyList<string> FeatureTables(string path)
    {
        using var connection = OpenConnection(path);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT table_name FROM gpkg_contents WHERE data_type = 'features' ORDER BY table_name";
        var tables = new List<string>();
        try
        {
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }
        catch (SqliteException e)
        {
            throw new GpkgException($"{Path.GetFileName(path)} is not a GeoPackage (no gpkg_contents): {e.Message}", e);
        }

        return tables;
    }

    /// <summary>Opens a feature table (the only one when <paramref name="table"/> is null).</summary>
    /// <exception cref="GpkgException">Not a GeoPackage, no such table, or more than one table and none named.</exception>
    public static GpkgLayerReader Open(string path, string? table = null)
    {
        if (table is null)
        {
            var tables = FeatureTables(path);
            table = tables.Count == 1 ? tables[0]
                : throw new GpkgException(tables.Count == 0
                    ? $"{Path.GetFileName(path)} holds no feature table"
                    : $"{Path.GetFileName(path)} holds {tables.Count} feature tables ({string.Join(", ", tables)}); name one as file.gpkg:table");
        }

        var connection = OpenConnection(path);
        try
        {
            var (geometryColumn, srid) = GeometryColumnOf(connection, table, path);
            var columns = ColumnsOf(connection, table, geometryColumn);
            var extent = ExtentOf(connection, table);
            var rtree = $"rtree_{table}_{geometryColumn}";
            var indexed = Scalar(connection, "SELECT count(*) FROM sqlite_master WHERE name = $n", ("$n", rtree)) is long n && n > 0;
            return new GpkgLayerReader(connection, table, geometryColumn, srid, extent, columns, indexed ? rtree : null);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>The number of rows.</summary>
    public long Count() => (long)Scalar(_connection, $"SELECT count(*) FROM \"{Table}\"")!;

    /// <summary>The features whose envelope intersects <paramref name="envelope"/> (in the table's CRS), by the R-tree.</summary>
    public IEnumerable<GpkgFeature> Query(Envelope envelope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        if (_rtree is null)
        {
            // No index: scan, filtering on the geometry's own envelope.
            foreach (var f in All(cancellationToken))
            {
                if (f.Geometry.EnvelopeInternal.Intersects(envelope))
                {
                    yield return f;
                }
            }

            yield break;
        }

        _query ??= QueryCommand();
        _query.Parameters[0].Value = envelope.MaxX;
        _query.Parameters[1].Value = envelope.MinX;
        _query.Parameters[2].Value = envelope.MaxY;
        _query.Parameters[3].Value = envelope.MinY;
        using var reader = _query.ExecuteReader();
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Read(reader) is { } feature)
            {
                yield return feature;
            }
        }
    }

    /// <summary>
    /// The fids and envelopes of the features whose envelope intersects <paramref name="envelope"/>, from the R-tree alone
    /// (no geometry is read). R-tree bounds are 32-bit floats rounded outwards, so an envelope may be a little larger than
    /// its geometry's and the answer a few features more than <see cref="Query"/>'s.
    /// </summary>
    public IEnumerable<(long Fid, Envelope Envelope)> QueryEnvelopes(Envelope envelope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        if (_rtree is null)
        {
            foreach (var f in All(cancellationToken))
            {
                if (f.Geometry.EnvelopeInternal.Intersects(envelope))
                {
                    yield return (f.Fid, f.Geometry.EnvelopeInternal);
                }
            }

            yield break;
        }

        if (_envelopes is null)
        {
            _envelopes = _connection.CreateCommand();
            _envelopes.CommandText = $"SELECT id, minx, maxx, miny, maxy FROM \"{_rtree}\" WHERE minx <= $maxx AND maxx >= $minx AND miny <= $maxy AND maxy >= $miny";
            foreach (var p in new[] { "$maxx", "$minx", "$maxy", "$miny" })
            {
                _envelopes.Parameters.Add(p, SqliteType.Real);
            }

            _envelopes.Prepare();
        }

        _envelopes.Parameters[0].Value = envelope.MaxX;
        _envelopes.Parameters[1].Value = envelope.MinX;
        _envelopes.Parameters[2].Value = envelope.MaxY;
        _envelopes.Parameters[3].Value = envelope.MinY;
        using var reader = _envelopes.ExecuteReader();
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return (reader.GetInt64(0), new Envelope(reader.GetDouble(1), reader.GetDouble(2), reader.GetDouble(3), reader.GetDouble(4)));
        }
    }

    /// <summary>Every feature, in fid order.</summary>
    public IEnumerable<GpkgFeature> All(CancellationToken cancellationToken = default)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = _select + " ORDER BY t.fid";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Read(reader) is { } feature)
            {
                yield return feature;
            }
        }
    }

    /// <summary>The feature with this fid, or null.</summary>
    public GpkgFeature? Get(long fid)
    {
        if (_get is null)
        {
            _get = _connection.CreateCommand();
            _get.CommandText = _select + " WHERE t.fid = $fid";
            _get.Parameters.Add("$fid", SqliteType.Integer);
            _get.Prepare();
        }

        _get.Parameters[0].Value = fid;
        using var reader = _get.ExecuteReader();
        return reader.Read() ? Read(reader) : null;
    }

    /// <summary>The feature count GDAL records in <c>gpkg_ogr_contents</c>, or null when the file has none (then use <see cref="Count"/>).</summary>
    public long? RecordedCount()
    {
        if (Scalar(_connection, "SELECT count(*) FROM sqlite_master WHERE name = 'gpkg_ogr_contents'") is not long n || n == 0)
        {
            return null;
        }

        return Scalar(_connection, "SELECT feature_count FROM gpkg_ogr_contents WHERE table_name = $t", ("$t", Table)) is long c ? c : null;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _query?.Dispose();
        _envelopes?.Dispose();
        _get?.Dispose();
        _connection.Dispose();
    }

    private SqliteCommand QueryCommand()
    {
        var command = _connection.CreateCommand();
        command.CommandText = _select + $" JOIN \"{_rtree}\" r ON t.fid = r.id WHERE r.minx <= $maxx AND r.maxx >= $minx AND r.miny <= $maxy AND r.maxy >= $miny";
        foreach (var p in new[] { "$maxx", "$minx", "$maxy", "$miny" })
        {
            command.Parameters.Add(p, SqliteType.Real);
        }

        command.Prepare();
        return command;
    }

    private GpkgFeature? Read(SqliteDataReader reader)
    {
        if (reader.IsDBNull(1))
        {
            return null;
        }

        Geometry geometry;
        try
        {
            var blob = (byte[])reader.GetValue(1);
            geometry = GpkgBlob.TryRead(blob, Srid, out var decoded) ? decoded! : _blobs.Read(blob);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException or IndexOutOfRangeException
            or NotSupportedException or ParseException or EndOfStreamException or InvalidOperationException)
        {
            throw new GpkgException($"{Table}: the geometry of fid {reader.GetInt64(0)} is not a GeoPackage geometry blob ({e.Message})", e);
        }
        if (geometry.SRID <= 0)
        {
            geometry.SRID = Srid;
        }

        var attributes = new AttributesTable();
        for (var i = 0; i < Columns.Count; i++)
        {
            if (reader.IsDBNull(i + 2))
            {
                continue;
            }

            attributes.Add(Columns[i].Name, Columns[i].Type switch
            {
                GpkgColumnType.Real => reader.GetDouble(i + 2),
                GpkgColumnType.Integer => reader.GetInt64(i + 2),
                GpkgColumnType.Boolean => reader.GetInt64(i + 2) != 0,
                _ => reader.GetValue(i + 2) is var v && v is string s ? s : Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture),
            });
        }

        return new GpkgFeature(reader.GetInt64(0), geometry, attributes);
    }

    private static SqliteConnection OpenConnection(string path)
    {
        if (!File.Exists(path))
        {
            throw new GpkgException($"{path} does not exist");
        }

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false,
        }.ToString());
        try
        {
            connection.Open();
            return connection;
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw new GpkgException($"{Path.GetFileName(path)} cannot be opened as SQLite: {e.Message}", e);
        }
    }

    private static (string Column, int Srid) GeometryColumnOf(SqliteConnection connection, string table, string path)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT column_name, srs_id FROM gpkg_geometry_columns WHERE table_name = $t";
        command.Parameters.AddWithValue("$t", table);
        try
        {
            using var reader = command.ExecuteReader();
            return reader.Read() ? (reader.GetString(0), reader.GetInt32(1))
                : throw new GpkgException($"{Path.GetFileName(path)} has no feature table \"{table}\"");
        }
        catch (SqliteException e)
        {
            throw new GpkgException($"{Path.GetFileName(path)} is not a GeoPackage (no gpkg_geometry_columns): {e.Message}", e);
        }
    }

    private static List<GpkgColumn> ColumnsOf(SqliteConnection connection, string table, string geometryColumn)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA table_info(\"{table}\")";
        using var reader = command.ExecuteReader();
        var columns = new List<GpkgColumn>();
        while (reader.Read())
        {
            var name = reader.GetString(1);
            var primaryKey = reader.GetInt32(5) > 0;
            if (!primaryKey && !string.Equals(name, geometryColumn, StringComparison.OrdinalIgnoreCase))
            {
                columns.Add(new GpkgColumn(name, GpkgColumn.FromSql(reader.GetString(2))));
            }
        }

        return columns;
    }

    private static Envelope? ExtentOf(SqliteConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT min_x, max_x, min_y, max_y FROM gpkg_contents WHERE table_name = $t";
        command.Parameters.AddWithValue("$t", table);
        using var reader = command.ExecuteReader();
        return reader.Read() && !reader.IsDBNull(0)
            ? new Envelope(reader.GetDouble(0), reader.GetDouble(1), reader.GetDouble(2), reader.GetDouble(3))
            : null;
    }

    private static object? Scalar(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command.ExecuteScalar();
    }
}

/// <summary>A file that is not a usable GeoPackage, or a table that is not in it. The message names the file.</summary>
public sealed class GpkgException : Exception
{
    /// <summary>Creates the exception.</summary>
    public GpkgException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
