using Microsoft.Data.Sqlite;
using SpatialPlan.Records.Auditing;
using SpatialPlan.Records.Book;
using SpatialPlan.Records.Store;

namespace SpatialPlan.Records.Tests;

/// <summary>The records suite on the embedded SQLite store, plus what only the file store has (WAL, durability settings, a read-only file).</summary>
public sealed class SqliteStoreTests : StoreSuite
{
    protected override StoreLocation NewLocation() => StoreLocation.Embedded(Data.Path);

    protected override void Raw(StoreLocation location, string sql)
    {
        using var connection = Open(location);
        using var command = new SqliteCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    // Directly in the SQLite file: drop the table's append-only triggers, then change the rows.
    protected override void Tamper(StoreLocation location, string table, string sql)
    {
        Raw(location, $"DROP TRIGGER IF EXISTS {table}_append_only_update; DROP TRIGGER IF EXISTS {table}_append_only_delete; {sql}");
    }

    [Fact]
    public void TheEmbeddedStoreIsCreatedOnFirstUseInRecordsBesideTheDataInWalMode()
    {
        Assert.False(Directory.Exists(Path.Combine(Data.Path, "records")));

        using var store = RecordStore.Open(StoreLocation.Resolve(Data.Path, null));

        var file = Path.Combine(Data.Path, "records", "records.sqlite");
        Assert.Equal(file, store.Location.SqlitePath);
        Assert.True(File.Exists(file));
        using var connection = Open(store.Location);
        using var mode = new SqliteCommand("PRAGMA journal_mode", connection);
        Assert.Equal("wal", mode.ExecuteScalar());
        using var migrations = new SqliteCommand("SELECT version || ' ' || name FROM schema_migrations", connection);
        Assert.Equal("1 0001_records_and_audit", migrations.ExecuteScalar());
    }

    [Fact]
    public void AnEnvironmentConnectionStringThatIsNotOneIsRefusedWithHowToWriteIt()
    {
        var e = Assert.Throws<Core.Sources.InputException>(() => StoreLocation.Resolve(Data.Path, "not a connection string"));
        Assert.Contains("Host=", e.Message, StringComparison.Ordinal);
        var env = Assert.Throws<Core.Sources.InputException>(() => StoreLocation.Resolve(Data.Path, "env:SPATIALPLAN_TEST_NO_SUCH_VARIABLE"));
        Assert.Contains("SPATIALPLAN_TEST_NO_SUCH_VARIABLE", env.Message, StringComparison.Ordinal);
        Assert.True(StoreLocation.Resolve(Data.Path, "Host=127.0.0.1;Database=x;Username=y").IsPostgres);
    }

    [Fact]
    public void AReadOnlyRecordsFolderIsUnavailableWithAReasonAndLosesNothing()
    {
        var location = StoreLocation.Embedded(Data.Path);
        using (var store = RecordStore.Open(location))
        {
            new RecordBook(store).Save(Draft(Data.Maker(), "测试光伏项目"), Actor.Loopback);
        }

        SqliteConnection.ClearAllPools();
        var folder = Path.Combine(Data.Path, "records");
        using var readOnly = ReadOnlyFolder.Make(folder);

        var e = Assert.Throws<StoreUnavailableException>(() =>
        {
            using var store = RecordStore.Open(location);
            new RecordBook(store).Save(Draft(Data.Maker(), "第二个项目"), Actor.Loopback);
        });

        Assert.Contains("只读", e.Message, StringComparison.Ordinal);
        Assert.Contains("records/", e.Message, StringComparison.Ordinal);
        readOnly.Dispose();
        using var reopened = RecordStore.Open(location);
        Assert.Single(new RecordBook(reopened).List());
        new RecordBook(reopened).Save(Draft(Data.Maker(), "可写之后的项目"), Actor.Loopback); // no read-only connection left in the pool
        Assert.Equal(2, new RecordBook(reopened).List().Count);
        Assert.True(new AuditLog(reopened).Verify().Intact);
    }

    [Fact]
    public void AStoreThatCouldNotBeOpenedReadOnlyIsWrittenOnceTheFolderIsWritableAgain()
    {
        var location = StoreLocation.Embedded(Data.Path);
        using (var store = RecordStore.Open(location))
        {
            new RecordBook(store).Save(Draft(Data.Maker(), "测试光伏项目"), Actor.Loopback);
        }

        SqliteConnection.ClearAllPools();
        var folder = Path.Combine(Data.Path, "records");
        using (ReadOnlyFolder.Make(folder))
        {
            Assert.Throws<StoreUnavailableException>(() => RecordStore.Open(location).Dispose());
        }

        using var reopened = RecordStore.Open(location);

        new RecordBook(reopened).Save(Draft(Data.Maker(), "可写之后的项目"), Actor.Loopback); // the read-only connection is not reused
        Assert.Equal(2, new RecordBook(reopened).List().Count);
    }

    private static SqliteConnection Open(StoreLocation location)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = location.SqlitePath, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }
}
