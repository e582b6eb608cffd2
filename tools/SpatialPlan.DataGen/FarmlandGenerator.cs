using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index.Strtree;

namespace SpatialPlan.DataGen;

/// <summary>
/// Farmland parcels: a jittered grid, turned to follow the canals (south-west to north-east), cut by the farmland
/// region (the banner minus red line, urban boundaries, wetlands, canals, rivers, roads and reserved sites). Most
/// cells become 永久基本农田; of the cells left out, some become 一般耕地 (whole fields, or the fields round a village
/// core) and the rest stay villages, construction land and forest. Neighbouring cells share their corners, so they
/// tile without overlap; each parcel is then shrunk by 5 m, leaving 10 m field roads, so no parcel of either layer
/// touches another.
/// </summary>
public static class FarmlandGenerator
{
    private const double AngleDeg = 32;
    private const double VillageShare = 0.36;
    private const double MinParcelM2 = 3000;

    /// <summary>Of the left-out cells: the share that is whole 一般耕地, and the share that is a village with fields round it.</summary>
    private const double GeneralFieldShare = 0.20;
    private const double VillageFieldsShare = 0.15;

    /// <summary>Permanent basic farmland (and, with <paramref name="general"/>, the general farmland) of the committed data.</summary>
    public static List<(Geometry Geometry, Props Props)> Generate(World w, int? wanted,
        List<(Geometry Geometry, Props Props)>? general = null)
    {
        var region = Region(w);
        var tiles = Tiles(region, 4000);
        if (wanted is null)
        {
            return Cut(region, tiles, 700, 480, null, general);
        }

        // Benchmark: choose the cell size so that the cut yields at least `wanted` parcels.
        var cellArea = region.Area * (1 - VillageShare) / (wanted.Value * 1.05);
        while (true)
        {
            var along = Math.Sqrt(cellArea * 700 / 480);
            var parcels = Cut(region, tiles, along, cellArea / along, wanted, null);
            if (parcels.Count >= wanted.Value)
            {
                return parcels.Take(wanted.Value).ToList();
            }

            cellArea *= 0.9;
        }
    }

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
            Geo.Buffer(w.Canals.Intersection(clip), 25, 2),
            Geo.Buffer(w.Wujia.Intersection(clip), 60, 2),
            Geo.Buffer(w.YellowRiver.Intersection(clip), 60, 2),
            Geo.Buffer(Geo.Factory.BuildGeometry(w.Roads.Select(r => r.Geometry).ToList()), 12, 2),
        };
        exclusions.AddRange(w.ReservedSites.Select(s => Geo.Buffer(s, 100, 4)));
        return w.Banner.Buffer(-30).Difference(Geo.Union(exclusions));
    }

    private static STRtree<Geometry> Tiles(Geometry region, double size)
    {
        var tree = new STRtree<Geometry>();
        var env = region.EnvelopeInternal;
        for (var x = env.MinX; x < env.MaxX; x += size)
        {
            for (var y = env.MinY; y < env.MaxY; y += size)
            {
                var tile = Geo.Factory.ToGeometry(new Envelope(x, x + size, y, y + size));
                var piece = region.Intersection(tile);
                if (!piece.IsEmpty)
                {
                    tree.Insert(piece.EnvelopeInternal, piece);
                }
            }
        }

        tree.Build();
        return tree;
    }

    private static List<(Geometry Geometry, Props Props)> Cut(Geometry region, STRtree<Geometry> tiles, double along,
        double across, int? stopAfter, List<(Geometry Geometry, Props Props)>? general)
    {
        var rng = new Prng(Generator.Seed + 712);
        // A sequence of its own, drawn once per left-out cell, so the permanent farmland does not depend on it.
        var generalRng = new Prng(Generator.Seed + 423);
        var env = region.EnvelopeInternal;
        var corners = Corners(env, along, across, rng);
        var (ni, nj) = (corners.GetLength(0) - 1, corners.GetLength(1) - 1);
        var prepared = new Dictionary<Geometry, IPreparedGeometry>(ReferenceEqualityComparer.Instance);
        var parcels = new List<(Geometry, Props)>();
        for (var j = 0; j < nj; j++)
        {
            for (var i = 0; i < ni; i++)
            {
                var village = rng.NextDouble() < VillageShare;
                var cell = Geo.Factory.CreatePolygon([corners[i, j], corners[i + 1, j], corners[i + 1, j + 1], corners[i, j + 1], corners[i, j]]);
                if (village)
                {
                    if (general is not null)
                    {
                        AddGeneral(cell, tiles, prepared, generalRng, general, env);
                    }

                    continue;
                }

                if (!env.Intersects(cell.EnvelopeInternal))
                {
                    continue;
                }

                foreach (var part in Clip(cell, tiles, prepared))
                {
                    parcels.Add((part, ParcelProps(parcels.Count + 1, part)));
                    if (stopAfter is not null && parcels.Count >= stopAfter)
                    {
                        return parcels;
                    }
                }
            }
        }

        return parcels;
    }

    /// <summary>
    /// A left-out cell: whole 一般耕地, or a village core (a blob of 130–220 m radius, kept as construction land) with
    /// 一般耕地 round it, or nothing (village, construction land, forest). Cut and shrunk like the permanent parcels.
    /// </summary>
    private static void AddGeneral(Polygon cell, STRtree<Geometry> tiles, Dictionary<Geometry, IPreparedGeometry> prepared,
        Prng rng, List<(Geometry Geometry, Props Props)> general, Envelope env)
    {
        var draw = rng.NextDouble();
        var radius = 130 + rng.NextDouble() * 90;
        var rot = rng.NextDouble() * 180;
        if (draw >= GeneralFieldShare + VillageFieldsShare || !env.Intersects(cell.EnvelopeInternal))
        {
            return;
        }

        Polygon field = cell;
        if (draw >= GeneralFieldShare)
        {
            var core = Geo.Blob(cell.Centroid.Coordinate, radius, radius * 0.75, rot, rng, 12, 0.1);
            field = Geo.Polygons(cell.Difference(core)).OrderByDescending(p => p.Area).First();
        }

        foreach (var part in Clip(field, tiles, prepared))
        {
            general.Add((part, GeneralProps(general.Count + 1, part)));
        }
    }

    /// <summary>Corner (i, j) of the turned grid, jittered; neighbouring cells use the same corners.</summary>
    private static Coordinate[,] Corners(Envelope env, double along, double across, Prng rng)
    {
        var a = AngleDeg * Math.PI / 180;
        var (ux, uy, vx, vy) = (Math.Cos(a), Math.Sin(a), -Math.Sin(a), Math.Cos(a));
        var centre = env.Centre;
        var half = Math.Sqrt(env.Width * env.Width + env.Height * env.Height) / 2;
        var ni = (int)Math.Ceiling(2 * half / along);
        var nj = (int)Math.Ceiling(2 * half / across);
        var corners = new Coordinate[ni + 1, nj + 1];
        for (var j = 0; j <= nj; j++)
        {
            for (var i = 0; i <= ni; i++)
            {
                var s = -half + i * along + rng.NextSigned() * along * 0.22;
                var t = -half + j * across + rng.NextSigned() * across * 0.22;
                corners[i, j] = new Coordinate(centre.X + s * ux + t * vx, centre.Y + s * uy + t * vy);
            }
        }

        return corners;
    }

    private static IEnumerable<Polygon> Clip(Polygon cell, STRtree<Geometry> tiles,
        Dictionary<Geometry, IPreparedGeometry> prepared)
    {
        var pieces = new List<Geometry>();
        foreach (var tile in tiles.Query(cell.EnvelopeInternal))
        {
            if (!prepared.TryGetValue(tile, out var p))
            {
                p = PreparedGeometryFactory.Prepare(tile);
                prepared[tile] = p;
            }

            if (p.Contains(cell))
            {
                pieces.Add(cell);
            }
            else if (p.Intersects(cell))
            {
                pieces.Add(tile.Intersection(cell));
            }
        }

        if (pieces.Count == 0)
        {
            return [];
        }

        var merged = pieces.Count == 1 ? pieces[0] : Geo.Union(pieces);
        var shrunk = merged.Buffer(-5, 2);
        return Geo.Polygons(shrunk).Where(x => x.Area >= MinParcelM2).Select(x => (Polygon)Geo.Simplify(x, 2));
    }

    private static Props ParcelProps(int n, Geometry metres)
    {
        var no = n.ToString("D5", System.Globalization.CultureInfo.InvariantCulture);
        return new Props()
            .Add("id", "JBNT-" + no)
            .Add("name", "永久基本农田图斑 " + no)
            .Add("areaMu", Math.Round(TrueAreaM2(metres) / (10000.0 / 15.0), 1))
            .Add("landClass", "耕地")
            .Add("schematic", true)
            .Add("basis", "seed lines 423, 712")
            .Add("source", Sources.Schematic);
    }

    private static Props GeneralProps(int n, Geometry metres)
    {
        var no = n.ToString("D5", System.Globalization.CultureInfo.InvariantCulture);
        return new Props()
            .Add("id", "YBGD-" + no)
            .Add("name", "一般耕地图斑 " + no)
            .Add("nameEn", "General farmland parcel " + no)
            .Add("areaMu", Math.Round(TrueAreaM2(metres) / (10000.0 / 15.0), 1))
            .Add("landClass", "耕地")
            .Add("schematic", true)
            .Add("basis", "seed lines 423, 712")
            .Add("source", Sources.Schematic);
    }

    /// <summary>Area in m², corrected for the local grid's scale at the parcel's latitude.</summary>
    public static double TrueAreaM2(Geometry metres)
    {
        var lat = LocalGrid.Lat0 + metres.Centroid.Y / LocalGrid.MetresPerDegLat;
        var phi = lat * Math.PI / 180;
        var mx = 111412.84 * Math.Cos(phi) - 93.5 * Math.Cos(3 * phi);
        var my = 111132.92 - 559.82 * Math.Cos(2 * phi) + 1.175 * Math.Cos(4 * phi);
        return metres.Area * (mx / LocalGrid.MetresPerDegLon) * (my / LocalGrid.MetresPerDegLat);
    }
}
