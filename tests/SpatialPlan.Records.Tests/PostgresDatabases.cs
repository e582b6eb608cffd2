using SpatialPlan.TestSupport;

namespace SpatialPlan.Records.Tests;

/// <summary>
/// The records suite's PostgreSQL: one throw-away cluster of the shared test support (<see cref="PostgresCluster"/>) for
/// the whole collection, and a new database for each test. Where PostgreSQL is not installed, <see cref="SkipReason"/> says
/// so and the PostgreSQL run skips with it.
/// </summary>
public sealed class PostgresDatabases : IDisposable
{
    private readonly PostgresCluster? _cluster;

    public PostgresDatabases()
    {
        _cluster = PostgresCluster.Start(out var reason);
        SkipReason = reason;
    }

    /// <summary>Why there is no cluster, or null.</summary>
    public string? SkipReason { get; }

    /// <summary>The connection string of a new, empty database (skips the test when there is no cluster).</summary>
    public string NewDatabase()
    {
        Skip.If(_cluster is null, SkipReason);
        return _cluster!.CreateDatabase("records_" + Guid.NewGuid().ToString("N")[..12]);
    }

    public void Dispose() => _cluster?.Dispose();
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresDatabases>
{
    public const string Name = "records-postgres";
}
