using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using SpatialPlan.Core.Checks;
using SpatialPlan.Core.Layers;
using SpatialPlan.Core.Sources;

namespace SpatialPlan.Bench;

/// <summary>
/// Issue 8's warm check (bench/run-issue8.sh): a data folder with an imported 1M-图斑 GeoPackage layer is opened the way
/// the app opens it (a warmable <see cref="LayerStore"/>, the indexed layers copied into memory by
/// <see cref="LayerStore.WarmInBackground"/>), then each footprint is checked with <see cref="SiteCheck.Run(Footprint, CheckOptions, CancellationToken)"/>
/// (the footprint already read, as the app has it after the upload is parsed). A Stopwatch around each call; per footprint
/// the median of the repetitions; the summary is the median and the slowest of those 20 medians.
/// The bare overlay (envelope query, prepared intersects, OverlayNG intersection, sum of grid areas: what the SQL does) is
/// timed the same way and gives the grid areas compared with PostGIS and GDAL.
/// Each call is timed twice: wall (Stopwatch) and this thread's CPU time (clock_gettime(CLOCK_THREAD_CPUTIME_ID)), which
/// a machine shared with other builds inflates much less than wall time.
/// usage: SpatialPlan.Bench --issue8-warm DATA_DIR FOOTPRINTS_DIR OUT.json [REPS] [WARMUP]
/// </summary>
public static class Issue8Warm
{
    private const int ClockThreadCpuTime = 3; // CLOCK_THREAD_CPUTIME_ID (Linux)
    private const int WarmRounds = 10;

    /// <summary>Runs the measurement and writes OUT.json.</summary>
    public static int Run(string dataDir, string footprintsDir, string outPath, int reps, int warmup)
    {
        var process = Process.GetCurrentProcess();
        var clock = Stopwatch.StartNew();
        var store = new LayerStore(LayerCatalog.Load(dataDir), warmable: true);
        var check = SiteCheck.From(store);
        var openMs = clock.Elapsed.TotalMilliseconds;
        string? warmLog = null;
        store.WarmInBackground(long.MaxValue, (message, error) => warmLog = message + (error is null ? "" : " " + error.Message)).Wait();
        var warmMs = clock.Elapsed.TotalMilliseconds - openMs;
        GC.Collect();
        process.Refresh();
        var workingSetAfterWarmMb = process.WorkingSet64 / 1048576.0;
        var farmland = check.Layers.Single(l => l.Category == "permanent-farmland");
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"warm: opened in {openMs:F0} ms, {warmLog} (in {warmMs:F0} ms), in memory: {farmland.IsInMemory}, working set {workingSetAfterWarmMb:F0} MB"));
        if (!farmland.IsInMemory)
        {
            Console.Error.WriteLine("the farmland layer did not reach memory: the warm figures would be the index's");
            return 1;
        }

        var footprints = new List<(string Name, string Type, CheckOptions Options, Footprint Footprint)>();
        foreach (var path in Directory.GetFiles(footprintsDir, "fp*.geojson").Order(StringComparer.Ordinal))
        {
            var type = File.ReadAllText(path).Contains("（road）", StringComparison.Ordinal) ? "linear-infrastructure" : "urban-construction";
            var options = new CheckOptions(type);
            var load = FeatureFileReader.Read(path, new ReadOptions { Area = check.Area });
            footprints.Add((Path.GetFileNameWithoutExtension(path), type, options, Footprint.From(load, options, Path.GetFileName(path), check.Area)));
        }

        // A running app has checked many footprints before: its code is JIT-compiled at tier 1. Run every footprint
        // WarmRounds times first, then give the runtime's background tier-1 compiler a moment, so the figures below are
        // the steady state and not the first calls' tier-0 code.
        var warmRoundsClock = Stopwatch.StartNew();
        for (var round = 0; round < WarmRounds; round++)
        {
            foreach (var (_, _, options, footprint) in footprints)
            {
                check.Run(footprint, options);
                FarmlandOverlay.Run(farmland, footprint.Gk);
            }
        }

        Thread.Sleep(1000);
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"warm-up: {WarmRounds} rounds over {footprints.Count} footprints in {warmRoundsClock.ElapsedMilliseconds} ms"));

        var results = new List<object>();
        foreach (var (name, type, options, footprint) in footprints)
        {
            for (var i = 0; i < warmup; i++)
            {
                check.Run(footprint, options);
                FarmlandOverlay.Run(farmland, footprint.Gk);
            }

            var checkMs = new double[reps];
            var checkCpuMs = new double[reps];
            var overlayMs = new double[reps];
            var overlayCpuMs = new double[reps];
            CheckReport report = null!;
            (int Parcels, double GridAreaM2) overlay = default;
            long checkAllocated = 0;
            var checkPause = TimeSpan.Zero;
            var checksWithGc = 0;
            var collections = new[] { GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2) };
            for (var i = 0; i < reps; i++)
            {
                var a0 = GC.GetAllocatedBytesForCurrentThread();
                var (p0, g0) = (GC.GetTotalPauseDuration(), GC.CollectionCount(0));
                var c0 = ThreadCpuMs();
                var t0 = Stopwatch.GetTimestamp();
                report = check.Run(footprint, options);
                checkMs[i] = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
                checkCpuMs[i] = ThreadCpuMs() - c0;
                checkAllocated += GC.GetAllocatedBytesForCurrentThread() - a0;
                checkPause += GC.GetTotalPauseDuration() - p0;
                checksWithGc += GC.CollectionCount(0) > g0 ? 1 : 0;
                c0 = ThreadCpuMs();
                t0 = Stopwatch.GetTimestamp();
                overlay = FarmlandOverlay.Run(farmland, footprint.Gk);
                overlayMs[i] = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
                overlayCpuMs[i] = ThreadCpuMs() - c0;
            }

            collections = [GC.CollectionCount(0) - collections[0], GC.CollectionCount(1) - collections[1], GC.CollectionCount(2) - collections[2]];
            var zone = report.Zones.Single(z => z.LayerId == farmland.LayerId);
            Array.Sort(checkMs);
            Array.Sort(overlayMs);
            Array.Sort(checkCpuMs);
            Array.Sort(overlayCpuMs);
            results.Add(new
            {
                name,
                type,
                checkMedianMs = Median(checkMs),
                checkMinMs = checkMs[0],
                checkMaxMs = checkMs[^1],
                checkCpuMedianMs = Median(checkCpuMs),
                checkCpuMinMs = checkCpuMs[0],
                checkCpuMaxMs = checkCpuMs[^1],
                overlayMedianMs = Median(overlayMs),
                overlayMinMs = overlayMs[0],
                overlayMaxMs = overlayMs[^1],
                overlayCpuMedianMs = Median(overlayCpuMs),
                reps,
                verdict = report.Verdict.ToString(),
                relation = zone.Situation.ToString(),
                checkParcels = zone.Features.Count,
                checkTrueM2 = zone.OverlapAreaM2,
                nearby = zone.NearbyFeatures.Count,
                overlayParcels = overlay.Parcels,
                overlayGridM2 = overlay.GridAreaM2,
                footprintGridM2 = footprint.Gk.Area,
                checkAllocatedKb = checkAllocated / 1024.0 / reps,
                gcDuringLoop = collections,
            });
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name}: check median {Median(checkMs):F3} ms (min {checkMs[0]:F3}, max {checkMs[^1]:F3}; CPU {Median(checkCpuMs):F3}), overlay {Median(overlayMs):F3} ms; {zone.Features.Count} parcels, {overlay.GridAreaM2:F4} m² grid, {report.Verdict}; {checkAllocated / 1024.0 / reps:F0} KB allocated per check, GCs {collections[0]}/{collections[1]}/{collections[2]} in {reps} rounds, {checksWithGc} checks paused {checkPause.TotalMilliseconds:F1} ms in all"));
        }

        process.Refresh();
        var json = JsonSerializer.Serialize(
            new
            {
                dataDirectory = dataDir,
                parcels = farmland.Count,
                openMs,
                warmMs,
                warmLog,
                workingSetAfterWarmMb,
                peakWorkingSetMb = process.PeakWorkingSet64 / 1048576.0,
                runtime = System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription,
                gc = System.Runtime.GCSettings.IsServerGC ? "server" : "workstation",
                footprints = results,
            },
            new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) });
        File.WriteAllText(outPath, json);
        return 0;
    }

    private static double ThreadCpuMs() =>
        ClockGetTime(ClockThreadCpuTime, out var t) == 0 ? (t.Seconds * 1e3) + (t.Nanoseconds / 1e6) : double.NaN;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

#pragma warning disable SYSLIB1054 // a benchmark: the classic marshaller is fine and needs no unsafe code
    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);
#pragma warning restore SYSLIB1054

    private static double Median(double[] sorted) =>
        sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
}
