using System.Data.Common;
using System.Reflection;

namespace SpatialPlan.Records.Store;

/// <summary>
/// The records store (台账库): the embedded SQLite file of a data folder or a PostgreSQL database, with the same schema,
/// created and migrated on first use (the numbered SQL scripts of Store/Migrations/{sqlite,postgres}, recorded in
/// <c>schema_migrations</c>). Thread-safe; open once and share. Every failure that means "cannot be used now" is a
/// <see cref="StoreUnavailableException"/>.
/// </summary>
public sealed class RecordStore : IDisposable
{
    private readonly StoreDialect _dialect;
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    private RecordStore(StoreLocation location, TimeProvider clock)
    {
        Location = location;
        Clock = clock;
        _dialect = StoreDialect.For(location);
    }

    public StoreLocation Location { get; }

    /// <summary>The clock of the store's time stamps.</summary>
    public TimeProvider Clock { get; }

    /// <summary>"sqlite" or "postgres".</summary>
    public string Dialect => _dialect.Name;

    /// <summary>The highest migration applied.</summary>
    public int SchemaVersion { get; private set; }

    /// <summary>Opens the store (creating the file or schema on first use) and applies the migrations it lacks.</summary>
    /// <exception cref="StoreUnavailableException">The store cannot be opened or written.</exception>
    public static RecordStore Open(StoreLocation location, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(location);
        var store = new RecordStore(location, clock ?? TimeProvider.System);
        try
        {
            // A store that is up to date is not written on open: a read-only store can still be read.
            var known = Migrations.For(store._dialect.Name).Max(m => m.Version);
            store.SchemaVersion = store.AppliedVersion();
            if (store.SchemaVersion < known)
            {
                store.SchemaVersion = store.Write((c, t) => Migrations.Apply(store._dialect, c, t, StoreTime.Text(store.Clock.GetUtcNow())));
            }

            return store;
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    /// <summary>Reads the applied schema version from the store now (a health probe: it opens a connection and reads).</summary>
    /// <exception cref="StoreUnavailableException">The store cannot be read.</exception>
    public int ReadSchemaVersion() => AppliedVersion();

    private int AppliedVersion()
    {
        try
        {
            return Read(c => c.Scalar(null, "SELECT MAX(version) FROM schema_migrations") is { } v ? Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture) : 0);
        }
        catch (DbException)
        {
            return 0; // no schema_migrations table (or schema) yet: a new store
        }
    }

    /// <summary>The current time as the store writes it.</summary>
    public string Now() => StoreTime.Text(Clock.GetUtcNow());

    /// <summary>Runs <paramref name="work"/> in one write transaction holding the store's write lock; commits (durably) when it returns.</summary>
    internal T Write<T>(Func<DbConnection, DbTransaction, T> work)
    {
        _writeLock.Wait();
        DbConnection? connection = null;
        try
        {
            connection = _dialect.Open();
            using var transaction = _dialect.BeginWrite(connection);
            var result = work(connection, transaction);
            transaction.Commit();
            return result;
        }
        catch (Exception e) when (_dialect.Translate(e, Location) is { } unavailable)
        {
            _dialect.Discard(connection);
            throw unavailable;
        }
        finally
        {
            connection?.Dispose();
            _writeLock.Release();
        }
    }

    /// <summary>Runs <paramref name="work"/> on a connection of its own (reads see the last committed state).</summary>
    internal T Read<T>(Func<DbConnection, T> work)
    {
        DbConnection? connection = null;
        try
        {
            connection = _dialect.Open();
            return work(connection);
        }
        catch (Exception e) when (_dialect.Translate(e, Location) is { } unavailable)
        {
            _dialect.Discard(connection);
            throw unavailable;
        }
        finally
        {
            connection?.Dispose();
        }
    }

    public void Dispose() => _writeLock.Dispose();

    /// <summary>The numbered migration scripts, embedded in this assembly.</summary>
    internal static class Migrations
    {
        public static IReadOnlyList<(int Version, string Name, string Sql)> For(string dialect)
        {
            var assembly = typeof(RecordStore).Assembly;
            var prefix = $"migrations/{dialect}/";
            return [.. assembly.GetManifestResourceNames()
                .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
                .Select(n => (Version: int.Parse(n[prefix.Length..].Split('_')[0], System.Globalization.CultureInfo.InvariantCulture), Name: Path.GetFileNameWithoutExtension(n[prefix.Length..]), Sql: Read(assembly, n)))
                .OrderBy(m => m.Version)];
        }

        public static int Apply(StoreDialect dialect, DbConnection connection, DbTransaction transaction, string now)
        {
            dialect.PrepareSchema(connection, transaction);
            connection.Execute(transaction, "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
            var applied = connection.Query(transaction, "SELECT version FROM schema_migrations", r => (int)r.Long("version")).ToHashSet();
            var latest = applied.Count == 0 ? 0 : applied.Max();
            foreach (var (version, name, sql) in For(dialect.Name).Where(m => !applied.Contains(m.Version)))
            {
                connection.Execute(transaction, sql);
                connection.Execute(transaction, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@v, @n, @t)", ("v", version), ("n", name), ("t", now));
                latest = Math.Max(latest, version);
            }

            return latest;
        }

        private static string Read(Assembly assembly, string name)
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
    }
}
