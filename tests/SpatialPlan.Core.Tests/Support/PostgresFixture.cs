using SpatialPlan.TestSupport;

namespace SpatialPlan.Core.Tests.Support;

/// <summary>
/// One throw-away PostgreSQL + PostGIS cluster for the tests of the <see cref="PostgresCollection"/>, started before the
/// first of them and stopped and deleted after the last (<see cref="PostgresCluster"/>). Where PostgreSQL or PostGIS is
/// not installed, <see cref="Cluster"/> is null and the tests skip with <see cref="SkipReason"/>.
/// </summary>
public sealed class PostgresFixture : IDisposable
{
    public PostgresFixture()
    {
        Cluster = PostgresCluster.Start(out var reason);
        SkipReason = reason;
    }

    /// <summary>The running cluster, or null.</summary>
    public PostgresCluster? Cluster { get; }

    /// <summary>Why there is no cluster (null when there is one).</summary>
    public string? SkipReason { get; }

    /// <summary>The cluster, or a skip with the reason.</summary>
    public PostgresCluster Require()
    {
        Skip.If(Cluster is null, SkipReason);
        return Cluster!;
    }

    /// <inheritdoc/>
    public void Dispose() => Cluster?.Dispose();
}

/// <summary>Tests that share the throw-away PostgreSQL cluster.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "PostgreSQL";
}
