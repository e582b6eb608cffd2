using System.Text.Json;

namespace SpatialPlan.App.Tests;

/// <summary>What a planner sees, in real Chromium over the repository's gis-data.</summary>
[Collection(BrowserCollection.Name)]
public sealed class MapBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task MapLoadsWithGroupedLayersAndNoConsoleErrors()
    {
        var map = await fixture.MapAsync();
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
        var map = await fixture.MapAsync();
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
        var map = await fixture.MapAsync();
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

    [Fact]
    public async Task TheEmbeddedFarmlandIsDrawnFromTilesAndIdentifiedThroughTheServer()
    {
        var map = await fixture.MapAsync();
        var queries = new List<string>();
        var tiles = new List<int>();
        void Log(object? sender, Microsoft.Playwright.IResponse r)
        {
            var path = new Uri(r.Url).PathAndQuery;
            if (path.StartsWith("/api/layers/farmland/features?", StringComparison.Ordinal)) queries.Add(path);
            if (path.StartsWith("/api/tiles/farmland/", StringComparison.Ordinal)) tiles.Add(r.Status);
        }

        map.Page.Response += Log;
        try
        {
            // The catalog gives the farmland a tile grid in the working CRS; the page never asks for the whole layer (a 413 now).
            var grid = await map.Page.EvaluateAsync<JsonElement>("() => window.spatialPlan.planMap.layers.get('farmland').info.tiles");
            Assert.Equal(await map.Page.EvaluateAsync<string>("() => window.spatialPlan.map.getView().getProjection().getCode()"), grid.GetProperty("crs").GetString());
            Assert.True(await map.Page.EvaluateAsync<bool>("() => window.spatialPlan.planMap.layers.get('farmland').tiled"));

            // At 1:5 000 over a 图斑 drawn from the tiles, a click shows the 图斑 the server finds at that point.
            await map.Page.EvaluateAsync(
                """
                async () => {
                  const sp = window.spatialPlan, view = sp.map.getView();
                  for (const scale of [50000, 5000]) {
                    const p = sp.pixelOfFeature('farmland');
                    if (p) view.setCenter(sp.map.getCoordinateFromPixel([p.x, p.y]));
                    view.setResolution(scale * 0.00028);
                    await new Promise(r => { sp.map.once('rendercomplete', r); sp.map.render(); setTimeout(r, 20000); });
                  }
                }
                """);
            var target = await map.Page.EvaluateAsync<JsonElement>("() => window.spatialPlan.pixelOfFeature('farmland')");
            var box = (await map.Page.Locator("#map").BoundingBoxAsync())!;
            await map.Page.Mouse.ClickAsync(box.X + target.GetProperty("x").GetSingle(), box.Y + target.GetProperty("y").GetSingle());
            var card = map.Page.Locator("#identify-panel .identify-card[data-layer='farmland']");
            await card.WaitForAsync(new() { Timeout = 10000 });

            Assert.NotEmpty(tiles);
            Assert.All(tiles, status => Assert.Contains(status, new[] { 200, 204, 304 }));
            Assert.Contains(queries, q => q.Contains("?at=", StringComparison.Ordinal));
            Assert.Contains(target.GetProperty("name").GetString()!, await card.Locator("table.attributes").TextContentAsync());
            Assert.Empty(map.ConsoleErrors);
        }
        finally
        {
            map.Page.Response -= Log;
        }
    }

    [Fact]
    public async Task UploadingASampleFootprintShowsTheReportAndHighlightsTheOverlap()
    {
        var map = await fixture.MapAsync();
        var (path, expected) = ConflictingSample(fixture.Factory.DataDirectory);
        Assert.Equal("选择文件…", await map.Page.Locator("label.file-button[for='check-file']").TextContentAsync());
        Assert.Equal("未选择文件", await map.Page.Locator("#check-file-name").TextContentAsync());

        await map.Page.SetInputFilesAsync("#check-file", path);
        var banner = map.Page.Locator(".verdict-banner");
        await banner.WaitForAsync(new() { Timeout = 20000 });
        await map.Page.Locator("tr.zone-row.clickable").First.ClickAsync();
        await map.RenderedAsync();
        await map.ScreenshotAsync("04-check");

        Assert.Equal(expected, await banner.GetAttributeAsync("data-verdict"));
        Assert.Equal(Path.GetFileName(path), await map.Page.Locator("#check-file-name").TextContentAsync());
        Assert.True(await map.Page.Locator("tr.zone-row").CountAsync() >= 1);
        Assert.True(await map.Page.EvaluateAsync<int>("() => window.spatialPlan.check.layers.overlaps.getFeatures().length") > 0);
        Assert.Empty(map.ConsoleErrors);
    }

    [Fact]
    public async Task MalformedUploadShowsTheServersMessageNextToTheUploadControl()
    {
        var map = await fixture.MapAsync();
        var broken = Path.Combine(Path.GetTempPath(), "broken.geojson");
        await File.WriteAllTextAsync(broken, "{\"type\": \"FeatureCollection\", \"features\": [ {");

        await map.Page.SetInputFilesAsync("#check-file", broken);
        var error = map.Page.Locator("#upload-error");
        await error.WaitForAsync(new() { State = Microsoft.Playwright.WaitForSelectorState.Visible, Timeout = 10000 });
        await map.ScreenshotAsync("05-upload-error");

        var text = await error.TextContentAsync() ?? string.Empty;
        Assert.Contains("broken.geojson", text);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", text);
        Assert.DoesNotContain("Exception", text);
    }

    [Fact]
    public async Task MeasuredAreaAndLengthAgreeWithGeographicLib()
    {
        var map = await fixture.MapAsync();

        // Oracle (GeographicLib, GRS80), run outside the code under test:
        //   printf "40.70 106.74\n40.70 106.82\n40.74 106.82\n40.74 106.74\n" | Planimeter -e 6378137 0.003352810681182319
        //   -> "4 22402.314711 30024038.8": 4 points, perimeter 22402.314711 m, area 30024038.8 m²
        var measured = await map.Page.EvaluateAsync<JsonElement>(
            "() => window.spatialPlan.measureLonLat([[106.74,40.70],[106.82,40.70],[106.82,40.74],[106.74,40.74]])");

        Assert.Equal(30024038.8, measured.GetProperty("areaM2").GetDouble(), 30024038.8 * 1e-3);
        Assert.Equal(22402.314711, measured.GetProperty("perimeterM").GetDouble(), 22402.314711 * 1e-3);
    }

    [Fact]
    public async Task PresentationModeStepsThroughTheSavedViewsWithTheArrowKeys()
    {
        var map = await fixture.MapAsync();

        await map.Page.ClickAsync("#present");
        await map.Page.WaitForSelectorAsync("body.presenting[data-view]");
        var first = await map.Page.GetAttributeAsync("body", "data-view");
        Assert.False(await map.Page.Locator("#layer-panel").IsVisibleAsync());
        Assert.True(await map.Page.Locator(".pres-legend").IsVisibleAsync());
        var mapBox = (await map.Page.Locator("#map").BoundingBoxAsync())!;
        Assert.True(mapBox.Width > 1500 && mapBox.Height > 700, $"map is {mapBox.Width}x{mapBox.Height} in presentation mode");

        await map.Page.Keyboard.PressAsync("ArrowRight");
        await map.Page.WaitForFunctionAsync($"() => document.body.dataset.view && document.body.dataset.view !== '{first}'");
        await map.RenderedAsync();
        await map.ScreenshotAsync("06-presentation");
        var second = await map.Page.GetAttributeAsync("body", "data-view");
        await map.Page.Keyboard.PressAsync("ArrowLeft");
        await map.Page.WaitForFunctionAsync($"() => document.body.dataset.view === '{first}'");
        await map.Page.Keyboard.PressAsync("Escape");

        Assert.NotEqual(first, second);
        Assert.False(await map.Page.EvaluateAsync<bool>("() => document.body.classList.contains('presenting')"));
        Assert.Empty(map.ConsoleErrors);
    }

    [Fact]
    public async Task RedLineIsHatchedAndLabelsHideBeyondTheirScaleLimit()
    {
        var map = await fixture.MapAsync();
        var layerId = await FirstLoadedLayerAsync(map, "eco-redline");

        // The layer's style function at 1:100 000 and at 1:2 000 000 (resolution = N / (96 / 0.0254) m per CSS px).
        var styles = await map.Page.EvaluateAsync<JsonElement>(
            $$"""
            () => { const layer = window.spatialPlan.planMap.layers.get('{{layerId}}').layer;
              const feature = layer.getSource().getFeatures().find(f => f.get('name'));
              const minScale = window.spatialPlan.planMap.catalog.styles[window.spatialPlan.planMap.layers.get('{{layerId}}').info.style].label.minZoomScale;
              const at = (n) => [layer.getStyleFunction()(feature, n / (96 / 0.0254))].flat();
              const near = at(minScale / 5), far = at(minScale * 4);
              return { minScale, passes: near.length, hatch: near.some(s => s.getFill() && s.getFill().getColor() instanceof CanvasPattern),
                labelNear: near.some(s => s.getText()), labelFar: far.some(s => s.getText()) }; }
            """);
        var swatch = await map.Page.EvaluateAsync<int>(
            $$"""
            () => { const c = document.querySelector(".layer-row[data-layer='{{layerId}}'] canvas.swatch");
              const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; const colours = new Set();
              for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 0) colours.add(d[i] + ',' + d[i + 1] + ',' + d[i + 2] + ',' + d[i + 3]);
              return colours.size; }
            """);

        Assert.Equal(500000, styles.GetProperty("minScale").GetDouble());
        Assert.Equal(2, styles.GetProperty("passes").GetInt32());
        Assert.True(styles.GetProperty("hatch").GetBoolean(), "no CanvasPattern fill on the red line");
        Assert.True(styles.GetProperty("labelNear").GetBoolean(), "label missing below its scale limit");
        Assert.False(styles.GetProperty("labelFar").GetBoolean(), "label drawn beyond its scale limit");
        Assert.True(swatch >= 4, $"legend swatch has {swatch} colours: fill, hatch, outline and their blends expected");
    }

    [Fact]
    public async Task EnglishSwitchTranslatesPanelsLegendTableAndUploadControl()
    {
        var map = await fixture.MapAsync();
        var (path, expected) = ConflictingSample(fixture.Factory.DataDirectory);

        await map.Page.ClickAsync("#lang-switch");
        await map.Page.WaitForFunctionAsync("() => document.documentElement.lang === 'en'");
        await map.Page.SetInputFilesAsync("#check-file", path);
        await map.Page.Locator(".verdict-banner").WaitForAsync(new() { Timeout = 20000 });
        await map.RenderedAsync();
        await map.ScreenshotAsync("07-english");

        // Everything the UI itself says, in English: no Chinese characters left in it.
        var texts = new List<string>();
        foreach (var selector in new[] { "#layer-panel h2", ".layer-group h3", "#check-panel h2", "#check-panel legend", "label.file-button", "table.zones th", "tr.zone-row td:first-child", ".verdict-banner", "nav.tools button.tool", ".legend li span", ".layer-toggle span" })
        {
            texts.AddRange(await map.Page.Locator(selector).AllTextContentsAsync());
        }

        var overflow = await map.Page.EvaluateAsync<int>("() => document.querySelector('table.zones').scrollWidth - document.querySelector('#check-result').clientWidth");

        await map.Page.EvaluateAsync("() => window.spatialPlan.planMap.fitAll()");
        await map.RenderedAsync();
        await map.ScreenshotAsync("08-english-map");
        var townLabel = await map.Page.EvaluateAsync<string?>(
            """
            () => { const { layer } = window.spatialPlan.planMap.layers.get('towns') ?? {};
              const f = layer?.getSource().getFeatures().find(x => x.get('nameEn'));
              return f ? [layer.getStyleFunction()(f, 10)].flat().map(s => s.getText()?.getText()).find(t => t) ?? '' : null; }
            """);

        Assert.Contains("Choose file…", texts);
        Assert.True(townLabel is null || !System.Text.RegularExpressions.Regex.IsMatch(townLabel, @"\p{IsCJKUnifiedIdeographs}"), $"town label in English is '{townLabel}'");
        Assert.True(overflow <= 0, $"the result table is {overflow} px wider than the side panel");
        Assert.Contains(texts, t => t.Contains(expected == "prohibited" ? "Prohibited" : "Approval required", StringComparison.Ordinal));
        Assert.All(texts, t => Assert.DoesNotMatch(@"\p{IsCJKUnifiedIdeographs}", t));
        Assert.Empty(map.ConsoleErrors);
    }

    [Fact]
    public async Task PngExportAtTheDeepestZoomDownloadsAPngUnderTheContentSecurityPolicy()
    {
        var map = await fixture.MapAsync();
        // The deepest zoom the map allows, inside the hatched red line: the view is millimetres across, the sheet about 1:1.
        var resolution = await map.Page.EvaluateAsync<double>("""
            () => { const pm = window.spatialPlan.planMap;
              const g = pm.layers.get('eco-redline').layer.getSource().getFeatures()[0].getGeometry();
              const c = g.getType() === 'Polygon' ? g.getInteriorPoint().getCoordinates() : g.getInteriorPoints().getPoint(0).getCoordinates();
              const v = pm.map.getView(); v.setCenter(c.slice(0, 2)); v.setZoom(v.getMaxZoom()); return v.getResolution(); }
            """);
        await map.RenderedAsync();

        var download = await map.Page.RunAndWaitForDownloadAsync(async () =>
        {
            await map.Page.ClickAsync("#export-png");
            await map.Page.ClickAsync("#export-dialog-ok"); // the export dialog's defaults
        }, new() { Timeout = 60000 });
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);

        Assert.True(resolution < 0.001, $"deepest resolution {resolution} m/px");
        Assert.Equal("spatialplan-sheet.png", download.SuggestedFilename);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        Assert.Empty(await map.CspViolationsAsync());
        Assert.Empty(map.ConsoleErrors);
        Assert.Equal(200, await map.Page.EvaluateAsync<int>("() => fetch('/api/layers').then(r => r.status)")); // the server is alive
    }

    [Fact]
    public async Task TheExportDialogSendsTitleUnitPaperAndOrientationAndEscCancels()
    {
        var map = await fixture.MapAsync();
        var downloads = 0;
        map.Page.Download += (_, _) => downloads++;

        // Esc closes the dialog and nothing is asked of the server.
        await map.Page.ClickAsync("#export-pdf");
        await map.Page.WaitForSelectorAsync("#export-dialog[open]");
        await map.Page.Keyboard.PressAsync("Escape");
        await map.Page.WaitForSelectorAsync("#export-dialog", new() { State = Microsoft.Playwright.WaitForSelectorState.Detached });
        Assert.Equal(0, downloads);

        await map.Page.ClickAsync("#export-pdf");
        await map.Page.FillAsync("#export-title", "屠申泽片区示意图");
        await map.Page.FillAsync("#export-unit", "杭锦后旗自然资源局");
        await map.Page.SelectOptionAsync("#export-paper", "A4");
        await map.Page.SelectOptionAsync("#export-orientation", "portrait");
        // Wait for the file too: a download still under way when this test ends lands in the next test on the shared page
        // (the PNG export test once received this PDF).
        var pdf = map.Page.WaitForDownloadAsync(new() { Timeout = 90000 });
        var request = await map.Page.RunAndWaitForRequestAsync(() => map.Page.ClickAsync("#export-dialog-ok"), "**/api/sheets**");
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(request.Url).Query);
        Assert.Equal("spatialplan-sheet.pdf", (await pdf).SuggestedFilename);

        Assert.Equal("屠申泽片区示意图", query["title"]);
        Assert.Equal("杭锦后旗自然资源局", query["unit"]);
        Assert.Equal("A4", query["paper"]);
        Assert.Equal("portrait", query["orientation"]);
        Assert.Equal("zh", query["lang"]);
        Assert.Equal("pdf", query["format"]);
    }

    [Fact]
    public async Task ASheetTheServerRefusesShowsTheServersMessageInsteadOfSavingAFile()
    {
        var map = await fixture.MapAsync();
        await map.Page.RouteAsync("**/api/sheets**", route => route.FulfillAsync(new()
        {
            Status = 422, ContentType = "application/problem+json",
            Body = """{"status":422,"title":"超出出图限额","detail":"PNG 图幅超过上限。 处理办法：降低 dpi。"}""",
        }));
        var downloads = 0;
        map.Page.Download += (_, _) => downloads++;

        await map.Page.ClickAsync("#export-png");
        await map.Page.ClickAsync("#export-dialog-ok");
        await map.Page.WaitForSelectorAsync("#export-message[data-kind='error']:not([hidden])");
        await map.Page.UnrouteAsync("**/api/sheets**");
        var message = await map.Page.TextContentAsync("#export-message");
        await map.Page.EvaluateAsync("() => window.spatialPlan.planMap.layers.forEach(l => l.layer.setVisible(false))");
        await map.Page.ClickAsync("#export-pdf");
        await map.Page.ClickAsync("#export-dialog-ok");
        await map.Page.WaitForSelectorAsync("#export-message:has-text('没有显示任何图层')");
        var noLayers = await map.Page.TextContentAsync("#export-message");

        Assert.Contains("无法导出", message, StringComparison.Ordinal);
        Assert.Contains("降低 dpi", message, StringComparison.Ordinal);
        Assert.Contains("没有显示任何图层", noLayers, StringComparison.Ordinal);
        Assert.Equal(0, downloads);
        map.ConsoleErrors.RemoveAll(e => e.Contains("422", StringComparison.Ordinal)); // the browser logs the failed fetch itself
        Assert.Empty(map.ConsoleErrors);
    }

    /// <summary>The first sample project expected to conflict (so there is an overlap to highlight), else the fixture's.</summary>
    private static (string Path, string ExpectedVerdict) ConflictingSample(string dataDir)
    {
        foreach (var dir in new[] { dataDir, AppFactory.FixtureData })
        {
            var index = Path.Combine(dir, "samples", "projects", "index.json");
            if (!File.Exists(index))
            {
                continue;
            }

            foreach (var sample in JsonDocument.Parse(File.ReadAllText(index)).RootElement.EnumerateArray())
            {
                var verdict = sample.GetProperty("expectedVerdict").GetString()!;
                var file = Path.Combine(dir, "samples", "projects", sample.GetProperty("file").GetString()!);
                // A polygon file that carries its own kind and no major categories checks as the index says with no options set.
                if (verdict is "prohibited" or "approval-required" && file.EndsWith(".geojson", StringComparison.Ordinal) && File.Exists(file)
                    && (!sample.TryGetProperty("majors", out var majors) || majors.GetArrayLength() == 0)
                    && File.ReadAllText(file).Contains("\"projectType\"", StringComparison.Ordinal)
                    && sample.GetProperty("width").ValueKind == JsonValueKind.Null && sample.GetProperty("radius").ValueKind == JsonValueKind.Null)
                {
                    return (file, verdict);
                }
            }
        }

        throw new InvalidOperationException("no conflicting sample project found");
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
