// Issue 10 §4: the whole-area A3 map sheet of a data folder, timed in process the way the app renders it — the data
// folder opened as the app opens it (a warmable LayerStore whose indexed layers are copied into memory in the
// background, as PlanData does), then MapSheetRenderer.Render of the default sheet (visible layers, A3 landscape PDF,
// extent = the layers' extent). Also times a cold render (a fresh store reading the GeoPackage through its R-tree, as
// `spatialplan render` does). Prints one JSON object.
// Usage: SheetBench DATA_DIR OUT_DIR [REPS=5]
using System.Diagnostics;
using System.Text.Json;
using SpatialPlan.Core.Layers;
using SpatialPlan.Core.Styles;
using SpatialPlan.Rendering.Sheets;

var data = args.Length > 0 ? args[0] : throw new ArgumentException("usage: SheetBench DATA_DIR OUT_DIR [REPS]");
var outDir = Directory.CreateDirectory(args.Length > 1 ? args[1] : ".").FullName;
int reps = args.Length > 2 ? int.Parse(args[2]) : 5;
var catalog = LayerCatalog.Load(data);
var styles = StyleBook.Load(catalog.DataDirectory);
var request = new MapSheetRequest { Format = SheetFormat.Pdf, Date = new DateOnly(2026, 11, 30) };

(double Ms, long Bytes, MapSheetResult Result, double CpuMs) Render(LayerStore store, string name)
{
    var path = Path.Combine(outDir, name);
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var watch = Stopwatch.StartNew();
    MapSheetResult result;
    using (var file = File.Create(path))
    {
        result = new MapSheetRenderer(store, styles).Render(request, file);
    }

    watch.Stop();
    var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
    return (watch.Elapsed.TotalMilliseconds, new FileInfo(path).Length, result, cpuMs);
}

bool skipCold = Environment.GetEnvironmentVariable("SKIP_COLD") == "1";
// Cold: a fresh store, the GeoPackage read through its R-tree (what `spatialplan render` does; the JIT is cold too).
var cold = (Ms: double.NaN, Bytes: 0L, Result: (MapSheetResult?)null, CpuMs: double.NaN);
if (!skipCold)
{
    using var coldStore = new LayerStore(catalog);
    cold = Render(coldStore, "sheet-cold.pdf");
}


// Warm: the app's store, with its in-memory copy of each indexed layer.
using var store = new LayerStore(catalog, warmable: true);
store.Preload(catalog.Layers.Select(l => l.Id));
var warmWatch = Stopwatch.StartNew();
store.WarmInBackground(long.MaxValue).Wait();
double warmLoadMs = warmWatch.Elapsed.TotalMilliseconds;
Render(store, "sheet-warmup.pdf");
var runs = Enumerable.Range(0, reps).Select(i => Render(store, $"sheet-warm-{i}.pdf")).ToList();
// Where the time goes: the index query of the whole extent alone (every layer), then the sort the sheet adds.
var queryMs = new List<double>();
for (int i = 0; i < reps; i++)
{
    var w = Stopwatch.StartNew();
    foreach (var layer in catalog.Layers.Where(l => l.Visible))
    {
        var source = store.Source(layer.Id);
        _ = source.Query(source.Extent);
    }

    queryMs.Add(w.Elapsed.TotalMilliseconds);
}

var times = runs.Select(r => r.Ms).Order().ToList();
var last = runs[^1];
Console.WriteLine(JsonSerializer.Serialize(new
{
    features = catalog.Layers.Sum(l => store.Source(l.Id).Count),
    warmCopyMs = Math.Round(warmLoadMs),
    coldMs = double.IsNaN(cold.Ms) ? (double?)null : Math.Round(cold.Ms),
    coldCpuMs = double.IsNaN(cold.CpuMs) ? (double?)null : Math.Round(cold.CpuMs),
    coldBytes = cold.Bytes,
    warmMs = times.Select(t => Math.Round(t)).ToList(),
    warmMedianMs = Math.Round(times[times.Count / 2]),
    warmMedianCpuMs = Math.Round(runs.Select(r => r.CpuMs).Order().ToList()[runs.Count / 2]),
    queryMedianMs = Math.Round(queryMs.Order().ToList()[reps / 2]),
    bytes = last.Bytes,
    scale = last.Result.ScaleDenominator,
    painted = last.Result.FeatureCount,
    merged = last.Result.MergedFeatures,
    dropped = last.Result.DroppedFeatures,
    legend = last.Result.LegendLabels,
    pdf = Path.Combine(outDir, $"sheet-warm-{reps - 1}.pdf"),
}));
