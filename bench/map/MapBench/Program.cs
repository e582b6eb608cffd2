// Issue 10 §4, the browser half: a running SpatialPlan.App with a 1M-图斑 data folder, driven by headless Chromium
// (Playwright over /usr/bin/chromium) through a realistic 30-step pan/zoom sequence. It measures
//   - every tile response the page gets (/api/tiles/…): status, bytes, the server's own time (Server-Timing tile;dur=)
//     and the time the browser saw;
//   - the first map paint after navigation (the first postrender of a tiled layer with features drawn in the view) and
//     the first settled map (the first rendercomplete once painted and the page is ready), both from navigation start,
//     and the page's resource timeline up to then (load-timeline.json); if they do not come within MAPBENCH_TIMEOUT_S
//     (30 s), it says which milestone is missing, prints {"error": …} and exits 3 instead of waiting on;
//   - per step, the time from the view change to rendercomplete (settled);
//   - the JS heap after the sequence (CDP Runtime.getHeapUsage, before and after a forced GC).
// Prints one JSON object. Usage: MapBench BASE_URL OUT_DIR   (e.g. http://127.0.0.1:5123 bench/results/map)
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

// First paint and first settle, recorded by the page itself from navigation start (performance.now()).
// The hook must see the map from its construction: the page's full test hook (window.spatialPlan) is set only once the
// small GeoJSON layers and the label glyphs are in, by which time the first tiles have long loaded and been drawn (the
// old hook waited there for a first tileloadend that had already happened, and so for ever). The page announces its
// map at once with the event `spatialplan:map` (main.ts); window.spatialPlan stays as a late fallback, marked as such.
//   firstPaint   = the first `postrender` of a tiled layer (the farmland) at which that layer has features in the view
//                  extent among its drawn tiles (VectorTileLayer.getFeaturesInExtent reads the rendered tiles);
//   firstSettled = the first map `rendercomplete` (OpenLayers: no tile loading or queued, every layer drawn) at or after
//                  both the first paint and the page's ready mark (body[data-ready]: the opening view is fitted).
const string hook = """
    (() => {
      const b = window.__bench = { hookedVia: null, mapAt: null, readyAt: null, firstTile: null, firstPaint: null, firstPaintLayer: null,
        firstSettled: null, tilesLoaded: 0, tileErrors: 0, renderCompletes: 0 };
      const now = () => performance.now();
      const attach = (m, via) => {
        if (b.hookedVia) return;
        b.hookedVia = via; b.mapAt = now();
        const watch = () => {
          for (const l of m.getAllLayers()) {
            const s = l.getSource && l.getSource();
            if (!s || !s.getTileGrid || l.__benchHooked) continue;
            l.__benchHooked = true;
            s.on('tileloadend', () => { b.tilesLoaded++; if (b.firstTile === null) b.firstTile = now(); });
            s.on('tileloaderror', () => { b.tileErrors++; });
            l.on('postrender', (e) => {
              if (b.firstPaint !== null || !l.getVisible()) return;
              if (l.getFeaturesInExtent(e.frameState.extent).length > 0) { b.firstPaint = now(); b.firstPaintLayer = l.get('catalogId') ?? null; }
            });
          }
        };
        watch();
        m.getLayers().on('add', watch);
        m.on('rendercomplete', () => {
          b.renderCompletes++;
          if (b.firstSettled === null && b.firstPaint !== null && b.readyAt !== null) b.firstSettled = now();
        });
      };
      window.addEventListener('spatialplan:map', (e) => attach(e.detail.map, 'event'));
      const poll = () => {
        if (b.readyAt === null && document.body && document.body.dataset.ready === 'true') b.readyAt = now();
        if (!b.hookedVia && window.spatialPlan && window.spatialPlan.map) attach(window.spatialPlan.map, 'late: window.spatialPlan');
        if (b.readyAt === null || !b.hookedVia) requestAnimationFrame(poll);
      };
      poll();
    })();
    """;
await page.AddInitScriptAsync(hook);

var timeoutS = int.TryParse(Environment.GetEnvironmentVariable("MAPBENCH_TIMEOUT_S"), out var t) && t > 0 ? t : 30;
// MAPBENCH_TRACE=1: a Chromium performance trace of the load up to the settled map (load-trace.json, for chrome://tracing
// or bench/map/trace_summary.py); it slows the page a little, so the figures of a traced run are not the bench's.
var trace = Environment.GetEnvironmentVariable("MAPBENCH_TRACE") == "1";
var traceEvents = new List<JsonElement>();
var traceDone = new TaskCompletionSource();
ICDPSession? tracer = null;
if (trace)
{
    tracer = await context.NewCDPSessionAsync(page);
    tracer.Event("Tracing.dataCollected").OnEvent += (_, e) =>
    {
        lock (traceEvents)
        {
            traceEvents.AddRange(e!.Value.GetProperty("value").EnumerateArray().Select(v => v.Clone()));
        }
    };
    tracer.Event("Tracing.tracingComplete").OnEvent += (_, _) => traceDone.TrySetResult();
    await tracer.SendAsync("Tracing.start", new Dictionary<string, object>
    {
        ["transferMode"] = "ReportEvents",
        ["traceConfig"] = new Dictionary<string, object>
        {
            ["includedCategories"] = new[] { "devtools.timeline", "disabled-by-default-devtools.timeline", "v8.execute", "blink.user_timing", "loading", "toplevel" },
        },
    });
}

// MAPBENCH_PAGE: the page to open (default "/"), e.g. another build of the front end beside it, for an A/B comparison.
var pagePath = Environment.GetEnvironmentVariable("MAPBENCH_PAGE") ?? "/";
// MAPBENCH_LOADS=N (default 5): the load is measured N times, each in a fresh browser context (empty cache), N-1 of them
// here and the last on the page that then runs the sequence; a single first paint on a shared 2-core machine says little.
var extraLoads = new List<JsonElement>();
for (int k = 1; k < (int.TryParse(Environment.GetEnvironmentVariable("MAPBENCH_LOADS"), out var nl) && nl > 0 ? nl : 5); k++)
{
    await using var c = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1600, Height = 900 }, Locale = "zh-CN" });
    var p = await c.NewPageAsync();
    await p.AddInitScriptAsync(hook);
    await p.GotoAsync(baseUrl + pagePath, new() { WaitUntil = WaitUntilState.Load, Timeout = timeoutS * 1000 });
    try
    {
        await p.WaitForFunctionAsync("() => window.__bench && window.__bench.firstSettled !== null", null, new() { Timeout = timeoutS * 1000, PollingInterval = 50 });
    }
    catch (TimeoutException)
    {
        // counted below as a load that did not settle; the measured load decides whether the bench fails
    }

    extraLoads.Add(await p.EvaluateAsync<JsonElement>("() => window.__bench"));
}

await page.GotoAsync(baseUrl + pagePath, new() { WaitUntil = WaitUntilState.Load, Timeout = timeoutS * 1000 });
try
{
    await page.WaitForFunctionAsync("() => window.__bench && window.__bench.firstSettled !== null", null,
        new() { Timeout = timeoutS * 1000, PollingInterval = 50 });
    // A hook that came late has missed the first tiles and paint: its figures would be wrong, not slow.
    if (await page.EvaluateAsync<bool>("() => window.__bench.hookedVia !== 'event'"))
    {
        throw new TimeoutException("late hook");
    }
}
catch (TimeoutException)
{
    // Not a hang: say what the page got to, and stop.
    var state = await page.EvaluateAsync<JsonElement>("() => ({ bench: window.__bench ?? null, pageReady: document.body?.dataset.ready ?? null, fatal: document.querySelector('.fatal')?.textContent ?? null, now: performance.now() })");
    var reason = Reason(state);
    await page.ScreenshotAsync(new() { Path = Path.Combine(outDir, "map-timeout.png") });
    Console.Error.WriteLine($"MapBench：{timeoutS} 秒内没有测到有效的首次绘制/稳定（{reason.Zh}）。MapBench: no valid first paint / settled map within {timeoutS} s ({reason.En}). Page state: {state.GetRawText()}");
    Console.WriteLine(JsonSerializer.Serialize(new { error = $"no valid first paint / settled map within {timeoutS} s: {reason.En}", state }));
    return 3;
}
if (tracer is not null)
{
    await tracer.SendAsync("Tracing.end");
    await traceDone.Task.WaitAsync(TimeSpan.FromSeconds(30));
    lock (traceEvents)
    {
        File.WriteAllText(Path.Combine(outDir, "load-trace.json"), JsonSerializer.Serialize(new { traceEvents }));
    }
}

var load = await page.EvaluateAsync<JsonElement>("() => window.__bench");
// What the page waited for before its first paint: every resource with its start and end (ms from navigation start),
// and the browser's own first contentful paint.
var timeline = await page.EvaluateAsync<JsonElement>("""
    () => ({
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
      domContentLoaded: performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd ?? null,
      resources: performance.getEntriesByType('resource').map(r => ({ name: r.name.replace(location.origin, ''), type: r.initiatorType,
        start: Math.round(r.startTime), end: Math.round(r.responseEnd), bytes: r.transferSize || r.encodedBodySize || 0 })),
    })
    """);
File.WriteAllText(Path.Combine(outDir, "load-timeline.json"), timeline.GetRawText());
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
          setTimeout(() => done(-1), 20000);
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

List<JsonElement> allLoads = [.. extraLoads, load];
static double? Num(JsonElement b, string name) => b.ValueKind == JsonValueKind.Object && b.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;
var fresh = all.Where(t => t.Status == 200).ToList();
// A step that did not settle within 20 s counts as 20 s (and is counted in stepsTimedOut), never as a fast one.
var zoomSettled = stepTimes.Cast<dynamic>().Where(s => s.kind == "zoom").Select(s => (double)s.settledMs < 0 ? 20000.0 : (double)s.settledMs);
var panSettled = stepTimes.Cast<dynamic>().Where(s => s.kind == "pan").Select(s => (double)s.settledMs < 0 ? 20000.0 : (double)s.settledMs);
File.WriteAllText(Path.Combine(outDir, "tiles.json"), JsonSerializer.Serialize(all));
Console.WriteLine(JsonSerializer.Serialize(new
{
    hookedVia = load.GetProperty("hookedVia").GetString(),
    mapMs = Num(load, "mapAt"),
    readyMs = Num(load, "readyAt"),
    firstTileMs = Num(load, "firstTile"),
    firstPaintMs = Num(load, "firstPaint"),
    firstPaintLayer = load.GetProperty("firstPaintLayer").GetString(),
    firstSettledMs = Num(load, "firstSettled"),
    loads = new
    {
        count = allLoads.Count,
        firstPaintMs = Stats(allLoads.Select(l => Num(l, "firstPaint") ?? 120000)),
        firstSettledMs = Stats(allLoads.Select(l => Num(l, "firstSettled") ?? 120000)),
        notSettled = allLoads.Count(l => Num(l, "firstSettled") is null),
        runs = allLoads.Select(l => new { firstPaintMs = Num(l, "firstPaint"), firstSettledMs = Num(l, "firstSettled"), mapMs = Num(l, "mapAt"), readyMs = Num(l, "readyAt") }),
    },
    firstContentfulPaintMs = timeline.GetProperty("fcp").ValueKind == JsonValueKind.Number ? timeline.GetProperty("fcp").GetDouble() : (double?)null,
    stepsTimedOut = stepTimes.Cast<dynamic>().Count(s => (double)s.settledMs < 0),
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
return 0;

// Why the page did not settle, from its state: the first missing milestone.
static (string Zh, string En) Reason(JsonElement state)
{
    if (state.GetProperty("fatal").ValueKind == JsonValueKind.String)
    {
        return ($"页面报错：{state.GetProperty("fatal").GetString()}", $"the page failed: {state.GetProperty("fatal").GetString()}");
    }

    var b = state.GetProperty("bench");
    bool Has(string name) => b.ValueKind == JsonValueKind.Object && b.GetProperty(name).ValueKind != JsonValueKind.Null;
    if (!Has("hookedVia"))
    {
        return ("页面未发出 spatialplan:map 事件，也没有 window.spatialPlan.map：前端与测量钩子不匹配", "the page neither sent the spatialplan:map event nor set window.spatialPlan.map: the front end and the bench hook do not match");
    }

    if (b.GetProperty("hookedVia").GetString() is { } via && via.StartsWith("late", StringComparison.Ordinal))
    {
        return ("测量钩子只在页面就绪后才拿到地图（页面没有发出 spatialplan:map 事件），首批瓦片的加载与绘制已错过",
            "the bench got the map only once the page was ready (no spatialplan:map event), after the first tiles had loaded and drawn");
    }

    if (!Has("firstTile"))
    {
        return ("没有任何瓦片加载完成（查看 /api/tiles 的响应）", "no tile finished loading (look at the /api/tiles responses)");
    }

    if (!Has("firstPaint"))
    {
        return ("瓦片已加载，但分块图层在视图中从未绘出要素", "tiles loaded, but no tiled layer ever drew features in the view");
    }

    if (!Has("readyAt"))
    {
        return ("页面未就绪（body[data-ready] 未设置：小图层或字形未加载完）", "the page never became ready (body[data-ready] not set: small layers or glyphs still loading)");
    }

    return ("已绘出但地图未稳定（仍有瓦片在加载）", "painted, but the map never settled (tiles still loading)");
}

internal sealed record TileHit(string Phase, string Url, int Status, long Bytes, double? ServerMs, float ResponseEndMs);
