using System.Text.Json;

namespace SpatialPlan.App.Tests;

/// <summary>What a planner sees, in real Chromium over the repository's gis-data.</summary>
public sealed class MapBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task MapLoadsWithGroupedLayersAndNoConsoleErrors()
    {
        await using var map = await MapPage.OpenAsync(fixture);
        await map.ScreenshotAsync("01-map");

        var groups = await map.Page.Locator(".layer-group h3").AllTextContentsAsync();
        Assert.Contains("三条控制线", groups);
        Assert.Contains("基础地理", groups);
        Assert.True(await map.Page.Locator(".layer-row input[type=checkbox]").CountAsync() >= 3);
        Assert.True(await map.Page.Locator("#schematic-badge").IsVisibleAsync());
        Assert.True(await map.PaintedPixelsAsync() > 10000);
        Assert.Empty(map.ConsoleErrors);
    }

    [Fact]
    public async Task SwitchingALayerOffChangesWhatIsDrawn()
    {
        await using var map = await MapPage.OpenAsync(fixture);
        var layerId = await FirstLoadedLayerAsync(map, "banner-boundary", "boundary");
        var before = await map.PaintedPixelsAsync();

        await map.Page.Locator($".layer-row input[data-layer='{layerId}']").UncheckAsync();
        await map.RenderedAsync();
        var after = await map.PaintedPixelsAsync();

        Assert.True(after < before, $"painted pixels {before} -> {after} after switching {layerId} off");
    }

    [Fact]
    public async Task ClickingAFeatureIdentifiesItWithProvenance()
    {
        await using var map = await MapPage.OpenAsync(fixture);
        var layerId = await FirstLoadedLayerAsync(map, "wetlands", "eco-redline");
        var target = await map.Page.EvaluateAsync<JsonElement>($"() => window.spatialPlan.pixelOfFeature('{layerId}')");
        var box = (await map.Page.Locator("#map").BoundingBoxAsync())!;

        await map.Page.Mouse.ClickAsync(box.X + target.GetProperty("x").GetSingle(), box.Y + target.GetProperty("y").GetSingle());
        var card = map.Page.Locator($"#identify-panel .identify-card[data-layer='{layerId}']");
        await card.WaitForAsync(new() { Timeout = 5000 });
        await map.ScreenshotAsync("03-identify");

        Assert.Contains(target.GetProperty("name").GetString()!, await card.Locator("h3").TextContentAsync());
        Assert.Contains("来源", await card.Locator(".provenance").TextContentAsync());
        Assert.Contains("示意", await card.Locator(".flag").TextContentAsync());
    }

    private static async Task<string> FirstLoadedLayerAsync(MapPage map, params string[] ids)
    {
        foreach (var id in ids)
        {
            if (await map.Page.EvaluateAsync<bool>($"() => !!window.spatialPlan.planMap.layers.get('{id}') && !window.spatialPlan.planMap.failed.has('{id}')"))
            {
                return id;
            }
        }

        throw new InvalidOperationException("none of the layers " + string.Join(", ", ids) + " is loaded");
    }
}
