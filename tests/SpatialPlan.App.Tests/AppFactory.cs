using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace SpatialPlan.App.Tests;

/// <summary>The app over a given data folder (the test fixture by default), with a small upload limit so the 413 path is cheap to test.</summary>
public class AppFactory : WebApplicationFactory<Program>
{
    /// <summary>The contract-shaped fixture copied next to the test assembly.</summary>
    public static string FixtureData => Path.Combine(AppContext.BaseDirectory, "TestData", "gis-data");

    public const int UploadLimitMegabytes = 1;

    protected virtual string DataDir => FixtureData;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("SpatialPlan:DataDir", DataDir);
        builder.UseSetting("SpatialPlan:MaxUploadMegabytes", UploadLimitMegabytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseEnvironment("Production");
    }
}
