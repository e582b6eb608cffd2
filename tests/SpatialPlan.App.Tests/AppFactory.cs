using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace SpatialPlan.App.Tests;

/// <summary>The app over a given data folder (the test fixture by default), with a small upload limit so the 413 path is cheap to test.</summary>
public class AppFactory : WebApplicationFactory<Program>
{
    /// <summary>The contract-shaped fixture copied next to the test assembly.</summary>
    public static string FixtureData => Path.Combine(AppContext.BaseDirectory, "TestData", "gis-data");

    public const int UploadLimitMegabytes = 1;

    protected virtual string DataDir => FixtureData;

    /// <summary>Starts a real Kestrel server on a free loopback port (for a browser) and answers its address, e.g.
    /// <c>http://127.0.0.1:41234</c>, without a trailing slash.</summary>
    public string StartOnFreePort()
    {
        UseKestrel(0);
        StartServer();
        return Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
            .Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("SpatialPlan:DataDir", DataDir);
        builder.UseSetting("SpatialPlan:MaxUploadMegabytes", UploadLimitMegabytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseEnvironment("Production");
    }
}
