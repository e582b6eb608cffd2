using SpatialPlan.App.Checks;
using SpatialPlan.App.Hosting;
using SpatialPlan.App.Layers;
using SpatialPlan.Records.Auditing;
using SpatialPlan.Records.Book;
using SpatialPlan.Records.Store;

namespace SpatialPlan.App.Records;

/// <summary>
/// The app's records store and its check-and-render path. The store is the data folder's <c>records/records.sqlite</c>
/// (the one the CLI finds for the same folder) unless <c>SpatialPlan:Database</c> gives a PostgreSQL connection string.
/// It is opened on first use; a store that cannot be opened is tried again after <see cref="RetryAfter"/> (a folder made
/// writable, a database started), and meanwhile saving answers 503 with the reason and checks go on without waiting for
/// an unreachable database on every request.
/// </summary>
public sealed class RecordsHost : IDisposable
{
    /// <summary>The configuration key of the PostgreSQL connection string.</summary>
    public const string DatabaseKey = "SpatialPlan:Database";

    private readonly Lazy<StoreLocation> _location;
    private readonly Lazy<RecordMaker> _maker;
    private readonly Lock _gate = new();
    private RecordStore? _store;
    private StoreUnavailableException? _failure;
    private DateTime _failedAt;

    /// <summary>How long a failure to open the store is answered from memory before the next attempt.</summary>
    public static TimeSpan RetryAfter { get; } = TimeSpan.FromSeconds(15);

    public RecordsHost(IConfiguration configuration, GisDataFolder folder, PlanData data, SiteCheckRunner runner)
    {
        _location = new Lazy<StoreLocation>(() => StoreLocation.Resolve(folder.Path, configuration[DatabaseKey]));
        _maker = new Lazy<RecordMaker>(() => new RecordMaker(runner.Check(), data.Store, data.Styles));
    }

    public StoreLocation Location => _location.Value;

    /// <summary>The check and the report renderer of the served data.</summary>
    public RecordMaker Maker => _maker.Value;

    /// <summary>The data version of the served data.</summary>
    public string? DataVersion => Maker.DataVersion;

    /// <summary>The open store.</summary>
    /// <exception cref="StoreUnavailableException">It cannot be opened now.</exception>
    public RecordStore Store()
    {
        lock (_gate)
        {
            if (_store is not null)
            {
                return _store;
            }

            if (_failure is not null && DateTime.UtcNow - _failedAt < RetryAfter)
            {
                throw new StoreUnavailableException(_failure.Message, _failure);
            }

            try
            {
                _store = RecordStore.Open(Location);
                _failure = null;
                return _store;
            }
            catch (StoreUnavailableException e)
            {
                (_failure, _failedAt) = (e, DateTime.UtcNow);
                throw;
            }
        }
    }

    public RecordBook Book() => new(Store());

    public AuditLog Audit() => new(Store());

    /// <summary>
    /// Who is acting: a signed-in account once issue 11 part 2 adds sign-in, else <c>local</c> (the app on loopback).
    /// </summary>
    public static Actor ActorOf(HttpContext context) =>
        context.User.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name } ? new Actor(name, "account") : Actor.Loopback;

    public void Dispose()
    {
        lock (_gate)
        {
            _store?.Dispose();
            _store = null;
        }
    }
}
