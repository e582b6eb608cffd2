using Npgsql;
using SpatialPlan.Records.Store;

namespace SpatialPlan.Records.Tests;

/// <summary>The records suite on PostgreSQL (a throw-away cluster; skipped, saying why, where PostgreSQL is not installed).</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresStoreTests(PostgresDatabases databases) : StoreSuite
{
    protected override StoreLocation NewLocation() => StoreLocation.Postgres(databases.NewDatabase());

    protected override void Raw(StoreLocation location, string sql)
    {
        using var connection = new NpgsqlConnection(location.PostgresConnection + ";Search Path=spatialplan");
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    protected override void Tamper(StoreLocation location, string table, string sql) =>
        Raw(location, $"ALTER TABLE {table} DISABLE TRIGGER USER; {sql}; ALTER TABLE {table} ENABLE TRIGGER USER;");
}
