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
            var area = app.Services.GetRequiredService<Layers.PlanData>().Catalog.DataArea;
            Console.WriteLine();
            Console.WriteLine($"  {area.NameZh}规划地图已启动，请在浏览器中打开：  " + url);
            Console.WriteLine("  SpatialPlan map is running; open in a browser: " + url);
            Console.WriteLine("  数据目录 Data folder: " + data);
            Console.WriteLine($"  工作坐标系 Working CRS: {area.WorkingCrs?.Name}（{area.WorkingCrs?.DescribeZh}）");
            Console.WriteLine("  按 Ctrl+C 停止 / press Ctrl+C to stop");
            Console.WriteLine();
        });
        return app;
    }

    /// <summary>
    /// A data folder with a problem stops the app at once with one planner-readable line (the file, the catalog
    /// entry, what is wrong, how to fix it), not a stack trace or a first request that fails: the catalog, the styles
    /// and every layer are read and checked here, before the app listens.
    /// </summary>
    private static void RequireDataFolder(WebApplication app) => StopOnSetupProblem(() =>
    {
        _ = app.Services.GetRequiredService<GisDataFolder>().Path;
        var data = app.Services.GetRequiredService<Layers.PlanData>();
        _ = data.Response;
        _ = data.Catalog.DataArea;
        data.Store.Preload(data.Catalog.Layers.Select(l => l.Id));
    });

    /// <summary>Runs a start-up step; run as the app itself (not hosted by a test), a setup problem is printed as one line and
    /// the process exits 2, as the CLI does. Hosted by a test, the <see cref="InputException"/> propagates.</summary>
    internal static void StopOnSetupProblem(Action step)
    {
        try
        {
            step();
        }
        catch (InputException e) when (System.Reflection.Assembly.GetEntryAssembly() == typeof(StartupBanner).Assembly)
        {
            Console.Error.WriteLine($"数据目录或设置有误，程序未启动（setup problem, not started）：{e.Message.ReplaceLineEndings(" ")}");
            Environment.Exit(2);
        }
    }
}
