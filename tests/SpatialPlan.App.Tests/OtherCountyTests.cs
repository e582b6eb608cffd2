using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace SpatialPlan.App.Tests;

/// <summary>
/// A data folder made by <c>spatialplan init</c> for 乌拉特后旗 (the banner's northern neighbour, real DataV boundary from
/// the embedded neighbours layer): its working CRS is EPSG:4544 (CM 105°E). The API and the map must use it, not the
/// banner's EPSG:4545.
/// </summary>
public sealed class OtherCountyTests(OtherCountyTests.Folder folder) : IClassFixture<OtherCountyTests.Folder>
{
    [Fact]
    public async Task ConfigNamesTheFoldersWorkingCrsAndArea()
    {
        using var client = folder.Factory.CreateClient();

        var config = JsonDocument.Parse(await client.GetStringAsync("/api/config")).RootElement;

        var crs = config.GetProperty("crs");
        Assert.Equal(4544, crs.GetProperty("epsg").GetInt32());
        Assert.Equal("EPSG:4544", crs.GetProperty("name").GetString());
        // As `projinfo EPSG:4544 -o PROJ` prints it (Core.Tests/Oracles/zones.out).
        Assert.Equal("+proj=tmerc +lat_0=0 +lon_0=105 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs +type=crs", crs.GetProperty("proj4").GetString());
        Assert.Equal(4523, crs.GetProperty("zonedEpsg").GetInt32());
        var area = config.GetProperty("area");
        Assert.Equal("乌拉特后旗", area.GetProperty("nameZh").GetString());
        var extent = area.GetProperty("extent").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        Assert.InRange(extent[0], 510_000, 520_000);  // 105.2°E, 0.2° east of CM 105°E
        Assert.InRange(extent[2], 700_000, 720_000);  // 107.6°E
    }

    [Fact]
    public async Task ACheckThereIsMeasuredInEpsg4544()
    {
        using var client = folder.Factory.CreateClient();
        const string site = """{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[106.20,41.50],[106.23,41.50],[106.23,41.52],[106.20,41.52],[106.20,41.50]]]}}""";

        var response = await client.PostAsync("/api/checks?type=urban-construction", new StringContent(site, Encoding.UTF8, "application/geo+json"));

        response.EnsureSuccessStatusCode();
        var footprint = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("footprint");
        Assert.Equal("EPSG:4544", footprint.GetProperty("crs").GetString());
        // Planimeter: 5 563 183.9 m² (Core.Tests/Oracles/zones.sh §5).
        Assert.InRange(Math.Abs(footprint.GetProperty("areaM2").GetDouble() - 5563183.9) / 5563183.9, 0, 1e-6);
    }

    [Fact]
    public async Task ASheetOfTheViewIsDrawnInTheWorkingCrs()
    {
        using var client = folder.Factory.CreateClient();

        // A 60 km view around the area's centre in EPSG:4544 metres, as the map sends it.
        var response = await client.GetAsync("/api/sheets?format=pdf&extent=585000,4570000,645000,4610000");

        response.EnsureSuccessStatusCode();
        var pdf = Path.Combine(folder.Root, "sheet.pdf");
        await File.WriteAllBytesAsync(pdf, await response.Content.ReadAsByteArrayAsync());
        // The notes wrap in the info box: compare without line breaks.
        var text = System.Text.RegularExpressions.Regex.Replace(PdfText(pdf), @"\s+", string.Empty);
        Assert.Contains("中央经线105°E（EPSG:4544）", text, StringComparison.Ordinal);
        Assert.DoesNotContain("EPSG:4545", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheMapIsDrawnInEpsg4544()
    {
        await using var app = await folder.BrowserAsync();
        var page = app.Page;

        Assert.Equal("EPSG:4544", await page.EvaluateAsync<string>("() => window.spatialPlan.map.getView().getProjection().getCode()"));
        // The boundary the map drew, in view coordinates, is the box the server computed in EPSG:4544 (within 1 m).
        var drawn = await page.EvaluateAsync<double[]>("() => window.spatialPlan.planMap.layers.get('area-boundary').layer.getSource().getExtent()");
        using var client = folder.Factory.CreateClient();
        var served = JsonDocument.Parse(await client.GetStringAsync("/api/config")).RootElement.GetProperty("area").GetProperty("extent")
            .EnumerateArray().Select(v => v.GetDouble()).ToArray();
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(served[i], drawn[i], 1.0);
        }

        var box = (await page.Locator("#map").BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(box.X + (box.Width / 2), box.Y + (box.Height / 2));
        var readout = await page.Locator("#readout").TextContentAsync();
        Assert.Contains("EPSG:4544", readout, StringComparison.Ordinal);
        Assert.Empty(app.ConsoleErrors);
    }

    private static string PdfText(string pdf)
    {
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("pdftotext", ["-layout", pdf, "-"])
        {
            RedirectStandardOutput = true,
        })!;
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return text;
    }

    /// <summary>The folder `spatialplan init` made, and an app over it.</summary>
    public sealed class Folder : IDisposable
    {
        public Folder()
        {
            Root = Directory.CreateTempSubdirectory("spatialplan-urad-").FullName;
            var repoData = BrowserFixture.KestrelAppFactory.RepoData ?? throw new InvalidOperationException("the repository's gis-data is needed");
            var neighbours = JsonNode.Parse(File.ReadAllText(Path.Combine(repoData, "layers", "neighbours.geojson")))!;
            var urad = neighbours["features"]!.AsArray().Single(f => (string?)f!["properties"]!["name"] == "乌拉特后旗")!.DeepClone();
            var boundary = Path.Combine(Root, "urad.geojson");
            File.WriteAllText(boundary, new JsonObject { ["type"] = "FeatureCollection", ["features"] = new JsonArray(urad) }.ToJsonString());
            DataDir = Path.Combine(Root, "data");
            Cli("init", DataDir, "--boundary", boundary);
            Factory = new FolderFactory(DataDir);
        }

        public string Root { get; }

        public string DataDir { get; }

        public AppFactory Factory { get; }

        /// <summary>A real server over the folder and a Chromium page on it, ready.</summary>
        public async Task<BrowserApp> BrowserAsync()
        {
            var factory = new FolderFactory(DataDir);
            var url = factory.StartOnFreePort();
            var playwright = await Playwright.CreateAsync();
            var browser = await BrowserFixture.LaunchChromium(playwright);
            var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 }, Locale = "zh-CN" });
            var app = new BrowserApp(factory, playwright, browser, page);
            page.Console += (_, m) =>
            {
                if (m.Type == "error")
                {
                    app.ConsoleErrors.Add(m.Text);
                }
            };
            page.PageError += (_, e) => app.ConsoleErrors.Add(e);
            await page.GotoAsync(url + "/");
            await page.WaitForSelectorAsync("body[data-ready='true']", new() { Timeout = 20000 });
            return app;
        }

        public void Dispose()
        {
            Factory.Dispose();
            Directory.Delete(Root, recursive: true);
        }

        private static void Cli(params string[] args)
        {
            // As CheckApiTests runs the CLI: by reflection, since the CLI's Program clashes with the app's.
            var cli = System.Reflection.Assembly.Load("spatialplan").GetType("SpatialPlan.Cli.CliApp", throwOnError: true)!;
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();
            var code = (int)cli.GetMethod("Run")!.Invoke(null, [args, stdout, stderr])!;
            Assert.True(code == 0, $"init exit {code}: {stderr}");
        }
    }

    private sealed class FolderFactory(string dataDir) : AppFactory
    {
        protected override string DataDir => dataDir;
    }

    /// <summary>A running server with a browser page on it.</summary>
    public sealed class BrowserApp(AppFactory factory, IPlaywright playwright, IBrowser browser, IPage page) : IAsyncDisposable
    {
        public IPage Page => page;

        public List<string> ConsoleErrors { get; } = [];

        public async ValueTask DisposeAsync()
        {
            await browser.DisposeAsync();
            playwright.Dispose();
            await factory.DisposeAsync();
        }
    }
}
