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
            "urban", false, null, null, null, "prohibited", ["ecological-redline:prohibited", "urban-boundary:approval-required"], "seed lines 571, 581 (专栏8)", fp,
            "a production facility wholly inside the desert red line");
    }

    private static SampleSpec Dairy(World w)
    {
        var fp = Box(M(106.99, 40.80), 1400, 900, 32);
        w.ReservedSites.Add(fp);
        return new("dairy-park.geojson", "10万头奶牛生态乳业园区", "100,000-cow ecological dairy park", "agriculture", false, null,
            null, null, "clear", [], "seed lines 427, 547 (专栏5)", fp,
            "a site kept free of farmland (100 m) between parcels, away from red line and wetlands");
    }

    private static SampleSpec IndustrialExpansion(World w)
    {
        var park = w.UrbanOf("ub-hanghou-park");
        var parkCentre = park.Centroid.Coordinate;
        var fp = Box(new Coordinate(parkCentre.X - 1300, parkCentre.Y - 450), 1200, 800, 25);
        w.ReservedSites.Add(fp.Difference(park));
        return new("industrial-park-expansion.geojson", "杭后工业园区扩区", "Hanghou industrial park extension", "urban", false, null,
            null, null, "approval-required", ["urban-boundary:approval-required"], "seed lines 627, 637 (专栏10)", fp,
            "about half of it lies outside the park's urban development boundary, on land kept free of farmland");
    }

    private static SampleSpec Expressway()
    {
        var line = Geo.LineLL((107.142, 40.884), (107.17, 40.862), (107.20, 40.838), (107.26, 40.81));
        return new("shanlin-expressway.geojson", "陕临快速通道", "Shanba–Linhe expressway", "linear", false, 40, null, null,
            "prohibited", ["permanent-farmland:prohibited"], "seed line 793 (专栏15)", line,
            "a 40 m road corridor from Shanba towards Linhe across farmland; not a national major project");
    }

    private static SampleSpec HighSpeedRail()
    {
        var line = Geo.LineLL((106.90, 40.69), (107.075, 40.815), (107.25, 40.93));
        return new("baoyin-hsr.geojson", "包银高铁（杭锦后旗段，示意）", "Baotou–Yinchuan high-speed railway (section)", "linear", true, 30,
            null, null, "approval-required", ["ecological-redline:approval-required", "permanent-farmland:approval-required", "showcase-belt:advisory"], "seed lines 143, 793 (专栏15)", line,
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
        return new("tushenze-visitor-centre.geojson", "屠申泽省级湿地公园游客中心", "Tushenze wetland park visitor centre", "tourism",
            false, null, null, null, "approval-required", ["ecological-redline:advisory", "wetland:approval-required"], "seed lines 377, 696, 704 (专栏12)", fp,
            "inside the important wetland, outside its red-line core (but within 500 m of it)");
    }

    private static SampleSpec School() =>
        new("school-no5-gk.geojson", "第五中学整体搬迁（CGCS2000 高斯-克吕格坐标）", "No. 5 Middle School relocation (Gauss-Kruger metres)",
            "urban", false, null, null, "EPSG:4545", "clear", [], "seed line 863 (专栏17)",
            Box(Offset(Places.Shanba, -700, -500), 240, 160, 8), "inside Shanba's urban development boundary; given in EPSG:4545");

    private static SampleSpec FireStation() =>
        new("fire-station.geojson", "陕坝镇消防站", "Shanba fire station", "urban", false, null, 60, null, "clear", [],
            "seed line 1039 (专栏20)", Geo.Pt(Offset(Places.Shanba, 800, 600)), "a point with a 60 m radius inside Shanba's boundary");

    private static SampleSpec MelonMarket() =>
        new("melon-market.geojson", "西甜瓜交易市场（三道桥镇）", "Watermelon and melon market (Sandaoqiao)", "urban", false, null, null,
            null, "advisory", ["showcase-belt:advisory"], "seed line 615 (专栏9)", Box(Offset(Places.TownById("sandaoqiao"), 150, -250), 200, 150),
            "inside Sandaoqiao's urban boundary and the S313 showcase belt");

    private static SampleSpec SalinePonds(World w)
    {
        var lake = w.Wetlands.First(x => World.Id(x.Props) == "minjian").Geometry;
        var env = lake.EnvelopeInternal;
        var fp = Box(new Coordinate(env.MaxX + 150 + 200, env.Centre.Y), 400, 300);
        w.ReservedSites.Add(fp);
        return new("saline-ponds.geojson", "盐碱地池塘综合开发", "Saline-land aquaculture ponds", "agriculture", false, null, null, null,
            "advisory", ["wetland:advisory"], "seed lines 423, 483, 485 (专栏5)", fp, "about 150 m from 民建海子, on land kept free of farmland");
    }

    private static SampleSpec Shelterbelt(World w)
    {
        var belt = w.RedLine.First(r => World.Id(r.Props) == "eco-huanghe-shelterbelt").Geometry.Buffer(-60);
        var big = Largest(belt);
        var fp = Largest(Box(big.InteriorPoint.Coordinate, 1500, 300, 60).Intersection(big));
        return new("yellow-river-shelterbelt.geojson", "黄河北岸阻沙林带建设", "Yellow River north-bank sand-blocking forest belt",
            "ecological", false, null, null, null, "approval-required", ["ecological-redline:approval-required"], "seed line 305 (专栏2)", fp,
            "an ecological project inside the Yellow River red-line belt: allowed only with confirmation");
    }

    private static SampleSpec FuneralHome() =>
        new("funeral-home-jzd.txt", "杭锦后旗殡仪馆（界址点坐标）", "Funeral home (boundary-point list)", "urban", false, null, null,
            "EPSG:4524", "prohibited", ["permanent-farmland:prohibited", "urban-boundary:approval-required"], "seed line 896 (专栏18)",
            Box(M(107.00, 40.735), 300, 220, 12), "an urban project outside every boundary, on farmland; X = northing, Y = 36-prefixed easting");
}
