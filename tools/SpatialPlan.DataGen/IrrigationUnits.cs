using NetTopologySuite.Geometries;
using NetTopologySuite.LinearReferencing;
using NetTopologySuite.Operation.Distance;
using NetTopologySuite.Triangulate;

namespace SpatialPlan.DataGen;

/// <summary>
/// One irrigation unit (the land a 支渠 serves, schematically): a Voronoi cell of a site on or between the real canals,
/// and the direction its fields run in (radians from the x axis of the local grid; the strips' long sides follow it).
/// </summary>
public sealed record IrrigationUnit(int Index, Polygon Cell, double Angle, Coordinate Site, bool OnCanal);

/// <summary>
/// Cuts the plain into irrigation units whose field grid follows the real canals (gis-data/layers/canals.geojson, the
/// unnamed 河套 channels of the 1:4M data): sites every <see cref="CanalSiteSpacingM"/> along each canal take the canal's
/// local direction; sites of a coarse background grid, away from the canals, take the distance-weighted mean direction of
/// the canal sites (axial, i.e. averaged as doubled angles, so 10° and 190° agree). Each site's Voronoi cell is a unit;
/// the cell edges are the 支渠/支沟 and roads between units.
/// </summary>
public static class IrrigationUnits
{
    public const double CanalSiteSpacingM = 3000;
    public const double BackgroundSpacingM = 4500;

    /// <summary>Half the span of canal over which its local direction is averaged.</summary>
    private const double DirectionSpanM = 700;

    public static List<IrrigationUnit> Build(World w)
    {
        var env = w.Banner.EnvelopeInternal.Copy();
        env.ExpandBy(3000);
        var clip = Geo.Factory.ToGeometry(env);
        var canals = w.Canals.Intersection(clip);
        var near = Geo.Buffer(w.Banner, 2000, 4);
        var nearPrepared = NetTopologySuite.Geometries.Prepared.PreparedGeometryFactory.Prepare(near);

        var sites = new List<(Coordinate At, double Angle, bool OnCanal)>();
        for (var i = 0; i < canals.NumGeometries; i++)
        {
            if (canals.GetGeometryN(i) is not LineString line || line.Length < 300)
            {
                continue;
            }

            var indexed = new LengthIndexedLine(line);
            var length = line.Length;
            var n = Math.Max(1, (int)Math.Round(length / CanalSiteSpacingM));
            for (var k = 0; k < n; k++)
            {
                var s = (k + 0.5) * length / n;
                var at = indexed.ExtractPoint(s);
                var a = indexed.ExtractPoint(Math.Max(0, s - DirectionSpanM));
                var b = indexed.ExtractPoint(Math.Min(length, s + DirectionSpanM));
                if (!nearPrepared.Contains(Geo.Pt(at)) || sites.Any(x => x.At.Distance(at) < 0.55 * CanalSiteSpacingM))
                {
                    continue;
                }

                sites.Add((at, Math.Atan2(b.Y - a.Y, b.X - a.X), true));
            }
        }

        if (sites.Count == 0)
        {
            throw new InvalidOperationException("no canal inside the banner to orient the fields by");
        }

        var canalSites = sites.ToList();
        var distance = new IndexedFacetDistance(canals);
        var rng = new Prng(Generator.Seed + 2200);
        for (var x = env.MinX; x <= env.MaxX; x += BackgroundSpacingM)
        {
            for (var y = env.MinY; y <= env.MaxY; y += BackgroundSpacingM)
            {
                var at = new Coordinate(x + rng.NextSigned() * 0.25 * BackgroundSpacingM, y + rng.NextSigned() * 0.25 * BackgroundSpacingM);
                if (!nearPrepared.Contains(Geo.Pt(at)) || distance.Distance(Geo.Pt(at)) < 0.6 * BackgroundSpacingM)
                {
                    continue;
                }

                sites.Add((at, MeanDirection(canalSites, at), false));
            }
        }

        var builder = new VoronoiDiagramBuilder { ClipEnvelope = env };
        builder.SetSites(sites.Select(s => s.At).ToList());
        var diagram = builder.GetDiagram(Geo.Factory);
        var bySite = new Dictionary<(double, double), int>();
        for (var i = 0; i < sites.Count; i++)
        {
            bySite[(sites[i].At.X, sites[i].At.Y)] = i;
        }

        var units = new List<IrrigationUnit>();
        for (var i = 0; i < diagram.NumGeometries; i++)
        {
            var cell = (Polygon)diagram.GetGeometryN(i);
            var site = (Coordinate)cell.UserData;
            var k = bySite[(site.X, site.Y)];
            units.Add(new IrrigationUnit(k, cell, sites[k].Angle, sites[k].At, sites[k].OnCanal));
        }

        units.Sort((a, b) => a.Index.CompareTo(b.Index));
        return units;
    }

    /// <summary>The axial mean of the canal directions, weighted by 1 / (d² + 2 km²).</summary>
    private static double MeanDirection(List<(Coordinate At, double Angle, bool OnCanal)> canalSites, Coordinate at)
    {
        double c = 0, s = 0;
        foreach (var site in canalSites)
        {
            var d2 = site.At.Distance(at);
            var weight = 1 / ((d2 * d2) + 4e6);
            c += weight * Math.Cos(2 * site.Angle);
            s += weight * Math.Sin(2 * site.Angle);
        }

        return Math.Atan2(s, c) / 2;
    }
}
