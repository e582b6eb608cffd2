using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using SpatialPlan.Core.Sources;

namespace SpatialPlan.App.Hosting;

/// <summary>Tells the planner which address to open once the server listens.</summary>
public static class StartupBanner
{
    public static WebApplication PrintStartupBanner(this WebApplication app)
    {
        RequireDataFolder(app);
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
            var url = addresses?.FirstOrDefault() ?? "http://127.0.0.1:5000";
            var data = app.Services.GetRequiredService<GisDataFolder>().Path;
            Console.WriteLine();
            Console.WriteLine("  杭锦后旗规划地图已启动，请在浏览器中打开：  " + url);
            Console.WriteLine("  SpatialPlan map is running; open in a browser: " + url);
            Console.WriteLine("  数据目录 Data folder: " + data);
            Console.WriteLine("  按 Ctrl+C 停止 / press Ctrl+C to stop");
            Console.WriteLine();
        });
        return app;
    }

    /// <summary>A missing data folder stops the app at once with the planner-readable reason, not a stack trace.</summary>
    private static void RequireDataFolder(WebApplication app)
    {
        try
        {
            _ = app.Services.GetRequiredService<GisDataFolder>().Path;
            _ = app.Services.GetRequiredService<Layers.PlanData>().Response;
        }
        catch (InputException e) when (System.Reflection.Assembly.GetEntryAssembly() == typeof(StartupBanner).Assembly)
        {
            // Run as the app itself (not hosted by a test): the message is all a planner needs.
            Console.Error.WriteLine(e.Message);
            Environment.Exit(2);
        }
    }
}
