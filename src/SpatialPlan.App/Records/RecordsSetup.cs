using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using SpatialPlan.App.Hosting;
using SpatialPlan.Records.Store;

namespace SpatialPlan.App.Records;

/// <summary>Registration of the records store, the audit trail and the record endpoints (issue 11).</summary>
public static class RecordsSetup
{
    /// <summary>The rate-limiter policy of record saves and re-checks.</summary>
    public const string SavePolicy = "records-save";

    /// <summary>
    /// The records host; a connection string that cannot be read stops the app at start-up with the reason. Saves and
    /// re-checks (a check and a report PDF each, the PDF the heavier part) get a concurrency limit of their own, half
    /// the cores, so that checks never queue behind report renders: a planner's check stays interactive while others
    /// save. More saves wait in a queue; a full queue is answered 503 (the work budget's "busy" message).
    /// </summary>
    public static WebApplicationBuilder AddRecords(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<RecordsHost>();
        var options = builder.Configuration.GetSection(SpatialPlanOptions.Section).Get<SpatialPlanOptions>() ?? new SpatialPlanOptions();
        builder.Services.Configure<RateLimiterOptions>(o => o.AddConcurrencyLimiter(SavePolicy, l =>
        {
            l.PermitLimit = Math.Max(1, options.MaxConcurrentWork / 2);
            l.QueueLimit = options.MaxQueuedWork;
            l.QueueProcessingOrder = QueueProcessingOrder.OldestFirst;
        }));
        var database = builder.Configuration[RecordsHost.DatabaseKey];
        if (!string.IsNullOrWhiteSpace(database))
        {
            StartupBanner.StopOnSetupProblem(() => StoreLocation.Resolve(Path.GetTempPath(), database));
        }

        return builder;
    }
}
