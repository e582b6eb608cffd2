using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;

namespace SpatialPlan.DataGen;

/// <summary>
/// Wetlands, urban development boundaries, nature reserves, the ecological red line (which contains the reserves and
/// every important wetland), the desertification closure and the showcase belts, built in that order so that each later
/// layer is cut around, or placed inside, the earlier ones (see README: topology).
/// </summary>
public static class ZoneLayers
{
    private sealed record WetlandSpec(string Id, string Name, string NameEn, double Lon, double Lat, double Rx, double Ry,
        double Rot, string Level, string LevelBasis, string Basis);

    private const string NotOnList2021 =
        "据公开报道（巴彦淖尔市新闻转载），2021年《内蒙古自治区重要湿地名录》中巴彦淖尔市的3处为乌梁素海、巴美湖、牧羊海，不含本湿地；" +
        "2020年第一批及此后各批自治区名录、国家重要湿地名录均未能逐批核查。";

    private const string NotOnList2021En =
        "Public reports (a reprint of Bayannur city news) list Wuliangsuhai, Bameihu and Muyanghai as Bayannur's three entries of the " +
        "2021 Inner Mongolia important-wetland list, not this wetland; the 2020 first batch, later batches and the national list " +
        "could not be checked.";

    private static readonly WetlandSpec[] WetlandSpecs =
    [
        new("tushenze", "屠申泽湿地（永明海子）", "Tushenze wetland (Yongming Haizi)",
            106.930, 40.810, 2000, 1300, 20, Levels.General,
            "按一般湿地记（未核实名录）。" + NotOnList2021 + "省级湿地公园不自动等于重要湿地（湿地公园是自然保护地，另见 nature-reserves 图层）。" +
            "本湿地全部位于屠申泽省级湿地公园内，公园整体划入生态保护红线；若核实列入名录，将 level 改为 regional-important 即可，" +
            "红线无需改动（湿地保护法第十四条）。 / Recorded as a general wetland (list not verified). " + NotOnList2021En +
            " A provincial wetland park is not automatically an important wetland. The whole wetland lies in the Tushenze wetland " +
            "park, which lies wholly in the red line, so Art 14 would still hold if it were listed.",
            "seed lines 123, 295, 377, 696, 704"),
        new("shahaihu", "沙海湖", "Shahai Lake", 106.855, 40.878, 1100, 650, 30, Levels.General,
            "按一般湿地记（未核实名录）。沙海湖国家沙漠公园是沙漠公园（自然保护地），不是湿地，也不使湖体成为重要湿地。" + NotOnList2021 +
            "湖体全部位于沙漠公园内，并随公园划入生态保护红线。 / Recorded as a general wetland (list not verified). The national " +
            "desert park is a protected area, not a wetland, and does not make the lake an important wetland. " + NotOnList2021En +
            " The lake lies wholly in the desert park, inside the red line.",
            "seed lines 377, 696"),
        new("beijiao", "北郊湿地", "Beijiao (north suburb) wetland", 107.150, 40.926, 650, 420, -10, Levels.General,
            GeneralBasis, "seed lines 123, 295, 677"),
        new("minjian", "民建海子", "Minjian Haizi", 107.010, 40.925, 700, 450, 15, Levels.General, GeneralBasis,
            "seed lines 123, 295"),
        new("runsheng", "润昇湖", "Runsheng Lake", 107.098, 40.906, 500, 350, 0, Levels.General, GeneralBasis,
            "seed lines 123, 677"),
        new("dongfeng", "东风林场海子", "Dongfeng forest-farm lake", 107.080, 40.932, 450, 300, 40, Levels.General, GeneralBasis,
            "seed lines 301, 677"),
        new("cuiyu", "翠羽湖", "Cuiyu Lake", 107.272, 41.150, 500, 350, 35, Levels.General, GeneralBasis, "seed line 704"),
        new("hongyan", "鸿雁湖", "Hongyan Lake", 107.310, 41.146, 450, 300, 60, Levels.General, GeneralBasis, "seed line 704"),
    ];

    private const string GeneralBasis =
        "按一般湿地记：规划未称其为重要湿地，" + NotOnList2021 + " / Recorded as a general wetland: the plan does not call it " +
        "important. " + NotOnList2021En;

    /// <summary>
    /// The two 自然保护地 the plan names (seed lines 377, 696). Both are 自然公园, which the 2019 guideline
    /// (《关于建立以国家公园为主体的自然保护地体系的指导意见》) manages "原则上按一般控制区": so each is one
    /// general-control feature. The outline is the wetland/lake it protects plus a margin, and a blob around it.
    /// </summary>
    private sealed record ReserveSpec(string Id, string Name, string NameEn, string Wetland, double Lon, double Lat, double Rx,
        double Ry, double Rot, double MarginM, string ReserveType, string ReserveTypeZh, string Basis);

    private static readonly ReserveSpec[] ReserveSpecs =
    [
        new("nr-tushenze", "屠申泽省级湿地公园", "Tushenze provincial wetland park", "tushenze", 106.930, 40.810, 2700, 1900, 20,
            400, "wetland-park", "自然公园·湿地公园（省级）", "seed lines 377, 696, 704"),
        new("nr-shahaihu", "沙海湖国家沙漠公园", "Shahai Lake national desert park", "shahaihu", 106.828, 40.884, 3200, 2000, 25,
            400, "desert-park", "自然公园·沙漠公园（国家级）", "seed lines 295, 377, 696"),
    ];

    private const string ReserveLevelBasis =
        "一般控制区：自然公园（湿地公园、沙漠公园）依《关于建立以国家公园为主体的自然保护地体系的指导意见》（2019）原则上按一般控制区管理；" +
        "公园总体规划中的保育区等功能区不是自然保护地的核心保护区。整个公园划入生态保护红线。范围为示意，非公园批复范围。 / " +
        "General control zone: nature parks (wetland parks, desert parks) are managed in principle as general control zones under " +
        "the 2019 protected-area guideline; a park's own conservation zone is not a core protection zone. The whole park lies in " +
        "the red line. Schematic outline, not the approved park boundary.";

    public static void Build(World w, Prng rng)
    {
        BuildWetlands(w, rng);
        BuildUrban(w, rng);
        BuildNatureReserves(w);
        BuildRedLine(w);
        BuildClosures(w);
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

            var props = Props.Schematic(s.Id, s.Name, s.NameEn, s.Basis)
                .Add("level", s.Level).Add("levelZh", Levels.Zh[s.Level]).Add("levelBasis", s.LevelBasis).Add("estimated", true);
            w.Wetlands.Add((clipped, props, s.Level));
        }
    }

    private static void BuildNatureReserves(World w)
    {
        // Own generator, so the main sequence (wetlands, urban boundaries, belts) is the same as before these existed.
        var rng = new Prng(Generator.Seed + 377);
        var urbanKeepOut = Geo.Buffer(w.UrbanUnion, 500);
        foreach (var s in ReserveSpecs)
        {
            var wetland = w.Wetlands.First(x => World.Id(x.Props) == s.Wetland).Geometry;
            var blob = Geo.Blob(LocalGrid.Metres(s.Lon, s.Lat), s.Rx, s.Ry, s.Rot, rng, 28, 0.1);
            var g = Geo.Polygonal(blob.Union(Geo.Buffer(wetland, s.MarginM, 8)).Intersection(w.BannerInner).Difference(urbanKeepOut),
                10000);
            if (!g.Covers(wetland))
            {
                throw new InvalidOperationException($"{s.Id} does not contain the wetland {s.Wetland}");
            }

            w.NatureReserves.Add((g, Props.Schematic(s.Id, s.Name, s.NameEn, s.Basis)
                .Add("level", Levels.GeneralControl).Add("levelZh", Levels.Zh[Levels.GeneralControl])
                .Add("levelBasis", ReserveLevelBasis)
                .Add("reserveType", s.ReserveType).Add("reserveTypeZh", s.ReserveTypeZh)
                .Add("wetland", s.Wetland).Add("inRedLine", true).Add("estimated", true)));
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
        var reserves = w.NatureReserveUnion;
        var wetlandKeepOut = Geo.Buffer(w.WetlandUnion, 300).Union(reserves);
        var desert = Geo.Factory.CreatePolygon(DesertOutline.Select(p => LocalGrid.Metres(p.Item1, p.Item2)).ToArray())
            .Difference(w.Banner);
        var desertBand = Geo.Buffer(desert, 3500).Intersection(w.BannerInner).Difference(urbanKeepOut).Difference(wetlandKeepOut);
        desertBand = Geo.Polygonal(desertBand, 20000);
        w.RedLine.Add((desertBand, Props.Schematic("eco-ulanbuh", "乌兰布和沙区防沙治沙生态保护红线",
            "Ulan Buh desert sand-control red line", "seed lines 123, 295, 301, 309, 712").Add("kind", "desert")));

        var near = Geo.Buffer(w.YellowRiver, 2000, 4).Intersection(w.BannerInner).Difference(desertBand).Difference(reserves);
        var far = Geo.Buffer(w.YellowRiver, 4000, 4).Intersection(w.BannerInner).Difference(desertBand).Difference(reserves)
            .Difference(near);
        w.RedLine.Add((Geo.Polygonal(near.Difference(urbanKeepOut), 20000), Props.Schematic("eco-huanghe-corridor",
            "黄河生态廊道生态保护红线", "Yellow River ecological corridor red line", "seed lines 295, 305, 712").Add("kind", "river-corridor")));
        w.RedLine.Add((Geo.Polygonal(far.Difference(urbanKeepOut), 20000), Props.Schematic("eco-huanghe-shelterbelt",
            "黄河北岸阻沙林带生态保护红线", "Yellow River north-bank sand-blocking forest belt red line", "seed line 305")
            .Add("kind", "shelterbelt")));

        // Every 自然保护地 lies in the red line (三区三线 rules): one red-line feature equal to each park's outline.
        foreach (var (geometry, props) in w.NatureReserves)
        {
            var name = (string)props.First(p => p.Key == "name").Value!;
            var nameEn = (string)props.First(p => p.Key == "nameEn").Value!;
            var basis = (string)props.First(p => p.Key == "basis").Value!;
            w.RedLine.Add((geometry, Props.Schematic("eco-" + World.Id(props), name + "生态保护红线", nameEn + " red line",
                basis + ", 712").Add("kind", "nature-reserve").Add("natureReserve", World.Id(props))));
        }

        // 湿地保护法 Art 14: an important wetland lies wholly in the red line. Where one is not yet covered (none is with the
        // levels above, but a planner may change a level), it gets a red-line feature of its own for the uncovered part.
        var covered = w.RedLineUnion;
        foreach (var (geometry, props, level) in w.Wetlands.Where(x => Levels.IsImportantWetland(x.Level)))
        {
            var rest = geometry.Difference(covered);
            if (rest.Area > 1)
            {
                var name = (string)props.First(p => p.Key == "name").Value!;
                w.RedLine.Add((Geo.Polygonal(rest), Props.Schematic("eco-wetland-" + World.Id(props), name + "（" + Levels.Zh[level] +
                    "）生态保护红线", "Important wetland red line", "seed line 712").Add("kind", "important-wetland")
                    .Add("wetland", World.Id(props))));
            }
        }
    }

    /// <summary>
    /// 沙化土地封禁保护区 (seed line 123 names it among the 乌兰布和 sand-control works): a schematic piece of the
    /// desert red line's southern arm, 200 m inside it. Its real extent and whether it is on the national list of
    /// closure areas were not verified.
    /// </summary>
    private static void BuildClosures(World w)
    {
        var band = w.RedLineOf("eco-ulanbuh").Buffer(-200);
        var south = Geo.Factory.CreatePolygon(new (double, double)[]
        {
            (106.70, 40.55), (106.70, 40.738), (106.99, 40.738), (106.99, 40.55), (106.70, 40.55),
        }.Select(p => LocalGrid.Metres(p.Item1, p.Item2)).ToArray());
        var g = Geo.Polygons(band.Intersection(south)).OrderByDescending(p => p.Area).First();
        w.Closures.Add((Geo.Simplify(g, 5), Props.Schematic("dc-ulanbuh-south", "乌兰布和沙区沙化土地封禁保护区（示意）",
                "Ulan Buh desertified-land closure area (schematic)", "seed lines 123, 295")
            .Add("redLine", "eco-ulanbuh")
            .Add("note", "范围为示意：国家沙化土地封禁保护区名单及其批复范围未核实；位于乌兰布和沙区生态保护红线内。 / Schematic extent: " +
                "the national list of closure areas and the approved extent were not verified; lies inside the Ulan Buh red line.")));
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
