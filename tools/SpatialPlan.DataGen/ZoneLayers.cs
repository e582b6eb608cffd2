using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;

namespace SpatialPlan.DataGen;

/// <summary>
/// Wetlands, urban development boundaries, the ecological red line and the showcase belts, built in that
/// order so that each later layer is cut around the earlier ones (see README: topology).
/// </summary>
public static class ZoneLayers
{
    private sealed record WetlandSpec(string Id, string Name, string NameEn, double Lon, double Lat, double Rx, double Ry,
        double Rot, bool Important, string Level, string Basis);

    private static readonly WetlandSpec[] WetlandSpecs =
    [
        new("tushenze", "屠申泽湿地（永明海子）·屠申泽省级湿地公园", "Tushenze wetland (Yongming Haizi), provincial wetland park",
            106.930, 40.810, 2000, 1300, 20, true, "省级湿地公园", "seed lines 295, 377, 696, 704"),
        new("shahaihu", "沙海湖·沙海湖国家沙漠公园", "Shahai Lake, national desert park",
            106.855, 40.878, 1100, 650, 30, true, "国家沙漠公园", "seed lines 377, 696"),
        new("beijiao", "北郊湿地", "Beijiao (north suburb) wetland", 107.150, 40.926, 650, 420, -10, false, "一般湿地",
            "seed lines 295, 677"),
        new("minjian", "民建海子", "Minjian Haizi", 107.010, 40.925, 700, 450, 15, false, "一般湿地", "seed line 295"),
        new("runsheng", "润昇湖", "Runsheng Lake", 107.098, 40.906, 500, 350, 0, false, "一般湿地", "seed line 677"),
        new("dongfeng", "东风林场海子", "Dongfeng forest-farm lake", 107.080, 40.932, 450, 300, 40, false, "一般湿地",
            "seed lines 301, 677"),
        new("cuiyu", "翠羽湖", "Cuiyu Lake", 107.272, 41.150, 500, 350, 35, false, "一般湿地", "seed line 704"),
        new("hongyan", "鸿雁湖", "Hongyan Lake", 107.310, 41.146, 450, 300, 60, false, "一般湿地", "seed line 704"),
    ];

    public static void Build(World w, Prng rng)
    {
        BuildWetlands(w, rng);
        BuildUrban(w, rng);
        BuildRedLine(w);
        BuildBelts(w, rng);
    }

    private static void BuildWetlands(World w, Prng rng)
    {
        foreach (var s in WetlandSpecs)
        {
            var centre = LocalGrid.Metres(s.Lon, s.Lat);
            var blob = Geo.Blob(centre, s.Rx, s.Ry, s.Rot, rng, 28, 0.12);
            var clipped = blob.Intersection(w.BannerInner);
            if (clipped.Area < 0.99 * blob.Area)
            {
                throw new InvalidOperationException($"wetland {s.Name} is not inside the banner");
            }

            Geometry? core = null;
            if (s.Important)
            {
                // The core is the same outline shrunk to 40 % about the centre: always inside the wetland.
                core = AffineTransformation.ScaleInstance(0.4, 0.4, centre.X, centre.Y).Transform(blob);
            }

            var props = Props.Schematic(s.Id, s.Name, s.NameEn, s.Basis)
                .Add("important", s.Important).Add("level", s.Level).Add("estimated", true);
            w.Wetlands.Add((clipped, props, s.Important, core));
        }
    }

    private static void BuildUrban(World w, Prng rng)
    {
        var wetlandKeepOut = Geo.Buffer(w.WetlandUnion, 150);
        foreach (var t in Places.Towns)
        {
            var c = LocalGrid.Metres(t.Lon, t.Lat);
            var blob = Geo.Blob(c, t.UrbanRadiusM, t.UrbanRadiusM * 0.78, rng.NextDouble() * 180, rng, 24, 0.12);
            var g = blob.Intersection(w.BannerInner).Difference(wetlandKeepOut);
            var name = t.Id == "taiyangmiao" ? "太阳庙农场场部城镇开发边界" : t.Name + "城镇开发边界";
            w.Urban.Add((Geo.Polygonal(g, 1000), Props.Schematic("ub-" + t.Id, name, t.NameEn + " urban development boundary",
                "seed line 712").Add("kind", t.Id == "shanba" ? "seat" : "town").Add("town", t.Name)));
        }

        var parks = new[]
        {
            ("ub-hanghou-park", "杭后工业园区城镇开发边界", "Hanghou industrial park urban development boundary", 107.075, 40.868, 1300.0, 900.0,
                "seed lines 627, 637"),
            ("ub-menghai-park", "蒙海循环经济产业园城镇开发边界", "Menghai circular-economy park urban development boundary", 107.110,
                41.038, 1000.0, 700.0, "seed lines 341, 637"),
        };
        foreach (var (id, name, nameEn, lon, lat, rx, ry, basis) in parks)
        {
            var blob = Geo.Blob(LocalGrid.Metres(lon, lat), rx, ry, 25, rng, 16, 0.06);
            var g = blob.Intersection(w.BannerInner).Difference(wetlandKeepOut);
            w.Urban.Add((Geo.Polygonal(g, 1000), Props.Schematic(id, name, nameEn, basis).Add("kind", "industrial-park").Add("town", null)));
        }
    }

    /// <summary>Schematic extent of the 乌兰布和 desert outside the banner (west and south-west), lon/lat.</summary>
    private static readonly (double, double)[] DesertOutline =
    [
        (106.20, 40.50), (106.20, 41.00), (106.86, 41.00), (106.90, 40.96), (106.86, 40.935), (106.80, 40.915),
        (106.70, 40.865), (106.585, 40.845), (106.585, 40.755), (106.75, 40.745), (106.92, 40.705), (106.975, 40.66),
        (106.90, 40.55), (106.20, 40.50),
    ];

    private static void BuildRedLine(World w)
    {
        var urbanKeepOut = Geo.Buffer(w.UrbanUnion, 500);
        var wetlandKeepOut = Geo.Buffer(w.WetlandUnion, 300);
        var desert = Geo.Factory.CreatePolygon(DesertOutline.Select(p => LocalGrid.Metres(p.Item1, p.Item2)).ToArray())
            .Difference(w.Banner);
        var desertBand = Geo.Buffer(desert, 3500).Intersection(w.BannerInner).Difference(urbanKeepOut).Difference(wetlandKeepOut);
        desertBand = Geo.Polygonal(desertBand, 20000);
        w.RedLine.Add((desertBand, Props.Schematic("eco-ulanbuh", "乌兰布和沙区防沙治沙生态保护红线",
            "Ulan Buh desert sand-control red line", "seed lines 123, 295, 301, 309, 712").Add("kind", "desert")));

        var near = Geo.Buffer(w.YellowRiver, 2000, 4).Intersection(w.BannerInner).Difference(desertBand);
        var far = Geo.Buffer(w.YellowRiver, 4000, 4).Intersection(w.BannerInner).Difference(desertBand).Difference(near);
        w.RedLine.Add((Geo.Polygonal(near.Difference(urbanKeepOut), 20000), Props.Schematic("eco-huanghe-corridor",
            "黄河生态廊道生态保护红线", "Yellow River ecological corridor red line", "seed lines 295, 305, 712").Add("kind", "river-corridor")));
        w.RedLine.Add((Geo.Polygonal(far.Difference(urbanKeepOut), 20000), Props.Schematic("eco-huanghe-shelterbelt",
            "黄河北岸阻沙林带生态保护红线", "Yellow River north-bank sand-blocking forest belt red line", "seed line 305")
            .Add("kind", "shelterbelt")));

        foreach (var (geometry, props, important, core) in w.Wetlands)
        {
            if (important && core is not null)
            {
                var name = (string)props.First(p => p.Key == "name").Value! + "核心区";
                var id = "eco-core-" + World.Id(props);
                w.RedLine.Add((core.Intersection(geometry), Props.Schematic(id, name, "Wetland core zone",
                    "seed lines 295, 377, 712").Add("kind", "wetland-core")));
            }
        }
    }

    private static void BuildBelts(World w, Prng rng)
    {
        var shanba = w.UrbanOf("ub-shanba");
        foreach (var (road, props) in w.Roads.Where(r => (string)r.Props.First(p => p.Key == "code").Value! != ""))
        {
            var code = (string)props.First(p => p.Key == "code").Value!;
            var g = Geo.Buffer(road, 750, 6).Intersection(w.BannerInner).Difference(shanba);
            w.Belts.Add((Geo.Polygonal(g, 10000), Props.Schematic("belt-" + code.ToLowerInvariant(),
                code + "美丽乡村建设示范带", code + " beautiful-village showcase belt", "seed line 677").Add("kind", "belt")));
        }

        var complexes = new[] { ("shuangmiao", 0.0, -1800.0), ("tuanjie", -300.0, 1500.0), ("toudaoqiao", 1500.0, -300.0), ("shahai", 1300.0, 900.0) };
        foreach (var (townId, dx, dy) in complexes)
        {
            var t = Places.TownById(townId);
            var c = LocalGrid.Metres(t.Lon, t.Lat);
            var blob = Geo.Blob(new Coordinate(c.X + dx, c.Y + dy), 750, 500, rng.NextDouble() * 180, rng, 16, 0.1);
            var g = blob.Intersection(w.BannerInner).Difference(w.WetlandUnion);
            w.Belts.Add((Geo.Polygonal(g, 10000), Props.Schematic("complex-" + townId, t.Name + "美丽乡村综合体",
                t.NameEn + " beautiful-village complex", "seed line 677").Add("kind", "complex")));
        }

        var demoWetlands = w.Wetlands.Where(x => World.Id(x.Props) is "runsheng" or "beijiao" or "dongfeng").Select(x => x.Geometry);
        var hull = Geo.Factory.BuildGeometry(demoWetlands.ToList()).ConvexHull();
        var demo = Geo.Buffer(hull, 600, 8).Intersection(w.BannerInner).Difference(shanba);
        w.Belts.Add((Geo.Polygonal(demo, 10000), Props.Schematic("demo-shanba", "陕坝镇美丽乡村示范片（润昇湖·北郊湿地·东风林场海子）",
            "Shanba beautiful-village demonstration area", "seed line 677").Add("kind", "demo-area")));
    }
}
