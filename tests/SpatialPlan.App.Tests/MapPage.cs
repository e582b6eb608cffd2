using Microsoft.Playwright;

namespace SpatialPlan.App.Tests;

/// <summary>A page of the map with its console errors recorded, and the waits the tests share.</summary>
public sealed class MapPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;

    private MapPage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                ConsoleErrors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => ConsoleErrors.Add(error);
    }

    public IPage Page { get; }

    public List<string> ConsoleErrors { get; } = [];

    public static Task<MapPage> OpenAsync(BrowserFixture fixture) => OpenAsync(fixture.Browser, fixture.BaseUrl);

    /// <summary>A new page of the map at <paramref name="baseUrl"/>, ready (layers loaded, first render done).</summary>
    public static async Task<MapPage> OpenAsync(IBrowser browser, string baseUrl)
    {
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1600, Height = 900 }, Locale = "zh-CN", AcceptDownloads = true });
        // Every Content-Security-Policy violation from the first byte on, for the tests to read (CspViolationsAsync).
        await context.AddInitScriptAsync(
            "window.__cspViolations = []; document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber));");
        var map = new MapPage(context, await context.NewPageAsync());
        await map.Page.GotoAsync(baseUrl + "/");
        await map.Page.WaitForSelectorAsync("body[data-ready='true']", new() { Timeout = 20000 });
        await map.RenderedAsync();
        return map;
    }

    /// <summary>Puts the page back to its opening state through the page's own reset hook (no reload) and forgets console errors.</summary>
    public async Task ResetAsync()
    {
        await Page.EvaluateAsync("() => window.spatialPlan.reset()");
        await Page.WaitForFunctionAsync("() => document.documentElement.lang === 'zh-CN' && !document.body.classList.contains('presenting')");
        await RenderedAsync();
        ConsoleErrors.Clear();
    }

    /// <summary>Waits for OpenLayers' rendercomplete after asking for a render (or 5 s).</summary>
    public Task RenderedAsync() => Page.EvaluateAsync(
        "() => new Promise(r => { const m = window.spatialPlan.map; m.once('rendercomplete', () => r(true)); m.render(); setTimeout(() => r(false), 5000); })");

    /// <summary>Non-transparent pixels over all of the map's layer canvases.</summary>
    public Task<int> PaintedPixelsAsync() => Page.EvaluateAsync<int>(
        """
        () => { let n = 0;
          for (const c of document.querySelectorAll('#map canvas')) {
            const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
            for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
          }
          return n; }
        """);

    /// <summary>The Content-Security-Policy violations the page reported since it was opened.</summary>
    public Task<string[]> CspViolationsAsync() => Page.EvaluateAsync<string[]>("() => window.__cspViolations");

    public Task ScreenshotAsync(string name) =>
        Page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, name + ".png") });

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
