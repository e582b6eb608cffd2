using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.Operation.Distance;

namespace SpatialPlan.DataGen;

/// <summary>One generated field parcel (图斑), in the local metre grid.</summary>
public sealed record Parcel(Polygon Geometry, bool Permanent, string LandClass);

/// <summary>
/// The farmland of the 河套 plain as 图斑 of 5–60 亩, shaped like its fields (schematic, seeded):
/// <list type="bullet">
/// <item>the plain is cut into irrigation units that follow the real canals (<see cref="IrrigationUnits"/>); the unit
/// edges are 支渠/支沟 and roads (16 m gaps);</item>
/// <item>each unit is cut, across its canal direction, into 斗渠 bands 600–1000 m wide (12 m gaps: 斗渠 and 田间道), and
/// each band, along it, into 条田 rows 180–320 m long between 农渠 (6 m gaps; 10 m where a 生产路 and 农沟 run beside
/// the 农渠);</item>
/// <item>each 条田 is cut by 毛渠 (3 m gaps) into strips 40–140 m wide, so the strips' long sides run with the canal and
/// their ends lie on the 农渠;</item>
/// <item>the strips are clipped to the farmland region (the banner less the red line, urban boundaries, wetlands, nature
/// reserves, the closure area and the water-management zones, each with a margin, and less the roads and the sample
/// sites), cut round the villages (hamlets strung along the 农渠, 10 m clear), and kept when 5–60 亩 and at least
/// 12 m wide;</item>
/// <item>a whole 条田 is 永久基本农田, 一般耕地 (more likely near villages and towns) or other land (林地、坑塘、设施农用地,
/// left out); some single strips are other land too. Within 3 km of the Ulan Buh desert red line about half the
/// 条田 are 旱地, the rest of the plain is 水浇地.</item>
/// </list>
/// Every random draw of a 条田 comes from a sequence seeded by the unit, band and row numbers, so a change in one place
/// does not reshuffle the rest.
/// </summary>
public static class FarmlandGenerator
{
    public const double StripGapM = 3;     // 毛渠
    public const double RowGapM = 6;       // 农渠
    public const double RoadRowGapM = 10;  // 农渠 + 生产路 + 农沟
    public const double BandGapM = 12;     // 斗渠 + 田间道
    public const double UnitGapM = 16;     // 支渠/支沟 + road
    public const double VillageClearM = 10;

    /// <summary>True-area limits of a 图斑 (5 and 60 亩), with a margin for the local grid's scale (under 0.5 %).</summary>
    public const double MinParcelM2 = 3400;
    public const double MaxStripM2 = 39000;
    public const double MinWidthM = 12;

    private const double VillageShare = 0.10;

    public static List<Parcel> Generate(World w, double scale = 1.0)
    {
        var clock = new Clock();
        var region = Region(w);
        _ = region.EnvelopeInternal;
        var units = IrrigationUnits.Build(w);
        Console.WriteLine($"  farmland region and {units.Count} irrigation units ({clock})");

        // Units are independent (each draws from its own seeded sequences), so they are laid out and filled in parallel;
        // the results are put together in unit order, so the output does not depend on the threads.
        var laidOut = units.AsParallel().AsOrdered().Select(u => LayOut(u, region, scale)).ToList();
        var villages = new STRtree<Polygon>();
        foreach (var v in laidOut.SelectMany(l => l.Villages))
        {
            villages.Insert(v.EnvelopeInternal, v);
        }

        villages.Build();
        var urbanUnion = w.UrbanUnion;
        var desertRedLine = w.RedLineOf("eco-ulanbuh");
        using var urban = new ThreadLocal<IndexedFacetDistance>(() => new IndexedFacetDistance(urbanUnion));
        using var desert = new ThreadLocal<IndexedFacetDistance>(() => new IndexedFacetDistance(desertRedLine));
        var parcels = laidOut.AsParallel().AsOrdered()
            .Select(l =>
            {
                var list = new List<Parcel>();
                foreach (var cell in l.Cells)
                {
                    Fill(cell, villages, urban.Value!, desert.Value!, scale, list);
                }

                return list;
            })
            .SelectMany(list => list)
            .ToList();
        Console.WriteLine($"  {laidOut.Sum(l => l.Cells.Count)} 条田, {villages.Count} villages, {parcels.Count} parcels ({clock})");
        return parcels;
    }

    /// <summary>Where farmland may lie: the banner (30 m in) less every zone it must stay out of, each with a margin.</summary>
    public static Geometry Region(World w)
    {
        var env = w.Banner.EnvelopeInternal.Copy();
        env.ExpandBy(2000);
        var clip = Geo.Factory.ToGeometry(env);
        var exclusions = new List<Geometry>
        {
            Geo.Buffer(w.RedLineUnion, 30),
            Geo.Buffer(w.UrbanUnion, 30),
            Geo.Buffer(w.WetlandUnion, 30),
            Geo.Buffer(w.NatureReserveUnion, 30),
            Geo.Buffer(Geo.Union(w.Closures.Select(c => c.Geometry)), 30),
            Geo.Buffer(Geo.Union(w.WaterManagement.Select(z => z.Geometry)), 8, 2),
            Geo.Buffer(w.Canals.Intersection(clip), 28, 2),
            Geo.Buffer(w.Wujia.Intersection(clip), 60, 2),
            Geo.Buffer(w.YellowRiver.Intersection(clip), 60, 2),
            Geo.Buffer(Geo.Factory.BuildGeometry(w.Roads.Select(r => r.Geometry).ToList()), 15, 2),
        };
        exclusions.AddRange(w.ReservedSites.Select(s => Geo.Buffer(s, 100, 4)));
        return w.Banner.Buffer(-30).Difference(Geo.Union(exclusions));
    }

    /// <summary>A 条田 (band × row) of a unit, before it is filled with strips.</summary>
    private sealed record Cell(int Unit, Frame Frame, double U0, double U1, double V0, double V1, Polygon Shape,
        Geometry UnitShape, IPreparedGeometry UnitPrepared, ulong Seed);

    /// <summary>The unit's axes: <c>along</c> the canal direction (v), <c>across</c> it (u).</summary>
    private sealed record Frame(Coordinate Origin, double Cos, double Sin)
    {
        public Coordinate At(double u, double v) =>
            new(Origin.X + (v * Cos) - (u * Sin), Origin.Y + (v * Sin) + (u * Cos));

        public (double U, double V) Of(Coordinate c)
        {
            var (dx, dy) = (c.X - Origin.X, c.Y - Origin.Y);
            return ((-dx * Sin) + (dy * Cos), (dx * Cos) + (dy * Sin));
        }

        public Polygon Rect(double u0, double u1, double v0, double v1) =>
            Geo.Factory.CreatePolygon([At(u0, v0), At(u1, v0), At(u1, v1), At(u0, v1), At(u0, v0)]);
    }

    private static ulong CellSeed(int unit, int band, int row) =>
        Generator.Seed + 0x5EED_0000UL + ((ulong)unit << 32) + ((ulong)band << 16) + (ulong)row;

    /// <summary>Cuts a unit into 斗渠 bands and 农渠 rows, and places the villages (one pass, so fields can keep clear of
    /// villages in other rows and units).</summary>
    private static (List<Cell> Cells, List<Polygon> Villages) LayOut(IrrigationUnit unit, Geometry region, double scale)
    {
        var cells = new List<Cell>();
        var villages = new List<Polygon>();
        var cellShape = unit.Cell.Buffer(-UnitGapM / 2);
        if (cellShape.IsEmpty)
        {
            return (cells, villages);
        }

        var unitShape = cellShape.Intersection(region);
        if (unitShape.IsEmpty || unitShape.Area < MinParcelM2)
        {
            return (cells, villages);
        }

        var prepared = PreparedGeometryFactory.Prepare(unitShape);
        var frame = new Frame(unit.Site, Math.Cos(unit.Angle), Math.Sin(unit.Angle));
        double umin = double.MaxValue, umax = double.MinValue, vmin = double.MaxValue, vmax = double.MinValue;
        foreach (var c in unitShape.Coordinates)
        {
            var (u, v) = frame.Of(c);
            (umin, umax, vmin, vmax) = (Math.Min(umin, u), Math.Max(umax, u), Math.Min(vmin, v), Math.Max(vmax, v));
        }

        var rng = new Prng(CellSeed(unit.Index, 0xFFFF, 0xFFFF));
        var u0 = umin - (rng.NextDouble() * 900 * scale);
        for (var band = 0; u0 < umax; band++)
        {
            var u1 = u0 + ((600 + (rng.NextDouble() * 400)) * scale);
            var bandRng = new Prng(CellSeed(unit.Index, band, 0xFFFF));
            var v0 = vmin - (bandRng.NextDouble() * 320 * scale);
            var gap0 = RowGapM / 2;
            for (var row = 0; v0 < vmax; row++)
            {
                var v1 = v0 + ((180 + (bandRng.NextDouble() * 140)) * scale);
                var gap1 = (bandRng.NextDouble() < 0.3 ? RoadRowGapM : RowGapM) / 2;
                var (cu0, cu1, cv0, cv1) = (u0 + (BandGapM / 2), u1 - (BandGapM / 2), v0 + gap0, v1 - gap1);
                var shape = frame.Rect(cu0, cu1, cv0, cv1);
                if (prepared.Intersects(shape))
                {
                    var seed = CellSeed(unit.Index, band, row);
                    cells.Add(new Cell(unit.Index, frame, cu0, cu1, cv0, cv1, shape, unitShape, prepared, seed));
                    var villageRng = new Prng(seed ^ 0xB111A6E);
                    if (villageRng.NextDouble() < VillageShare)
                    {
                        var village = Village(frame, cu0, cu1, cv0, cv1, scale, villageRng);
                        if (village is not null && prepared.Contains(Geo.Pt(village.Centroid.Coordinate)))
                        {
                            villages.Add(village);
                        }
                    }
                }

                (v0, gap0) = (v1, gap1);
            }

            u0 = u1;
        }

        return (cells, villages);
    }

    /// <summary>A hamlet strung along one of the 条田's 农渠: 140–420 m long, 50–120 m deep.</summary>
    private static Polygon? Village(Frame frame, double u0, double u1, double v0, double v1, double scale, Prng rng)
    {
        var length = (140 + (rng.NextDouble() * 280)) * scale;
        var depth = (50 + (rng.NextDouble() * 70)) * scale;
        var atLow = rng.NextDouble() < 0.5;
        var where = rng.NextDouble();
        if (u1 - u0 < length + 20 || v1 - v0 < depth / 0.6)
        {
            return null;
        }

        var uc = u0 + (length / 2) + (where * (u1 - u0 - length));
        var vc = atLow ? v0 + (depth / 2) : v1 - (depth / 2);
        var rot = (Math.Atan2(frame.Cos, -frame.Sin) * 180 / Math.PI) + ((rng.NextDouble() - 0.5) * 10);
        return Geo.Blob(frame.At(uc, vc), length / 2, depth / 2, rot, rng, 16, 0.08);
    }

    /// <summary>Decides what a 条田 is and cuts it into strips by its 毛渠.</summary>
    private static void Fill(Cell cell, STRtree<Polygon> villages, IndexedFacetDistance urban, IndexedFacetDistance desert,
        double scale, List<Parcel> parcels)
    {
        var rng = new Prng(cell.Seed);
        var centre = Geo.Pt(cell.Shape.Centroid.Coordinate);
        var nearVillages = villages.Query(Grow(cell.Shape.EnvelopeInternal, 1500)).ToList();
        var dv = nearVillages.Count == 0 ? 1500 : nearVillages.Min(v => v.Distance(centre));
        var du = urban.Distance(centre);
        var pOther = 0.04 + (0.12 * Math.Exp(-dv / 250));
        var pGeneral = Math.Min(0.85, 0.07 + (0.40 * Math.Exp(-dv / 300)) + (0.50 * Math.Exp(-du / 700)));
        var draw = rng.NextDouble();
        var dry = desert.Distance(centre) < 3000 && rng.NextDouble() < 0.55;
        if (draw < pOther)
        {
            return;
        }

        var permanent = draw >= pOther + pGeneral;
        var landClass = dry ? "旱地" : "水浇地";

        // The part of the 条田 fields may cover: inside the unit, clear of villages.
        var clear = nearVillages.Where(v => v.EnvelopeInternal.Intersects(Grow(cell.Shape.EnvelopeInternal, VillageClearM))
                                             && v.Distance(cell.Shape) < VillageClearM).ToList();
        Geometry? piece = null;
        IPreparedGeometry? piecePrepared = null;
        List<Coordinate[]>? convex = null;
        if (clear.Count > 0 || !cell.UnitPrepared.Contains(cell.Shape))
        {
            piece = cell.UnitShape.Intersection(cell.Shape);
            if (clear.Count > 0)
            {
                piece = piece.Difference(Geo.Buffer(Geo.Union(clear), VillageClearM, 4));
            }

            if (piece.IsEmpty)
            {
                return;
            }

            piecePrepared = PreparedGeometryFactory.Prepare(piece);
            convex = ConvexParts(piece);
        }

        var length = cell.V1 - cell.V0;
        var span = cell.U1 - cell.U0;
        var meanWidth = (70 + (rng.NextDouble() * 60)) * scale;
        var n = Math.Max(1, (int)Math.Round(span / meanWidth));
        var weights = new double[n];
        for (var i = 0; i < n; i++)
        {
            weights[i] = 0.7 + (rng.NextDouble() * 0.6);
        }

        var total = span - ((n - 1) * StripGapM);
        var sum = weights.Sum();
        var u = cell.U0;
        for (var i = 0; i < n; i++)
        {
            var width = total * weights[i] / sum;
            var otherStrip = rng.NextDouble() < 0.02;
            // A strip over 60 亩 is two or more 图斑 (a 毛渠 between them).
            var parts = Math.Max(1, (int)Math.Ceiling(width * length / (MaxStripM2 * scale * scale)));
            var partWidth = (width - ((parts - 1) * StripGapM)) / parts;
            for (var p = 0; p < parts && !otherStrip; p++)
            {
                var a = u + (p * (partWidth + StripGapM));
                Keep(cell.Frame.Rect(a, a + partWidth, cell.V0, cell.V1), piece, piecePrepared, convex, permanent, landClass, scale,
                    parcels);
            }

            u += width + StripGapM;
        }
    }


    private static void Keep(Polygon strip, Geometry? piece, IPreparedGeometry? prepared, List<Coordinate[]>? convex,
        bool permanent, string landClass, double scale, List<Parcel> parcels)
    {
        if (piece is null || prepared!.Contains(strip))
        {
            parcels.Add(new Parcel(strip, permanent, landClass));
            return;
        }

        if (!prepared.Intersects(strip))
        {
            return;
        }

        // Convex pieces (most: a 条田 cut by a unit edge) are clipped directly; others go through OverlayNG.
        var clipped = convex is not null
            ? convex.Select(ring => ClipConvex(strip.Shell.Coordinates, ring)).OfType<Polygon>().ToList()
            : Geo.Polygons(strip.Intersection(piece));
        var kept = new List<Polygon>();
        foreach (var part in clipped.OrderByDescending(x => x.Area))
        {
            var fit = part.Area >= MinParcelM2 * scale * scale && 2 * part.Area / part.Length >= MinWidthM * scale;
            // Parts of one strip that meet at a point would be two 图斑 touching: keep the larger.
            if (fit && !kept.Any(k => k.Intersects(part)) && Printable(part) is { } printable)
            {
                kept.Add(printable);
            }
        }

        parcels.AddRange(kept.Select(k => new Parcel(k, permanent, landClass)));
    }

    /// <summary>
    /// A clipped part as it can be written: valid at the GeoJSON copy's 7 decimals. A clip can leave vertices a hair apart
    /// that rounding would fold; those are simplified away (5 cm), and a part that still does not survive is dropped.
    /// </summary>
    private static Polygon? Printable(Polygon part)
    {
        if (ValidAt7Decimals(part))
        {
            return part;
        }

        return NetTopologySuite.Simplify.DouglasPeuckerSimplifier.Simplify(part, 0.05) is Polygon simple && simple.IsValid
               && Math.Abs(simple.Area - part.Area) < 1e-4 * part.Area && ValidAt7Decimals(simple)
            ? simple
            : null;
    }

    private static bool ValidAt7Decimals(Polygon local)
    {
        var degrees = LocalGrid.Degrees(local);
        degrees.Apply(new Generator.RoundFilter(new PrecisionModel(1e7)));
        degrees.GeometryChanged();
        return degrees.IsValid;
    }

    /// <summary>The piece's parts as counter-clockwise rings when every part is a convex polygon without holes; else null.</summary>
    private static List<Coordinate[]>? ConvexParts(Geometry piece)
    {
        var rings = new List<Coordinate[]>();
        foreach (var part in Geo.Polygons(piece))
        {
            if (part.NumInteriorRings > 0)
            {
                return null;
            }

            var ring = part.Shell.Coordinates;
            if (!NetTopologySuite.Algorithm.Orientation.IsCCW(ring))
            {
                ring = ring.Reverse().ToArray();
            }

            for (var i = 0; i < ring.Length - 1; i++)
            {
                var (a, b, c) = (ring[i], ring[i + 1], ring[(i + 2) % (ring.Length - 1)]);
                if (Cross(a, b, c) < -1e-6)
                {
                    return null;
                }
            }

            rings.Add(ring);
        }

        return rings;
    }

    /// <summary>Sutherland–Hodgman: the strip (a closed ring) clipped by a convex counter-clockwise ring; null when nothing is left.</summary>
    private static Polygon? ClipConvex(Coordinate[] subject, Coordinate[] clip)
    {
        var points = subject.Take(subject.Length - 1).ToList();
        for (var i = 0; i < clip.Length - 1 && points.Count > 0; i++)
        {
            var (a, b) = (clip[i], clip[i + 1]);
            var output = new List<Coordinate>(points.Count + 2);
            for (var k = 0; k < points.Count; k++)
            {
                var (p, q) = (points[k], points[(k + 1) % points.Count]);
                var (sp, sq) = (Cross(a, b, p), Cross(a, b, q));
                if (sp >= 0)
                {
                    output.Add(p);
                }

                if ((sp >= 0) != (sq >= 0))
                {
                    var t = sp / (sp - sq);
                    output.Add(new Coordinate(p.X + (t * (q.X - p.X)), p.Y + (t * (q.Y - p.Y))));
                }
            }

            points = output;
        }

        // Drop repeated points the clipping can leave where an edge passes through a vertex.
        var ring = new List<Coordinate>();
        foreach (var p in points)
        {
            if (ring.Count == 0 || ring[^1].Distance(p) > 1e-6)
            {
                ring.Add(p);
            }
        }

        while (ring.Count > 1 && ring[0].Distance(ring[^1]) <= 1e-6)
        {
            ring.RemoveAt(ring.Count - 1);
        }

        if (ring.Count < 3)
        {
            return null;
        }

        ring.Add(ring[0].Copy());
        var polygon = Geo.Factory.CreatePolygon(ring.ToArray());
        return polygon.Area > 0 ? polygon : null;
    }

    private static double Cross(Coordinate a, Coordinate b, Coordinate p) => ((b.X - a.X) * (p.Y - a.Y)) - ((b.Y - a.Y) * (p.X - a.X));

    private static Envelope Grow(Envelope e, double by)
    {
        var copy = e.Copy();
        copy.ExpandBy(by);
        return copy;
    }
}
