using System.Diagnostics;
using System.Globalization;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;
using NetTopologySuite.Operation.Union;
using SpatialPlan.Core.Checks;
using SpatialPlan.Core.Measurement;

namespace SpatialPlan.Bench;

/// <summary>
/// A rough breakdown of where a site check spends its time (`--stages`), by re-running the check's stages
/// one by one with a stopwatch: envelope query (footprint envelope + buffer), prepared intersects and
/// intersection, the buffer search on the non-intersecting candidates, and the union of the pieces.
/// It mirrors the check's steps as of this commit; it is a diagnostic, not a benchmark (no warm-up
/// statistics), so read it next to the BenchmarkDotNet figures.
/// </summary>
public static class StageProfile
{
    /// <summary>Prints one line per footprint and repetition (milliseconds).</summary>
    public static void Print(int repetitions = 5)
    {
        var check = BenchData.Check;
        var layer = check.Layers.Single();
        var bufferM = check.Policy.Zones[layer.PolicyKey].ProximityM;
        foreach (var name in BenchData.FootprintNames)
        {
            var (footprint, options) = BenchData.Footprint(name);
            for (var rep = 0; rep < repetitions; rep++)
            {
                Console.WriteLine(Stages(check, layer, footprint, options, bufferM, name));
            }
        }
    }

    private static string Stages(SiteCheck check, ZoneLayer layer, Footprint footprint, CheckOptions options, double bufferM, string name)
    {
        var sw = Stopwatch.StartNew();
        check.Run(footprint, options);
        var run = Lap(sw);
        var gk = footprint.Gk;
        var prepared = PreparedGeometryFactory.Prepare(gk);
        var search = new Envelope(gk.EnvelopeInternal);
        search.ExpandBy(bufferM * 1.0003);
        var candidates = layer.Query(search).ToList();
        var query = Lap(sw);
        var pieces = new List<Geometry>();
        var others = new List<ZoneFeature>();
        foreach (var c in candidates)
        {
            if (prepared.Intersects(c.Geometry))
            {
                pieces.Add(prepared.ContainsProperly(c.Geometry) ? c.Geometry : OverlayNGRobust.Overlay(gk, c.Geometry, SpatialFunction.Intersection));
            }
            else
            {
                others.Add(c);
            }
        }

        var intersect = Lap(sw);
        var near = others.Count(c => gk.IsWithinDistance(c.Geometry, bufferM * 1.0003));
        var nearby = Lap(sw);
        var area = pieces.Sum(PlanarMeasure.AreaM2);
        var measure = Lap(sw);
        OverlayNGRobust.Union(gk.Factory.BuildGeometry(pieces));
        var union = Lap(sw);

        // Alternatives worth knowing about: pieces cut from non-overlapping parcels form a coverage, and a
        // prepared buffer answers "within bufferM" with one buffer instead of one distance per candidate.
        CoverageUnion.Union(gk.Factory.BuildGeometry(pieces));
        var coverageUnion = Lap(sw);
        var within = PreparedGeometryFactory.Prepare(gk.Buffer(bufferM * 1.0003));
        var nearPrepared = others.Count(c => within.Intersects(c.Geometry));
        var preparedSearch = Lap(sw);
        return string.Create(CultureInfo.InvariantCulture,
            $"{name}: SiteCheck.Run {run:F1} ms | envelope query {query:F1} ms ({candidates.Count} candidates) | " +
            $"intersects+intersection {intersect:F1} ms ({pieces.Count} pieces) | buffer search {nearby:F1} ms " +
            $"({others.Count} tested, {near} within {bufferM} m) | piece areas {measure:F1} ms ({area:F0} m²) | union of pieces {union:F1} ms" +
            $" || alternatives: CoverageUnion {coverageUnion:F1} ms, prepared-buffer search {preparedSearch:F1} ms ({nearPrepared} within)");
    }

    private static double Lap(Stopwatch sw)
    {
        var ms = sw.Elapsed.TotalMilliseconds;
        sw.Restart();
        return ms;
    }
}
