using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace SpatialPlan.Bench;

/// <summary>
/// Writes SpatialPlan's overlap areas for each footprint (run once, outside the timed loop) so
/// bench/scripts/compare.py can set them beside PostGIS's and GDAL's raw EPSG:4545 areas.
/// </summary>
public static class AreaReport
{
    /// <summary>Mean Earth radius (m) of the architecture's k ≈ 1 + (x − 500 000)² / (2R²) note.</summary>
    private const double EarthRadiusM = 6_371_000;

    /// <summary>Runs the check and the bare overlay once per footprint and writes the areas as JSON.</summary>
    public static void Write(string path)
    {
        var check = BenchData.Check;
        var layer = check.Layers.Single();
        var footprints = new Dictionary<string, object>();
        foreach (var name in BenchData.FootprintNames)
        {
            var (footprint, options) = BenchData.Footprint(name);
            var zone = check.Run(footprint, options).Zones.Single();
            var (parcels, gridArea) = FarmlandOverlay.Run(layer, footprint.Gk);
            var x = footprint.Gk.Centroid.X;
            var k = 1 + ((x - 500_000) * (x - 500_000) / (2 * EarthRadiusM * EarthRadiusM));
            footprints[name] = new
            {
                footprintAreaGridM2 = footprint.Gk.Area,
                footprintAreaTrueM2 = footprint.AreaM2,
                checkTrueM2 = zone.OverlapAreaM2,
                checkParcels = zone.Features.Count,
                checkRelation = zone.Situation.ToString(),
                checkVerdict = zone.Verdict.ToString(),
                checkNearby = zone.NearbyFeatures.Count,
                overlayGridM2 = gridArea,
                overlayParcels = parcels,
                k2Effective = gridArea / zone.OverlapAreaM2,
                k2AtCentroid = k * k,
            };
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"SpatialPlan {name}: check {zone.OverlapAreaM2:F4} m² true over {zone.Features.Count} parcels ({zone.Verdict}); overlay {gridArea:F4} m² grid over {parcels} parcels; grid/true {gridArea / zone.OverlapAreaM2:F8}, k² at centroid {k * k:F8}"));
        }

        var json = JsonSerializer.Serialize(
            new { dataDirectory = BenchData.Directory, parcels = layer.Count, footprints },
            new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) });
        File.WriteAllText(path, json);
    }
}
