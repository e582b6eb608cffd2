using System.Diagnostics;
using System.Globalization;
using System.Text;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;

namespace SpatialPlan.DataGen;

/// <summary>
/// The sample project footprints (PLAN-DIGEST §5). They are planned before the farmland is cut, because some of
/// them need a site kept free of farmland (<see cref="World.ReservedSites"/>) to give their intended verdict.
/// </summary>
public static class SampleProjects
{
    public static List<SampleSpec> Plan(World w)
    {
        var list = new List<SampleSpec>
        {
            Solar(w), Dairy(w), IndustrialExpansion(w), Expressway(), HighSpeedRail(), VisitorCentre(w), School(),
            FireStation(), MelonMarket(), SalinePonds(w), Shelterbelt(w), FuneralHome(),
            PumpingStation(w), DesertRoad(w), LinhePipeline(w),
        };
        return list;
    }

    private static Polygon Box(Coordinate c, double width, double height, double rotDeg = 0) =>
        (Polygon)AffineTransformation.RotationInstance(rotDeg * Math.PI / 180, c.X, c.Y).Transform(
            Geo.Factory.ToGeometry(new Envelope(c.X - width / 2, c.X + width / 2, c.Y - height / 2, c.Y + height / 2)));

    private static Coordinate M(double lon, double lat) => LocalGrid.Metres(lon, lat);

    private static Coordinate Offset(Town t, double dx, double dy)
    {
        var c = M(t.Lon, t.Lat);
        return new Coordinate(c.X + dx, c.Y + dy);
    }

    private static Geometry Largest(Geometry g) => Geo.Polygons(g).OrderByDescending(p => p.Area).First();

    private static SampleSpec Solar(World w)
    {
        var band = w.RedLine.First(r => World.Id(r.Props) == "eco-ulanbuh").Geometry.Buffer(-100);
        var fp = Largest(Box(M(106.62, 40.795), 2400, 1600).Intersection(band));
        return new("solar-ulanbuh.geojson", "乌兰布和沙漠综合治理“生光互补”光伏项目", "Ulan Buh desert solar + sand-control project",
            "energy", [], null, null, null, "seed lines 571, 581 (专栏8)", fp,
            "a production facility wholly inside the desert red line");
    }

    private static SampleSpec Dairy(World w)
    {
        var fp = Box(M(106.99, 40.80), 1400, 900, 32);
        w.ReservedSites.Add(fp);
        return new("dairy-park.geojson", "10万头奶牛生态乳业园区", "100,000-cow ecological dairy park", "facility-agriculture", [], null,
            null, null, "seed lines 427, 547 (专栏5)", fp,
            "a site kept free of farmland (100 m) between parcels, away from red line and wetlands");
    }

    private static SampleSpec IndustrialExpansion(World w)
    {
        var park = w.UrbanOf("ub-hanghou-park");
        var parkCentre = park.Centroid.Coordinate;
        var fp = Box(new Coordinate(parkCentre.X - 1300, parkCentre.Y - 450), 1200, 800, 25);
        w.ReservedSites.Add(fp.Difference(park));
        return new("industrial-park-expansion.geojson", "杭后工业园区扩区", "Hanghou industrial park extension", "industrial-park", [], null,
            null, null, "seed lines 627, 637 (专栏10)", fp,
            "about half of it lies outside the park's urban development boundary, on land kept free of farmland");
    }

    private static SampleSpec Expressway()
    {
        var line = Geo.LineLL((107.142, 40.884), (107.17, 40.862), (107.20, 40.838), (107.26, 40.81));
        return new("shanlin-expressway.geojson", "陕临快速通道", "Shanba–Linhe expressway", "linear-infrastructure", [], 40, null, null,
            "seed line 793 (专栏15)", line,
            "a 40 m road corridor from Shanba towards Linhe across farmland; not a national major project");
    }

    private static SampleSpec HighSpeedRail()
    {
        var line = Geo.LineLL((106.90, 40.69), (107.075, 40.815), (107.25, 40.93));
        return new("baoyin-hsr.geojson", "包银高铁（杭锦后旗段，示意）", "Baotou–Yinchuan high-speed railway (section)", "linear-infrastructure",
            ["farmland-transport", "redline-transport-water"], 30,
            null, null, "seed lines 143, 793 (专栏15)", line,
            "a national major linear project crossing farmland (and the desert red line): State Council approval");
    }

    private static SampleSpec VisitorCentre(World w)
    {
        var lake = w.Wetlands.First(x => World.Id(x.Props) == "tushenze").Geometry;
        var c = M(106.930, 40.810);
        var dir = new Coordinate(Math.Cos(20 * Math.PI / 180), Math.Sin(20 * Math.PI / 180));
        var ray = Geo.Line(c, new Coordinate(c.X + dir.X * 5000, c.Y + dir.Y * 5000));
        var edge = ray.Intersection(lake.Boundary).Coordinates.OrderBy(p => p.Distance(c)).First();
        var at = new Coordinate(c.X + 0.62 * (edge.X - c.X), c.Y + 0.62 * (edge.Y - c.Y));
        var fp = Box(at, 180, 120, 20);
        return new("tushenze-visitor-centre.geojson", "屠申泽省级湿地公园游客中心", "Tushenze wetland park visitor centre",
            "tourism-facility", [], null, null, null, "seed lines 377, 696, 704 (专栏12)", fp,
            "inside the Tushenze wetland (a general wetland) and its provincial wetland park, so inside the red line");
    }

    private static SampleSpec School() =>
        new("school-no5-gk.geojson", "第五中学整体搬迁（CGCS2000 高斯-克吕格坐标）", "No. 5 Middle School relocation (Gauss-Kruger metres)",
            "urban-construction", [], null, null, "EPSG:4545", "seed line 863 (专栏17)",
            Box(Offset(Places.Shanba, -700, -500), 240, 160, 8), "inside Shanba's urban development boundary; given in EPSG:4545");

    private static SampleSpec FireStation() =>
        new("fire-station.geojson", "陕坝镇消防站", "Shanba fire station", "urban-construction", [], null, 60, null, "seed line 1039 (专栏20)", Geo.Pt(Offset(Places.Shanba, 800, 600)), "a point with a 60 m radius inside Shanba's boundary");

    private static SampleSpec MelonMarket() =>
        new("melon-market.geojson", "西甜瓜交易市场（三道桥镇）", "Watermelon and melon market (Sandaoqiao)", "urban-construction", [], null, null,
            null, "seed line 615 (专栏9)", Box(Offset(Places.TownById("sandaoqiao"), 150, -250), 200, 150),
            "inside Sandaoqiao's urban boundary and the S313 showcase belt");

    private static SampleSpec SalinePonds(World w)
    {
        var lake = w.Wetlands.First(x => World.Id(x.Props) == "minjian").Geometry;
        var env = lake.EnvelopeInternal;
        var fp = Box(new Coordinate(env.MaxX + 150 + 200, env.Centre.Y), 400, 300);
        w.ReservedSites.Add(fp);
        return new("saline-ponds.geojson", "盐碱地池塘综合开发", "Saline-land aquaculture ponds", "orchard-fishpond", [], null, null, null,
            "seed lines 423, 483, 485 (专栏5)", fp, "about 150 m from 民建海子, on land kept free of farmland");
    }

    private static SampleSpec Shelterbelt(World w)
    {
        var belt = w.RedLine.First(r => World.Id(r.Props) == "eco-huanghe-shelterbelt").Geometry.Buffer(-60);
        var big = Largest(belt);
        var fp = Largest(Box(big.InteriorPoint.Coordinate, 1500, 300, 60).Intersection(big));
        return new("yellow-river-shelterbelt.geojson", "黄河北岸阻沙林带建设", "Yellow River north-bank sand-blocking forest belt",
            "ecological-restoration", [], null, null, null, "seed line 305 (专栏2)", fp,
            "an ecological project inside the Yellow River red-line belt: allowed only with confirmation");
    }

    private static SampleSpec FuneralHome() =>
        new("funeral-home-jzd.txt", "杭锦后旗殡仪馆（界址点坐标）", "Funeral home (boundary-point list)", "special-use", [], null, null,
            "EPSG:4524", "seed line 896 (专栏18)",
            Box(M(107.00, 40.735), 300, 220, 12), "an urban project outside every boundary, on farmland; X = northing, Y = 36-prefixed easting");

    /// <summary>
    /// A pumping station on a Hetao channel: a point (radius 12 m) 4 m off the channel line, so the whole footprint lies
    /// in the 20 m canal management zone. The site is the channel point nearest 107.02 E 40.85 N that is at least
    /// 600 m from the red line, urban boundaries, wetlands, nature reserves and showcase belts.
    /// </summary>
    private static SampleSpec PumpingStation(World w)
    {
        var target = Geo.Pt(M(107.02, 40.85));
        var avoid = NetTopologySuite.Geometries.Prepared.PreparedGeometryFactory.Prepare(Geo.Buffer(Geo.Union(
            [w.RedLineUnion, w.UrbanUnion, w.WetlandUnion, w.NatureReserveUnion, Geo.Union(w.Belts.Select(b => b.Geometry))]), 600));
        var canalZones = Geo.Union(w.WaterManagement.Where(z => (string?)z.Props.First(p => p.Key == "level").Value == Levels.Canal)
            .Select(z => z.Geometry));
        foreach (var (a, b) in Segments(w.Canals).OrderBy(s => Mid(s).Distance(target)))
        {
            var mid = Mid((a, b));
            var (dx, dy) = ((b.X - a.X) / a.Distance(b), (b.Y - a.Y) / a.Distance(b));
            var at = new Coordinate(mid.X - dy * 4, mid.Y + dx * 4);
            var site = Geo.Buffer(Geo.Pt(at), 12, 16);
            if (a.Distance(b) > 200 && !avoid.Intersects(site) && canalZones.Buffer(-3).Covers(site))
            {
                return new("canal-pumping-station.geojson", "河套灌区渠沟排灌泵站（示意）", "Irrigation and drainage pumping station on a Hetao channel",
                    "point-infrastructure", [], null, 12, null, "seed lines 123, 423", Geo.Pt(at),
                    "a point facility (radius 12 m) wholly in the schematic 20 m management zone of a real Hetao channel, away from the other zones");
            }
        }

        throw new InvalidOperationException("no channel site for the pumping-station sample");
    }

    /// <summary>
    /// A desert tourism road (12 m) from the farmland east of the 乌兰布和 red line's southern arm, south-west through the
    /// 沙化土地封禁保护区, ending 300 m inside the banner boundary.
    /// </summary>
    private static SampleSpec DesertRoad(World w)
    {
        var start = M(107.005, 40.742);
        var toward = M(106.86, 40.64);
        var dir = new Coordinate((toward.X - start.X) / start.Distance(toward), (toward.Y - start.Y) / start.Distance(toward));
        var longRay = Geo.Line(start, new Coordinate(start.X + dir.X * 40000, start.Y + dir.Y * 40000));
        var exit = longRay.Intersection(w.Banner.Boundary).Coordinates.OrderBy(c => c.Distance(start)).First();
        var end = new Coordinate(exit.X - dir.X * 300, exit.Y - dir.Y * 300);
        var line = Geo.Line(start, end);
        if (!w.Closures.Any(c => c.Geometry.Intersects(line)))
        {
            throw new InvalidOperationException("the desert-road sample misses the closure area");
        }

        return new("desert-road-closure.geojson", "乌兰布和沙区旅游公路（穿越沙化土地封禁保护区，示意）",
            "Ulan Buh desert tourism road through the closure area (schematic)", "linear-infrastructure", [], 12, null, null,
            "seed lines 123, 295, 696", line,
            "a 12 m road from the farmland into the desert, through the desertification closure inside the Ulan Buh red line; not a listed major project");
    }

    /// <summary>
    /// A water pipeline (10 m) from inside 陕坝镇's urban boundary east across the banner boundary, ending 12 km inside
    /// 临河区, where the data has no zones: most of it lies outside the data's area.
    /// </summary>
    private static SampleSpec LinhePipeline(World w)
    {
        var start = M(107.152, 40.879);
        var dir = new Coordinate(1, -0.04);
        var len = Math.Sqrt(dir.X * dir.X + dir.Y * dir.Y);
        dir = new Coordinate(dir.X / len, dir.Y / len);
        var ray = Geo.Line(start, new Coordinate(start.X + dir.X * 60000, start.Y + dir.Y * 60000));
        var exit = ray.Intersection(w.Banner.Boundary).Coordinates.OrderBy(c => c.Distance(start)).First();
        var end = new Coordinate(exit.X + dir.X * 12000, exit.Y + dir.Y * 12000);
        return new("linhe-water-pipeline.geojson", "陕坝—临河引黄供水管线（临陕同城化，示意）",
            "Shanba–Linhe Yellow River water-supply pipeline (schematic)", "linear-infrastructure", [], 10, null, null,
            "seed lines 751, 991", Geo.Line(start, end),
            "a 10 m pipeline corridor that leaves the banner and ends 12 km inside Linhe District, outside the data's area");
    }

    private static IEnumerable<(Coordinate A, Coordinate B)> Segments(Geometry lines)
    {
        for (var i = 0; i < lines.NumGeometries; i++)
        {
            var cs = lines.GetGeometryN(i).Coordinates;
            for (var k = 1; k < cs.Length; k++)
            {
                yield return (cs[k - 1], cs[k]);
            }
        }
    }

    private static Point Mid((Coordinate A, Coordinate B) s) => Geo.Pt(new Coordinate((s.A.X + s.B.X) / 2, (s.A.Y + s.B.Y) / 2));
}
