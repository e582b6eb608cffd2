using NetTopologySuite.Geometries;

namespace SpatialPlan.DataGen;

/// <summary>
/// 水域管理 zones from the REAL rivers and canals (1:4M national data, errors of several hundred metres): the 河道管理范围
/// of the 黄河 and the 乌加河, the 黄河滩区 between the river and a schematic levee line, and the 灌区渠沟管理范围 of the
/// Hetao channels. Only the lines are real; every width is a schematic setting, stated in each feature and in
/// gis-data/README.md. The three levels are built disjoint (canal zones stop where a river zone or the floodplain begins).
/// </summary>
public static class WaterLayers
{
    /// <summary>Half-widths in metres (each side of the source line), all schematic settings.</summary>
    public const double HuangheRiverM = 200;
    public const double HuangheLeveeM = 1200;
    public const double WujiaRiverM = 50;
    public const double CanalM = 20;

    private const double Gap = 0.05;

    private const string Schematic = "示意设置，非法定、非官方：";
    private const string SchematicEn = "Schematic setting, not statutory or official: ";

    public static void Build(World w)
    {
        var clipEnv = w.Banner.EnvelopeInternal.Copy();
        clipEnv.ExpandBy(3000);
        var clip = Geo.Factory.ToGeometry(clipEnv);
        var huanghe = w.YellowRiver.Intersection(clip);
        // The 1:4M river is drawn as banks and braids: the buffers leave slivers and pin-holes far below the data's
        // accuracy, which 7-decimal output would turn invalid. They are dropped and the outlines simplified by 0.5 m.
        var river = Clean(Geo.Buffer(huanghe, HuangheRiverM, 8).Intersection(w.BannerInner));
        // Levels keep a 5 cm gap, so that rounding the output to 7 decimals (about 1 cm) cannot make them overlap.
        var floodplain = Clean(Geo.Buffer(huanghe, HuangheLeveeM, 8).Intersection(w.BannerInner).Difference(Geo.Buffer(river, Gap, 2)));
        var wujia = Geo.Buffer(w.Wujia.Intersection(clip), WujiaRiverM, 4).Intersection(w.BannerInner);

        w.WaterManagement.Add((Geo.Polygonal(river, 500), Zone("wm-huanghe-river", "黄河河道管理范围（主河槽，示意）",
                "Yellow River channel management zone (schematic)", Levels.River, "huanghe", HuangheRiverM,
                Schematic + $"取全国1:400万黄河干流线（两岸及汊流线）两侧各 {HuangheRiverM:0} m 作主河槽的河道管理范围。有堤防河道的管理范围为两岸堤防之间的水域、" +
                "沙洲、滩地、行洪区及堤防和护堤地（《河道管理条例》第二十条），其中滩地部分单列为 floodplain。源数据误差达数百米。 / " +
                SchematicEn + $"{HuangheRiverM:0} m each side of the 1:4M Yellow River lines (banks and braids) as the main-channel zone; " +
                "the floodplain part of the statutory zone between the levees is the floodplain feature. Source errors reach several hundred metres.",
                "seed lines 295, 313")));
        w.WaterManagement.Add((Geo.Polygonal(floodplain, 500), Zone("wm-huanghe-floodplain", "黄河滩区（示意）",
                "Yellow River floodplain (schematic)", Levels.Floodplain, "huanghe", HuangheLeveeM,
                Schematic + $"黄河滩区取主河槽管理范围外缘至距黄河干流线 {HuangheLeveeM:0} m 的示意堤线之间（旗界内，北岸）。示意堤线不是黄河大堤的真实位置。 / " +
                SchematicEn + $"the floodplain runs from the main-channel zone to a schematic levee line {HuangheLeveeM:0} m from the river " +
                "lines (north bank, inside the banner). The schematic levee line is not the real Yellow River levee.",
                "seed lines 295, 313, 343, 345")));
        w.WaterManagement.Add((Geo.Polygonal(wujia, 500), Zone("wm-wujiahe-river", "乌加河河道管理范围（示意）",
                "Wujia River management zone (schematic)", Levels.River, "wujiahe", WujiaRiverM,
                Schematic + $"取全国1:400万乌加河线两侧各 {WujiaRiverM:0} m。乌加河是否有堤防、其法定管理范围均未核实。 / " +
                SchematicEn + $"{WujiaRiverM:0} m each side of the 1:4M Wujia River line; its levees and statutory zone were not verified.",
                "seed lines 123, 295")));

        var riverZones = Geo.Union([river, floodplain, wujia]);
        var canals = Geo.Buffer(w.Canals.Intersection(clip), CanalM, 2).Intersection(w.BannerInner)
            .Difference(Geo.Buffer(riverZones, Gap, 2));
        var pieces = Geo.Polygons(canals).Where(p => p.Area >= 2000)
            .OrderBy(p => Math.Round(p.Centroid.Y)).ThenBy(p => Math.Round(p.Centroid.X)).ToList();
        for (var i = 0; i < pieces.Count; i++)
        {
            var no = (i + 1).ToString("D2", System.Globalization.CultureInfo.InvariantCulture);
            w.WaterManagement.Add((pieces[i], Zone("wm-canal-" + no, $"河套灌区渠沟管理范围（示意）第{no}段",
                $"Hetao irrigation channel management zone (schematic), part {no}", Levels.Canal, "hetao-channels", CanalM,
                Schematic + $"取河套灌区渠沟线（全国1:400万数据，来源未给名称和级别）两侧各 {CanalM:0} m；因无渠沟级别，所有渠沟取同一宽度。" +
                "内蒙古及河套灌区渠道管理范围的地方规定未核实。 / " + SchematicEn +
                $"{CanalM:0} m each side of the Hetao channel lines (1:4M data, no names or classes in the source), one width for all; " +
                "the regional rules on canal management zones were not verified.",
                "seed lines 123, 423")));
        }
    }

    private static Geometry Clean(Geometry g)
    {
        var parts = Geo.Polygons(g).Where(p => p.Area >= 500).Select(p => (Polygon)Geo.Factory.CreatePolygon(p.Shell,
            p.Holes.Where(h => Geo.Factory.CreatePolygon(h).Area >= 500).ToArray())).ToArray();
        return Geo.Simplify(Geo.Factory.CreateMultiPolygon(parts), 0.5);
    }

    private static Props Zone(string id, string name, string nameEn, string level, string waterBody, double widthM,
        string widthBasis, string basis) =>
        Props.Schematic(id, name, nameEn, basis)
            .Add("level", level).Add("levelZh", Levels.Zh[level])
            .Add("widthM", widthM).Add("widthBasis", widthBasis)
            .Add("derivedFrom", waterBody == "hetao-channels"
                ? "gis-data/layers/canals.geojson#hetao-channels"
                : "gis-data/layers/rivers.geojson#" + waterBody);
}
