using System.Diagnostics;
using System.Globalization;
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
/// usage: SpatialPlan.Bench --issue8-warm DATA_DIR FOOTPRINTS_DIR OUT.json [REPS] [WARMUP]
/// </summary>
public static class Issue8Warm
{
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

        var results = new List<object>();
        foreach (var path in Directory.GetFiles(footprintsDir, "fp*.geojson").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            var type = File.ReadAllText(path).Contains("（road）", StringComparison.Ordinal) ? "linear-infrastructure" : "urban-construction";
            var options = new CheckOptions(type);
            var load = FeatureFileReader.Read(path, new ReadOptions { Area = check.Area });
            var footprint = Footprint.From(load, options, Path.GetFileName(path), check.Area);

            for (var i = 0; i < warmup; i++)
            {
                check.Run(footprint, options);
                FarmlandOverlay.Run(farmland, footprint.Gk);
            }

            var checkMs = new double[reps];
            var overlayMs = new double[reps];
            CheckReport report = null!;
            (int Parcels, double GridAreaM2) overlay = default;
            for (var i = 0; i < reps; i++)
            {
                var t0 = Stopwatch.GetTimestamp();
                report = check.Run(footprint, options);
                checkMs[i] = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
                t0 = Stopwatch.GetTimestamp();
                overlay = FarmlandOverlay.Run(farmland, footprint.Gk);
                overlayMs[i] = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
            }

            var zone = report.Zones.Single(z => z.LayerId == farmland.LayerId);
            Array.Sort(checkMs);
            Array.Sort(overlayMs);
            results.Add(new
            {
                name,
                type,
                checkMedianMs = Median(checkMs),
                checkMinMs = checkMs[0],
                checkMaxMs = checkMs[^1],
                overlayMedianMs = Median(overlayMs),
                overlayMinMs = overlayMs[0],
                overlayMaxMs = overlayMs[^1],
                reps,
                verdict = report.Verdict.ToString(),
                relation = zone.Situation.ToString(),
                checkParcels = zone.Features.Count,
                checkTrueM2 = zone.OverlapAreaM2,
                nearby = zone.NearbyFeatures.Count,
                overlayParcels = overlay.Parcels,
                overlayGridM2 = overlay.GridAreaM2,
                footprintGridM2 = footprint.Gk.Area,
            });
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name}: check median {Median(checkMs):F3} ms (min {checkMs[0]:F3}, max {checkMs[^1]:F3}), overlay {Median(overlayMs):F3} ms; {zone.Features.Count} parcels, {overlay.GridAreaM2:F4} m² grid, {report.Verdict}"));
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

    private static double Median(double[] sorted) =>
        sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
}
