using NetTopologySuite.Geometries;
using SkiaSharp;

namespace SpatialPlan.Rendering.Sheets;

/// <summary>The map frame on the page: which working-CRS point sits at its centre and at what scale.</summary>
internal sealed class MapFrame
{
    public MapFrame(SKRect rectPt, Coordinate centre, double denominator)
    {
        RectPt = rectPt;
        Centre = centre;
        Denominator = denominator;
        PointsPerMetre = 1 / (MapScale.MetresPerPoint * denominator);
    }

    /// <summary>A printed pixel at 300 dpi, points: a PDF's resolution for simplifying and generalising (issue 10).</summary>
    public const double PrintPixelPt = 72.0 / 300;

    public SKRect RectPt { get; }

    /// <summary>The sheet's resolution: one pixel in points (<see cref="PrintPixelPt"/> for a PDF, 72/dpi for a PNG).
    /// Outlines are thinned to half of it, and polygons too narrow for it are merged (<see cref="Painting.ScaleGeneralisation"/>).</summary>
    public double PixelPt { get; init; } = PrintPixelPt;

    /// <summary>One pixel of the sheet on the ground, metres.</summary>
    public double PixelM => PixelPt / PointsPerMetre;

    public Coordinate Centre { get; }

    public double Denominator { get; }

    public double PointsPerMetre { get; }

    /// <summary>The ground extent (working CRS) the frame shows.</summary>
    public Envelope Ground
    {
        get
        {
            double halfW = RectPt.Width / 2 / PointsPerMetre, halfH = RectPt.Height / 2 / PointsPerMetre;
            return new Envelope(Centre.X - halfW, Centre.X + halfW, Centre.Y - halfH, Centre.Y + halfH);
        }
    }

    public SKPoint ToPage(double x, double y) => new(
        (float)(RectPt.MidX + ((x - Centre.X) * PointsPerMetre)),
        (float)(RectPt.MidY - ((y - Centre.Y) * PointsPerMetre)));

    /// <summary>Frame that fits <paramref name="extent"/> (working CRS) into <paramref name="rectPt"/> at a round scale.</summary>
    public static MapFrame Fit(SKRect rectPt, Envelope extent, double pixelPt = PrintPixelPt)
    {
        // 2 % breathing room (1 % each side) so features do not touch the neat line; with 4 % the whole banner missed
        // 1:350 000 on A3 by 2 % and fell to 1:500 000.
        double denominator = MapScale.FitDenominator(extent.Width * 1.02, extent.Height * 1.02, rectPt.Width, rectPt.Height);
        return new MapFrame(rectPt, extent.Centre, denominator) { PixelPt = pixelPt };
    }
}
