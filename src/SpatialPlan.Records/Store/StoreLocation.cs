using Npgsql;
using SpatialPlan.Core.Sources;

namespace SpatialPlan.Records.Store;

/// <summary>
/// Where the records store of a data folder lives: the embedded SQLite file <c>{data}/records/records.sqlite</c>
/// (docs/data-sources.md §1), unless a PostgreSQL connection string is given (<c>--database</c> in the CLI,
/// <c>SpatialPlan:Database</c> in the app, or the environment variable <c>SPATIALPLAN_DATABASE</c>). The CLI and the
/// app resolve it the same way, so they find the same store for the same data folder.
/// </summary>
public sealed record StoreLocation
{
    /// <summary>The folder beside catalog.json that holds the embedded store.</summary>
    public const string FolderName = "records";

    /// <summary>The SQLite file inside <see cref="FolderName"/>.</summary>
    public const string FileName = "records.sqlite";

    /// <summary>Environment variable with a PostgreSQL connection string (used when no option gives one).</summary>
    public const string EnvironmentVariable = "SPATIALPLAN_DATABASE";

    private StoreLocation()
    {
    }

    /// <summary>The SQLite file, or null for PostgreSQL.</summary>
    public string? SqlitePath { get; private init; }

    /// <summary>The PostgreSQL connection string, or null for SQLite.</summary>
    public string? PostgresConnection { get; private init; }

    public bool IsPostgres => PostgresConnection is not null;

    /// <summary>The embedded store of a data folder.</summary>
    public static StoreLocation Embedded(string dataDir) =>
        new() { SqlitePath = Path.Combine(Path.GetFullPath(dataDir), FolderName, FileName) };

    /// <summary>A SQLite file anywhere (tests, a store kept on another disk).</summary>
    public static StoreLocation SqliteFile(string path) => new() { SqlitePath = Path.GetFullPath(path) };

    /// <summary>A PostgreSQL database.</summary>
    public static StoreLocation Postgres(string connectionString) => new() { PostgresConnection = connectionString };

    /// <summary>
    /// The store for <paramref name="dataDir"/>: <paramref name="database"/> when given (a Npgsql connection string, or
    /// <c>env:NAME</c> to read one from an environment variable), else <c>SPATIALPLAN_DATABASE</c>, else the embedded file.
    /// </summary>
    /// <exception cref="InputException">The connection string cannot be read; the message says how to write one.</exception>
    public static StoreLocation Resolve(string dataDir, string? database)
    {
        var text = string.IsNullOrWhiteSpace(database) ? Environment.GetEnvironmentVariable(EnvironmentVariable) : database;
        if (string.IsNullOrWhiteSpace(text))
        {
            return Embedded(dataDir);
        }

        text = text.Trim();
        if (text.StartsWith("env:", StringComparison.OrdinalIgnoreCase))
        {
            var name = text[4..];
            text = Environment.GetEnvironmentVariable(name);
            if (string.IsNullOrWhiteSpace(text))
            {
                throw new InputException($"数据库设置 env:{name} 指向的环境变量为空或不存在（the environment variable {name} is not set）。",
                    $"设置环境变量 {name} 为 PostgreSQL 连接串，例如 Host=127.0.0.1;Port=5432;Database=spatialplan;Username=planner。");
            }
        }

        try
        {
            var builder = new NpgsqlConnectionStringBuilder(text);
            if (string.IsNullOrWhiteSpace(builder.Host))
            {
                throw new ArgumentException("Host is missing");
            }
        }
        catch (ArgumentException e)
        {
            throw new InputException($"数据库连接串无法识别（not a PostgreSQL connection string: {e.Message}）。",
                "写成 Host=127.0.0.1;Port=5432;Database=spatialplan;Username=planner（密码可放在 PGPASSWORD 或 ~/.pgpass 中），或用 env:变量名 读取环境变量；不给则使用数据目录下的 records/records.sqlite。",
                inner: e);
        }

        return Postgres(text);
    }

    /// <summary>Where the store is, for messages (the PostgreSQL password is never shown).</summary>
    public override string ToString()
    {
        if (SqlitePath is not null)
        {
            return SqlitePath;
        }

        var b = new NpgsqlConnectionStringBuilder(PostgresConnection) { Password = null };
        return $"PostgreSQL {b.Host}:{b.Port}/{b.Database}";
    }
}
