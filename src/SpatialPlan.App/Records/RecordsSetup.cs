using SpatialPlan.App.Hosting;
using SpatialPlan.Records.Store;

namespace SpatialPlan.App.Records;

/// <summary>Registration of the records store, the audit trail and the record endpoints (issue 11).</summary>
public static class RecordsSetup
{
    /// <summary>The records host; a connection string that cannot be read stops the app at start-up with the reason.</summary>
    public static WebApplicationBuilder AddRecords(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<RecordsHost>();
        var database = builder.Configuration[RecordsHost.DatabaseKey];
        if (!string.IsNullOrWhiteSpace(database))
        {
            StartupBanner.StopOnSetupProblem(() => StoreLocation.Resolve(Path.GetTempPath(), database));
        }

        return builder;
    }
}
