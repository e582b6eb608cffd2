using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace SpatialPlan.App.Tests;

/// <summary>
/// One real Kestrel server (random port) over the repository's gis-data, one headless Debian Chromium and one
/// loaded map page, shared by a test class: loading the plan's layers and the font is the slow part, so each
/// test starts from <see cref="MapAsync"/> (the page put back to its opening state) instead of a reload.
/// Never downloads a browser: it drives /usr/bin/chromium as STACK.md says.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public KestrelAppFactory Factory { get; } = new();

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = string.Empty;

    private MapPage? _map;

    /// <summary>Where screenshots go (under bin/, git-ignored), for a person to look at.</summary>
    public static string ScreenshotDir { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    public async Task InitializeAsync()
    {
        BaseUrl = Factory.StartOnFreePort();
        // The app makes the whole-layer answers of its smaller indexed layers on a background thread after start
        // (PlanData.WholeLayer), as a planner's server has done long before the first page: wait for them here, so the
        // page clock below measures the page. (The map draws the farmland GeoPackages from vector tiles: issue 10.)
        var data = Factory.Services.GetRequiredService<Layers.PlanData>();
        await Task.WhenAll(data.Catalog.Layers.Select(l => data.WholeLayer(l.Id)).OfType<Task<byte[]>>());
        _playwright = await Playwright.CreateAsync();
        Browser = await LaunchChromium(_playwright);
    }

    /// <summary>Debian's Chromium as every browser test starts it: headless, no sandbox (CI runs as root), no side traffic.</summary>
    public static Task<IBrowser> LaunchChromium(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new()
    {
        ExecutablePath = "/usr/bin/chromium",
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });

    /// <summary>The class's map page in its opening state (Chinese, default layers, no check), with no console errors recorded yet.</summary>
    public async Task<MapPage> MapAsync()
    {
        if (_map is null)
        {
            _map = await MapPage.OpenAsync(this);
        }
        else
        {
            await _map.ResetAsync();
        }

        return _map;
    }

    public async Task DisposeAsync()
    {
        if (_map is not null)
        {
            await _map.DisposeAsync();
        }

        await Browser.DisposeAsync();
        _playwright?.Dispose();
        await Factory.DisposeAsync();
    }

    /// <summary>The app over the repository's own gis-data (what a planner sees), falling back to the fixture.</summary>
    public sealed class KestrelAppFactory : AppFactory
    {
        /// <summary>The data folder the server uses.</summary>
        public string DataDirectory { get; } = RepoData ?? FixtureData;

        protected override string DataDir => DataDirectory;

        public static string? RepoData
        {
            get
            {
                for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                {
                    var candidate = Path.Combine(dir.FullName, "gis-data");
                    if (File.Exists(Path.Combine(candidate, "catalog.json")))
                    {
                        return Loads(candidate) ? candidate : null;
                    }
                }

                return null;
            }
        }

        // While the data branch is half-landed the repo's catalog may name files not there yet.
        private static bool Loads(string dir)
        {
            try
            {
                _ = Core.Layers.LayerCatalog.Load(dir);
                return true;
            }
            catch (Core.Sources.InputException)
            {
                return false;
            }
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("SpatialPlan:MaxUploadMegabytes", "20");
        }
    }
}
