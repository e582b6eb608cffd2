using NetTopologySuite.Geometries;
using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries.Prepared;

namespace SpatialPlan.Core.Import;

/// <summary>
/// Tells whether a feature lies wholly outside the data area (meets it nowhere, not even at its edge). A grid over the
/// area's envelope is classified once (cells wholly inside, wholly outside, or on the boundary), so most features are
/// answered from their envelope; only those whose envelope reaches a boundary cell get the exact prepared-geometry test.
/// Safe to call from several threads.
/// </summary>
internal sealed class AreaCoverage
{
    private const int Cells = 64;
    private readonly IPreparedGeometry _area;
    private readonly Envelope _extent;
    private readonly byte[] _cells = new byte[Cells * Cells];
    private readonly double _w;
    private readonly double _h;
    private readonly Lock _exact = new();

    /// <param name="area">The area, in the working CRS (polygonal).</param>
    public AreaCoverage(Geometry area)
    {
        Area = area;
        _area = PreparedGeometryFactory.Prepare(area);
        _extent = area.EnvelopeInternal;
        _w = Math.Max(_extent.Width / Cells, 1e-9);
        _h = Math.Max(_extent.Height / Cells, 1e-9);
        // A cell the area's boundary does not cross is wholly inside or wholly outside: its centre tells which.
        var factory = area.Factory;
        var boundary = PreparedGeometryFactory.Prepare(area.Boundary);
        var locator = new IndexedPointInAreaLocator(area);
        for (var i = 0; i < Cells; i++)
        {
            for (var j = 0; j < Cells; j++)
            {
                var box = new Envelope(_extent.MinX + (i * _w), _extent.MinX + ((i + 1) * _w), _extent.MinY + (j * _h), _extent.MinY + ((j + 1) * _h));
                _cells[(i * Cells) + j] = boundary.Intersects(factory.ToGeometry(box)) ? Boundary
                    : locator.Locate(box.Centre) == Location.Interior ? Inside : Outside;
            }
        }
    }

    private const byte Outside = 0;
    private const byte Inside = 1;
    private const byte Boundary = 2;

    /// <summary>The area itself.</summary>
    public Geometry Area { get; }

    /// <summary>True when <paramref name="geometry"/> (working CRS) does not meet the area at all.</summary>
    public bool IsOutside(Geometry geometry)
    {
        var e = geometry.EnvelopeInternal;
        if (!e.Intersects(_extent))
        {
            return true;
        }

        // One cell more on every side: a rounded index never leaves out a cell the envelope reaches.
        int i0 = Index(e.MinX, _extent.MinX, _w) - 1, i1 = Index(e.MaxX, _extent.MinX, _w) + 1;
        int j0 = Index(e.MinY, _extent.MinY, _h) - 1, j1 = Index(e.MaxY, _extent.MinY, _h) + 1;
        (i0, i1, j0, j1) = (Math.Max(i0, 0), Math.Min(i1, Cells - 1), Math.Max(j0, 0), Math.Min(j1, Cells - 1));
        bool inside = e.MinX >= _extent.MinX && e.MaxX <= _extent.MaxX && e.MinY >= _extent.MinY && e.MaxY <= _extent.MaxY, outside = true;
        for (var i = i0; i <= i1; i++)
        {
            for (var j = j0; j <= j1; j++)
            {
                var c = _cells[(i * Cells) + j];
                inside &= c == Inside;
                outside &= c == Outside;
            }
        }

        if (inside)
        {
            return false;
        }

        if (outside)
        {
            return true;
        }

        lock (_exact)
        {
            return !_area.Intersects(geometry);
        }
    }

    private static int Index(double v, double origin, double size) => Math.Clamp((int)Math.Floor((v - origin) / size), 0, Cells - 1);
}
