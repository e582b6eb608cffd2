using System.Globalization;
using NetTopologySuite.Geometries;

namespace SpatialPlan.Core.Tiles;

/// <summary>
/// The vector-tile grid over a data area's working CRS (docs/tiles.md §1): a square extent whose top-left corner is the
/// origin, tiles of <see cref="TileSize"/> pixels, and resolutions (metres a pixel) halving from "the whole square in one
/// tile" down to <see cref="FinestResolution"/>. Tile (z, x, y) counts x to the right and y DOWN from the origin, as
/// OpenLayers' <c>TileGrid</c> does: it covers x from <c>origin.x + x·size·res</c> and y from
/// <c>origin.y − (y+1)·size·res</c> to <c>origin.y − y·size·res</c>.
/// The square's side is <c>TileSize · FinestResolution · 2ⁿ</c>, so every resolution is an exact binary multiple of
/// 0.25 m and tile edges are exact in floating point at every level.
/// </summary>
public sealed class TileGrid
{
    /// <summary>Pixels along a tile's side.</summary>
    public const int TileSize = 512;

    /// <summary>The finest resolution in metres a pixel (about 1:1 000 on screen).</summary>
    public const double FinestResolution = 0.25;

    /// <summary>The origin is rounded outwards to whole multiples of this (metres).</summary>
    public const double OriginStep = 1000;

    private TileGrid(int epsg, double originX, double originY, double side)
    {
        Epsg = epsg;
        OriginX = originX;
        OriginY = originY;
        Side = side;
        var resolutions = new List<double>();
        for (var r = side / TileSize; r >= FinestResolution; r /= 2)
        {
            resolutions.Add(r);
        }

        Resolutions = resolutions;
    }

    /// <summary>The working CRS (an EPSG code) the grid is in.</summary>
    public int Epsg { get; }

    /// <summary>The origin's x (the grid's left edge), metres.</summary>
    public double OriginX { get; }

    /// <summary>The origin's y (the grid's top edge), metres.</summary>
    public double OriginY { get; }

    /// <summary>The square's side, metres.</summary>
    public double Side { get; }

    /// <summary>Metres a pixel at each zoom level z = 0, 1, …; level 0 is the whole square in one tile.</summary>
    public IReadOnlyList<double> Resolutions { get; }

    /// <summary>The deepest zoom level.</summary>
    public int MaxZoom => Resolutions.Count - 1;

    /// <summary>The square (min x, min y, max x, max y).</summary>
    public Envelope Extent => new(OriginX, OriginX + Side, OriginY - Side, OriginY);

    /// <summary>The CRS as catalog.json and OpenLayers name it, e.g. <c>EPSG:4545</c>.</summary>
    public string Crs => "EPSG:" + Epsg.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The grid that covers <paramref name="area"/> (working CRS, metres): its top-left rounded outwards to
    /// <see cref="OriginStep"/>, the square's side the smallest <c>512 · 0.25 m · 2ⁿ</c> that holds the rounded extent.
    /// </summary>
    /// <exception cref="ArgumentException">The area is empty or not finite.</exception>
    public static TileGrid Covering(Envelope area, int epsg)
    {
        ArgumentNullException.ThrowIfNull(area);
        if (area.IsNull || !double.IsFinite(area.MinX) || !double.IsFinite(area.MaxX) || !double.IsFinite(area.MinY) || !double.IsFinite(area.MaxY))
        {
            throw new ArgumentException("the tile grid needs a finite, non-empty area", nameof(area));
        }

        var left = Math.Floor(area.MinX / OriginStep) * OriginStep;
        var top = Math.Ceiling(area.MaxY / OriginStep) * OriginStep;
        var right = Math.Ceiling(area.MaxX / OriginStep) * OriginStep;
        var bottom = Math.Floor(area.MinY / OriginStep) * OriginStep;
        var need = Math.Max(Math.Max(right - left, top - bottom), OriginStep);
        var side = TileSize * FinestResolution;
        while (side < need)
        {
            side *= 2;
        }

        return new TileGrid(epsg, left, top, side);
    }

    /// <summary>True when (z, x, y) is a tile of this grid.</summary>
    public bool Contains(int z, long x, long y) => z >= 0 && z <= MaxZoom && x >= 0 && y >= 0 && x < (1L << z) && y < (1L << z);

    /// <summary>Metres along a tile's side at level <paramref name="z"/>.</summary>
    public double TileSpan(int z) => Resolutions[z] * TileSize;

    /// <summary>The tile's extent in the working CRS.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a tile of this grid.</exception>
    public Envelope TileExtent(int z, long x, long y)
    {
        if (!Contains(z, x, y))
        {
            throw new ArgumentOutOfRangeException(nameof(z), $"tile {z}/{x}/{y} is outside the grid (levels 0–{MaxZoom})");
        }

        var span = TileSpan(z);
        return new Envelope(OriginX + (x * span), OriginX + ((x + 1) * span), OriginY - ((y + 1) * span), OriginY - (y * span));
    }
}
