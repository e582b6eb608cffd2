using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace SpatialPlan.Records.Store;

/// <summary>What differs between the embedded SQLite store and PostgreSQL: opening, the write lock, the migrations, the errors.</summary>
internal abstract class StoreDialect
{
    /// <summary>The folder name of this dialect's migration scripts.</summary>
    public abstract string Name { get; }

    public abstract DbConnection Open();

    /// <summary>Begins a write transaction that holds the store's write lock until it ends (the audit chain needs one writer at a time).</summary>
    public abstract DbTransaction BeginWrite(DbConnection connection);

    /// <summary>Runs before the migrations, inside their transaction.</summary>
    public virtual void PrepareSchema(DbConnection connection, DbTransaction transaction)
    {
    }

    /// <summary>Drops a failed connection's pool, so that a store that becomes usable again (a folder made writable) is opened afresh.</summary>
    public virtual void Discard(DbConnection? connection)
    {
    }

    /// <summary>The store's own words for a failure that means "unavailable now" (503), or null for anything else.</summary>
    public abstract StoreUnavailableException? Translate(Exception e, StoreLocation location);

    public static StoreDialect For(StoreLocation location) => location.IsPostgres
        ? new PostgresDialect(location.PostgresConnection!)
        : new SqliteDialect(location.SqlitePath!);

    protected static StoreUnavailableException ReadOnly(StoreLocation location, string why, Exception e) => new(
        $"台账库只读或无法写入（{location}），核查照常可用，但现在不能保存台账。原因：{why}。" +
        "处理办法：让运行 SpatialPlan 的用户对数据目录下的 records/ 文件夹有写权限，或用 --database / SpatialPlan:Database 指定可写的 PostgreSQL 数据库。" +
        $" The records store is read-only or cannot be written ({why}); checks still work, saving does not. Make the records/ folder writable or give a writable PostgreSQL database.", e);

    protected static StoreUnavailableException Full(StoreLocation location, Exception e) => new(
        $"台账库所在磁盘已满（{location}），核查照常可用，但现在不能保存台账。处理办法：清理磁盘空间后重试。" +
        " The disk of the records store is full; checks still work, saving does not. Free some space and retry.", e);

    protected static StoreUnavailableException Busy(StoreLocation location, Exception e) => new(
        $"台账库正忙（{location}），请稍后重试。 The records store is busy; please retry in a moment.", e);

    protected static StoreUnavailableException Damaged(StoreLocation location, Exception e) => new(
        $"台账库文件已损坏或不是台账库（{location}）。处理办法：停止 SpatialPlan，用备份替换该文件，或请系统维护人员检查。" +
        " The records store file is damaged or not a records store: restore it from a backup.", e);
}

/// <summary>
/// The embedded store: one SQLite file in WAL mode. <c>synchronous=FULL</c>: a commit returns only after the WAL is
/// fsynced, so a record answered 201 survives a kill -9 and a power cut (NORMAL would survive the kill but could lose
/// the last commits on power loss; saves are human-paced, so the extra fsync costs nothing that matters).
/// </summary>
internal sealed class SqliteDialect : StoreDialect
{
    private readonly string _path;
    private readonly string _connectionString;

    public SqliteDialect(string path)
    {
        _path = path;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
            ForeignKeys = true,
        }.ToString();
    }

    public override string Name => "sqlite";

    public override DbConnection Open()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();

            // SQLite opens a file it may not write read-only, silently. Such a connection must not go back to the pool, or
            // it would still be handed out (and refuse writes) after the file became writable again.
            if (SQLitePCL.raw.sqlite3_db_readonly(connection.Handle, "main") == 1)
            {
                SqliteConnection.ClearPool(connection);
            }

            connection.Execute(null, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000;");
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    // SQLite opens a file it cannot write read-only, and the pool would keep handing out that connection after the
    // file became writable again.
    public override void Discard(DbConnection? connection)
    {
        if (connection is SqliteConnection sqlite)
        {
            SqliteConnection.ClearPool(sqlite);
        }
    }

    // BEGIN IMMEDIATE (Microsoft.Data.Sqlite's non-deferred transaction) takes the write lock now, not at the first write.
    public override DbTransaction BeginWrite(DbConnection connection) => ((SqliteConnection)connection).BeginTransaction(deferred: false);

    public override StoreUnavailableException? Translate(Exception e, StoreLocation location) => e switch
    {
        SqliteException s => s.SqliteErrorCode switch
        {
            3 or 8 or 14 or 23 => ReadOnly(location, s.Message, e),         // PERM, READONLY, CANTOPEN, AUTH
            13 => Full(location, e),                                       // FULL
            5 or 6 => Busy(location, e),                                   // BUSY, LOCKED
            11 or 26 => Damaged(location, e),                              // CORRUPT, NOTADB
            10 => IsDiskFull(s) ? Full(location, e) : ReadOnly(location, s.Message, e), // IOERR
            _ => null,
        },
        UnauthorizedAccessException or DirectoryNotFoundException => ReadOnly(location, e.Message, e),
        IOException io when io.HResult == 28 || io.Message.Contains("No space", StringComparison.OrdinalIgnoreCase) => Full(location, e),
        IOException => ReadOnly(location, e.Message, e),
        _ => null,
    };

    private static bool IsDiskFull(SqliteException s) => s.Message.Contains("full", StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// PostgreSQL: the tables live in the schema <c>spatialplan</c> (or the connection string's first search-path
/// schema); writers serialise on a transaction-scoped advisory lock, so two app instances keep one audit chain.
/// A commit returns after the WAL flush (PostgreSQL's default <c>synchronous_commit=on</c>).
/// </summary>
internal sealed class PostgresDialect : StoreDialect
{
    /// <summary>The advisory lock key of the records store's writers ("SPLAN" in ASCII).</summary>
    private const long WriteLockKey = 0x53504C414EL;

    private readonly NpgsqlDataSource _source;
    private readonly string _schema;

    public PostgresDialect(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (string.IsNullOrWhiteSpace(builder.SearchPath))
        {
            builder.SearchPath = "spatialplan";
        }

        _schema = builder.SearchPath.Split(',')[0].Trim().Trim('"');
        builder.ApplicationName ??= "spatialplan-records";
        _source = NpgsqlDataSource.Create(builder.ConnectionString);
    }

    public override string Name => "postgres";

    public override DbConnection Open() => _source.OpenConnection();

    public override DbTransaction BeginWrite(DbConnection connection)
    {
        var transaction = connection.BeginTransaction();
        connection.Execute(transaction, "SELECT pg_advisory_xact_lock(@key)", ("key", WriteLockKey));
        return transaction;
    }

    public override void PrepareSchema(DbConnection connection, DbTransaction transaction) =>
        connection.Execute(transaction, $"CREATE SCHEMA IF NOT EXISTS \"{_schema.Replace("\"", "\"\"", StringComparison.Ordinal)}\"");

    public override StoreUnavailableException? Translate(Exception e, StoreLocation location) => e switch
    {
        PostgresException p => p.SqlState switch
        {
            "53100" => Full(location, e),                                  // disk_full
            "25006" or "42501" => ReadOnly(location, p.MessageText, e),    // read_only_sql_transaction, insufficient_privilege
            "55P03" or "40001" or "40P01" or "53300" => Busy(location, e), // lock_not_available, serialization, deadlock, too_many_connections
            _ when p.SqlState.StartsWith("08", StringComparison.Ordinal) || p.SqlState.StartsWith("57P", StringComparison.Ordinal) || p.SqlState.StartsWith("28", StringComparison.Ordinal) =>
                new StoreUnavailableException($"无法使用台账数据库 {location}：{p.MessageText}。处理办法：检查数据库是否运行、连接串与权限是否正确。 The records database cannot be used: {p.MessageText}.", e),
            _ => null,
        },
        NpgsqlException n => new StoreUnavailableException(
            $"无法连接台账数据库 {location}：{n.Message}。处理办法：检查 PostgreSQL 是否运行、连接串是否正确。 Cannot reach the records database: {n.Message}.", e),
        _ => null,
    };
}
