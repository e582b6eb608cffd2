using System.Globalization;
using NetTopologySuite.Geometries;

namespace SpatialPlan.Core.Crs;

/// <summary>
/// The area a data folder covers, as a lon/lat bounding box (EPSG:4490) and a name for messages. Footprints are
/// judged against it (docs/limits.md: a footprint may reach at most <see cref="MaxBeyondKm"/> beyond it). Today the
/// embedded data is 杭锦后旗 (<see cref="Banner"/>); official data for another county passes its catalog's area.
/// </summary>
/// <param name="NameZh">The area's name, e.g. 杭锦后旗.</param>
/// <param name="LonLat">Its bounding box in degrees (x = longitude, y = latitude).</param>
public sealed record AreaExtent(string NameZh, Envelope LonLat)
{
    /// <summary>How far a footprint may reach beyond the area's bounding box: 25 km (a road or canal may cross into the neighbour).</summary>
    public const double MaxBeyondKm = 25;

    /// <summary>杭锦后旗: 106.59–107.39°E, 40.46–41.22°N (PLAN-DIGEST §0).</summary>
    public static AreaExtent Banner { get; } = new("杭锦后旗", new Envelope(BannerArea.MinLon, BannerArea.MaxLon, BannerArea.MinLat, BannerArea.MaxLat));

    /// <summary>
    /// How many km <paramref name="lonLat"/> reaches beyond the box at its farthest side (0 when inside), with degrees
    /// turned into km at the box's mid-latitude (1° of latitude ≈ 110.6 km, 1° of longitude ≈ 111.3 km × cos φ).
    /// </summary>
    public double BeyondKm(Envelope lonLat)
    {
        ArgumentNullException.ThrowIfNull(lonLat);
        var kmPerLon = 111.32 * Math.Cos(LonLat.Centre.Y * Math.PI / 180);
        const double kmPerLat = 110.57;
        return Math.Max(0, new[]
        {
            (LonLat.MinX - lonLat.MinX) * kmPerLon, (lonLat.MaxX - LonLat.MaxX) * kmPerLon,
            (LonLat.MinY - lonLat.MinY) * kmPerLat, (lonLat.MaxY - LonLat.MaxY) * kmPerLat,
        }.Max());
    }

    /// <summary>"106.59–107.39°E, 40.46–41.22°N".</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{LonLat.MinX:0.##}–{LonLat.MaxX:0.##}°E, {LonLat.MinY:0.##}–{LonLat.MaxY:0.##}°N");
}
