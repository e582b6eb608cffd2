using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SpatialPlan.TestSupport;

namespace SpatialPlan.App.Tests;

/// <summary>
/// A tiled layer whose source fails (here: its GeoPackage overwritten while the server runs, read through its index as a
/// layer too big for the warm copy is) is greyed out in the layer panel with the server's reason, as a GeoJSON layer
/// that cannot be read is; the other layers draw as usual.
/// </summary>
public sealed class TiledLayerFailureBrowserTests
{
    [Fact]
    public async Task A_tiled_layer_whose_source_fails_is_greyed_out_with_the_servers_reason()
    {
        using var folder = new TempFolder("sp-tiles-fail-page");
        using var factory = StartCold(folder, out var url);
        // The layer is tiled (the plan is made when /api/layers is first asked), then its file breaks.
        using (var client = new HttpClient())
        {
            var layers = System.Text.Json.Nodes.JsonNode.Parse(await client.GetStringAsync(url + "/api/layers"))!["layers"]!.AsArray();
            Assert.NotNull(layers.Single(l => l!["id"]!.GetValue<string>() == "eco-redline")!["tiles"]);
        }

        var gpkg = Directory.GetFiles(Path.Combine(folder.Path, "layers"), "*.gpkg").Single(f => Path.GetFileName(f).Contains("eco-redline", StringComparison.Ordinal));
        File.WriteAllText(gpkg, "not a GeoPackage any more");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserFixture.LaunchChromium(playwright);
        var page = await OpenReady(browser, url);
        // The probe runs beside the page's loading: its answer greys the row when it comes.
        await page.WaitForSelectorAsync(".unavailable", new() { Timeout = 30000 });

        var failed = await page.EvaluateAsync<string[]>("() => [...window.spatialPlan.planMap.failed.keys()]");
        Assert.Equal(["eco-redline"], failed);
        var reason = await page.EvaluateAsync<string>("() => window.spatialPlan.planMap.failed.get('eco-redline')");
        Assert.False(string.IsNullOrWhiteSpace(reason));
        // Its row in the layer panel: greyed (class unavailable), its box disabled, the reason as the row's tooltip.
        var row = page.Locator(".unavailable").Filter(new() { Has = page.Locator("input:disabled") });
        Assert.Equal(1, await row.CountAsync());
        Assert.Equal(reason, await row.GetAttributeAsync("title"));
        Assert.False(await page.EvaluateAsync<bool>("() => window.spatialPlan.planMap.layers.get('eco-redline').layer.getVisible()"));
        Assert.True(await page.EvaluateAsync<bool>("() => window.spatialPlan.planMap.layers.get('towns') === undefined || !window.spatialPlan.planMap.failed.has('towns')"));
    }

    [Fact]
    public async Task A_tiled_layer_whose_source_fails_after_the_page_loaded_is_greyed_out_when_its_tiles_fail()
    {
        using var folder = new TempFolder("sp-tiles-fail-later");
        using var factory = StartCold(folder, out var url);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserFixture.LaunchChromium(playwright);
        var page = await OpenReady(browser, url);
        // While the file is whole, nothing is greyed and no tile failed.
        await page.WaitForTimeoutAsync(1000);
        Assert.Equal(0, await page.Locator(".unavailable").CountAsync());
        Assert.Equal(0, await page.EvaluateAsync<int>("() => window.spatialPlan.planMap.tileErrors"));

        // The file breaks while the page is open; the next tiles the view asks for fail.
        var gpkg = Directory.GetFiles(Path.Combine(folder.Path, "layers"), "*.gpkg").Single(f => Path.GetFileName(f).Contains("eco-redline", StringComparison.Ordinal));
        File.WriteAllText(gpkg, "not a GeoPackage any more");
        await page.EvaluateAsync("""
            () => {
              const view = window.spatialPlan.planMap.map.getView();
              view.setResolution(view.getResolution() / 16);
            }
            """);

        await page.WaitForSelectorAsync(".unavailable", new() { Timeout = 30000 });
        Assert.Equal(["eco-redline"], await page.EvaluateAsync<string[]>("() => [...window.spatialPlan.planMap.failed.keys()]"));
        Assert.True(await page.EvaluateAsync<int>("() => window.spatialPlan.planMap.tileErrors") > 0);
        Assert.False(await page.EvaluateAsync<bool>("() => window.spatialPlan.planMap.layers.get('eco-redline').layer.getVisible()"));
    }

    /// <summary>The fixture data as GeoPackages in <paramref name="folder"/>, served cold (<see cref="ColdFactory"/>) on a free port.</summary>
    private static ColdFactory StartCold(TempFolder folder, out string url)
    {
        SourceFolders.AsGeoPackage(AppFactory.FixtureData, folder.Path);
        var factory = new ColdFactory(folder.Path);
        url = factory.StartOnFreePort();
        return factory;
    }

    /// <summary>The map page, once it says it is ready.</summary>
    private static async Task<IPage> OpenReady(IBrowser browser, string url)
    {
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 }, Locale = "zh-CN" });
        await page.GotoAsync(url + "/");
        await page.WaitForSelectorAsync("body[data-ready='true']", new() { Timeout = 30000 });
        return page;
    }

    /// <summary>The folder, read through the layers' indexes: no warm copy in memory, no tile kept.</summary>
    private sealed class ColdFactory(string dataDir) : AppFactory
    {
        protected override string DataDir => dataDir;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("SpatialPlan:WarmIndexMaxFeatures", "0");
            builder.UseSetting("SpatialPlan:TileCacheMegabytes", "0");
        }
    }
}
