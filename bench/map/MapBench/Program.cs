// Issue 10 §4, the browser half: a running SpatialPlan.App with a 1M-图斑 data folder, driven by headless Chromium
// (Playwright over /usr/bin/chromium) through a realistic 30-step pan/zoom sequence. It measures
//   - every tile response the page gets (/api/tiles/…): status, bytes, the server's own time (Server-Timing tile;dur=)
//     and the time the browser saw;
//   - the first map paint after navigation (the first postrender after the first tile of a tiled layer has loaded) and
//     the first settled map (OpenLayers' rendercomplete), both from navigation start;
//   - per step, the time from the view change to rendercomplete (settled);
//   - the JS heap after the sequence (CDP Runtime.getHeapUsage, before and after a forced GC).
// Prints one JSON object. Usage: MapBench BASE_URL OUT_DIR   (e.g. http://127.0.0.1:5123 bench/results/map)
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

var baseUrl = args.Length > 0 ? args[0].TrimEnd('/') : throw new ArgumentException("usage: MapBench BASE_URL OUT_DIR");
var outDir = Directory.CreateDirectory(args.Length > 1 ? args[1] : ".").FullName;

using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new()
{
    ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM") ?? "/usr/bin/chromium",
    Headless = true,
    Args = ["--no-sandbox", "--disable-dev-shm-usage"],
});
var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1600, Height = 900 }, Locale = "zh-CN" });
var page = await context.NewPageAsync();

// Tiles as the page gets them.
var tiles = new List<TileHit>();
var phase = "load";
page.Response += async (_, response) =>
{
    if (!response.Url.Contains("/api/tiles/", StringComparison.Ordinal))
    {
        return;
    }

    var headers = await response.AllHeadersAsync();
    double? serverMs = headers.TryGetValue("server-timing", out var st) && Regex.Match(st, @"dur=([0-9.]+)") is { Success: true } m
        ? double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : null;
    long bytes = 0;
    if (response.Status == 200)
    {
        try
        {
            bytes = (await response.BodyAsync()).Length;
        }
        catch (PlaywrightException)
        {
            // the page moved on and the body is gone; the size is then unknown
            bytes = -1;
        }
    }

    var timing = response.Request.Timing;
    lock (tiles)
    {
        tiles.Add(new TileHit(phase, response.Url, response.Status, bytes, serverMs, timing.ResponseEnd));
    }
};

// First paint and first settle, recorded by the page itself from navigation start.
await page.AddInitScriptAsync("""
    (() => {
      window.__bench = { firstTile: null, firstPaint: null, firstSettled: null };
      const hook = () => {
        const m = window.spatialPlan && window.spatialPlan.map;
        if (!m) { requestAnimationFrame(hook); return; }
        const watch = () => {
          for (const l of m.getAllLayers()) {
            const s = l.getSource && l.getSource();
            if (s && s.getTileGrid && !s.__benchHooked) {
              s.__benchHooked = true;
              s.on('tileloadend', () => { if (window.__bench.firstTile === null) window.__bench.firstTile = performance.now(); });
            }
          }
        };
        watch();
        m.getLayers().on('add', watch);
        m.on('postrender', () => {
          watch();
          if (window.__bench.firstTile !== null && window.__bench.firstPaint === null) window.__bench.firstPaint = performance.now();
        });
        m.once('rendercomplete', () => { window.__bench.firstSettled = performance.now(); });
      };
      hook();
    })();
    """);

var navigation = Stopwatch.StartNew();
await page.GotoAsync(baseUrl + "/", new() { WaitUntil = WaitUntilState.Load, Timeout = 120_000 });
await page.WaitForFunctionAsync("() => window.__bench && window.__bench.firstSettled !== null && window.__bench.firstPaint !== null", null,
    new() { Timeout = 120_000, PollingInterval = 50 });
var load = await page.EvaluateAsync<JsonElement>("() => window.__bench");
await page.ScreenshotAsync(new() { Path = Path.Combine(outDir, "map-first.png") });

// The sequence: from the whole area, zoom in by halves towards farmland, pan about, zoom out and in again.
// Steps are view changes without animation; each waits for rendercomplete.
var view = await page.EvaluateAsync<JsonElement>("() => { const v = window.spatialPlan.map.getView(); return { c: v.getCenter(), r: v.getResolution() }; }");
double cx = view.GetProperty("c")[0].GetDouble(), cy = view.GetProperty("c")[1].GetDouble(), r0 = view.GetProperty("r").GetDouble();
var steps = new List<(string Kind, double X, double Y, double Res)>();
double x = cx, y = cy, res = r0;
void Zoom(double factor) { res /= factor; steps.Add(("zoom", x, y, res)); }
void Pan(double dxPx, double dyPx) { x += dxPx * res; y += dyPx * res; steps.Add(("pan", x, y, res)); }
// A point in the data: the farmland's densest part is near the view's centre for this data; step there gradually.
for (int i = 0; i < 6; i++) { Zoom(2); }             // 6 zoom-ins: to 1/64 of the whole-area resolution
for (int i = 0; i < 6; i++) { Pan(i % 2 == 0 ? 800 : 0, i % 2 == 0 ? 0 : -450); } // 6 half-viewport pans
for (int i = 0; i < 3; i++) { Zoom(2); }             // 3 more: ~1:5 000 on this data
for (int i = 0; i < 5; i++) { Pan(i % 2 == 0 ? -800 : 0, i % 2 == 0 ? 0 : 450); }
for (int i = 0; i < 4; i++) { Zoom(0.5); }           // zoom out 4
for (int i = 0; i < 4; i++) { Pan(800, 450); }       // diagonal pans
Zoom(2);
Zoom(0.5);
if (steps.Count != 30) throw new InvalidOperationException($"{steps.Count} steps, not 30");

var stepTimes = new List<object>();
int n = 0;
foreach (var (kind, sx, sy, sres) in steps)
{
    phase = $"step{++n}";
    var ms = await page.EvaluateAsync<double>(
        """
        ([x, y, r]) => new Promise(done => {
          const m = window.spatialPlan.map, t0 = performance.now();
          m.once('rendercomplete', () => done(performance.now() - t0));
          m.getView().setCenter([x, y]);
          m.getView().setResolution(r);
          setTimeout(() => done(-1), 60000);
        })
        """, new object[] { sx, sy, sres });
    stepTimes.Add(new { step = n, kind, resolution = sres, settledMs = Math.Round(ms, 1) });
}

await page.ScreenshotAsync(new() { Path = Path.Combine(outDir, "map-last.png") });
var cdp = await context.NewCDPSessionAsync(page);
var heapBefore = await cdp.SendAsync("Runtime.getHeapUsage");
await cdp.SendAsync("HeapProfiler.collectGarbage");
var heapAfter = await cdp.SendAsync("Runtime.getHeapUsage");

List<TileHit> all;
lock (tiles)
{
    all = [.. tiles];
}

static double Pct(IReadOnlyList<double> sorted, double p) => sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
object Stats(IEnumerable<double> values)
{
    var v = values.Order().ToList();
    return new { count = v.Count, p50 = Pct(v, 0.5), p95 = Pct(v, 0.95), max = v.Count > 0 ? v[^1] : double.NaN };
}

var fresh = all.Where(t => t.Status == 200).ToList();
var zoomSettled = stepTimes.Cast<dynamic>().Where(s => s.kind == "zoom").Select(s => (double)s.settledMs);
var panSettled = stepTimes.Cast<dynamic>().Where(s => s.kind == "pan").Select(s => (double)s.settledMs);
File.WriteAllText(Path.Combine(outDir, "tiles.json"), JsonSerializer.Serialize(all));
Console.WriteLine(JsonSerializer.Serialize(new
{
    firstTileMs = load.GetProperty("firstTile").GetDouble(),
    firstPaintMs = load.GetProperty("firstPaint").GetDouble(),
    firstSettledMs = load.GetProperty("firstSettled").GetDouble(),
    tiles = new
    {
        responses = all.Count,
        byStatus = all.GroupBy(t => t.Status).ToDictionary(g => g.Key.ToString(CultureInfo.InvariantCulture), g => g.Count()),
        serverMs200 = Stats(fresh.Where(t => t.ServerMs is not null).Select(t => t.ServerMs!.Value)),
        serverMsAll = Stats(all.Where(t => t.ServerMs is not null).Select(t => t.ServerMs!.Value)),
        browserMs200 = Stats(fresh.Where(t => t.ResponseEndMs > 0).Select(t => (double)t.ResponseEndMs)),
        bytes200 = Stats(fresh.Where(t => t.Bytes >= 0).Select(t => (double)t.Bytes)),
        largest = fresh.OrderByDescending(t => t.Bytes).Select(t => new { t.Url, t.Bytes }).FirstOrDefault(),
    },
    settledZoomMs = Stats(zoomSettled),
    settledPanMs = Stats(panSettled),
    steps = stepTimes,
    heapUsedMB = heapBefore?.GetProperty("usedSize").GetDouble() / 1048576,
    heapUsedAfterGcMB = heapAfter?.GetProperty("usedSize").GetDouble() / 1048576,
    heapTotalMB = heapAfter?.GetProperty("totalSize").GetDouble() / 1048576,
}));

internal sealed record TileHit(string Phase, string Url, int Status, long Bytes, double? ServerMs, float ResponseEndMs);
