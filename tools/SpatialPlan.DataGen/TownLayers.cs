using NetTopologySuite.Geometries;

namespace SpatialPlan.DataGen;

/// <summary>Towns, roads and the 一心一带三轴 structure (seed line 718).</summary>
public static class TownLayers
{
    private const string StructureBasis = "seed line 718";

    public static List<(Geometry, Props)> Towns(World w)
    {
        var list = new List<(Geometry, Props)>();
        foreach (var t in Places.Towns)
        {
            var p = LocalGrid.Metres(t.Lon, t.Lat);
            if (!w.BannerInner.Contains(Geo.Pt(p)))
            {
                throw new InvalidOperationException($"town {t.Name} is not inside the banner");
            }

            Props props;
            if (t.Estimated)
            {
                props = Props.Schematic(t.Id, t.Name, t.NameEn,
                    "reference-data/townships_names_only.csv (name only); position estimated from the plan (seed line 718) and neighbour descriptions");
                props.Add("estimated", true);
            }
            else
            {
                props = new Props().Add("id", t.Id).Add("name", t.Name).Add("nameEn", t.NameEn).Add("schematic", false)
                    .Add("basis", "reference-data/county_seats_wgs84.geojson").Add("source", Sources.DataV + " (district centre point)")
                    .Add("estimated", false);
            }

            props.Add("role", t.Role).Add("seat", t.Id == "shanba").Add("kind", t.Id == "taiyangmiao" ? "farm" : "town");
            list.Add((Geo.Pt(p), props));
        }

        return list;
    }

    /// <summary>Schematic road centrelines (S313, X714, X712 and main links), in metres, kept inside the banner.</summary>
    public static void BuildRoads(World w)
    {
        (double, double) T(string id) => Places.At(id);
        void Road(string id, string name, string nameEn, string code, string basis, params (double, double)[] pts)
        {
            var line = Geo.LineLL(pts).Intersection(w.BannerInner);
            var props = Props.Schematic(id, name, nameEn, basis).Add("code", code);
            w.Roads.Add((line, props));
        }

        Road("s313", "S313 省道（示意走向）", "Provincial road S313 (schematic route)", "S313", "seed line 677",
            T("shanba"), (107.05, 40.884), T("sandaoqiao"), (106.89, 40.852), T("shuangmiao"), (106.77, 40.818), T("taiyangmiao"));
        Road("x714", "X714 县道（示意走向）", "County road X714 (schematic route)", "X714", "seed line 677",
            T("shanba"), (107.142, 40.925), T("manhui"), (107.175, 41.02), T("toudaoqiao"), (107.26, 41.12), T("tuanjie"));
        Road("x712", "X712 县道（示意走向）", "County road X712 (schematic route)", "X712", "seed line 677",
            T("shanba"), (107.10, 40.866), (107.055, 40.835), T("erdaoqiao"), (107.06, 40.70), (107.10, 40.62), (107.12, 40.56));
        Road("link-sandaoqiao-shahai", "三道桥镇—沙海镇连接道路（示意）", "Sandaoqiao–Shahai link (schematic)", "", "seed line 718",
            T("sandaoqiao"), T("shahai"));
        Road("link-manhui-menghai", "蛮会镇—蒙海镇连接道路（示意）", "Manhui–Menghai link (schematic)", "", "seed line 718",
            T("manhui"), T("menghai"));
        Road("link-sandaoqiao-erdaoqiao", "三道桥镇—二道桥镇连接道路（示意）", "Sandaoqiao–Erdaoqiao link (schematic)", "",
            "seed line 718", T("sandaoqiao"), (106.99, 40.82), T("erdaoqiao"));
    }

    public static List<(Geometry, Props)> Structure(World w)
    {
        var list = new List<(Geometry, Props)>();
        var shanba = LocalGrid.Metres(Places.Shanba.Lon, Places.Shanba.Lat);
        var core = Geo.Buffer(Geo.Pt(shanba), 4000, 12).Intersection(w.BannerInner);
        list.Add((core, Props.Schematic("yixin", "一心：陕坝镇核心", "One core: Shanba", StructureBasis)
            .Add("kind", "core").Add("regional", false)));

        // The belt is Bayannur's western development belt; it runs from 乌拉特后旗 to 临河 beyond the banner.
        var belt = Geo.LineLL(Places.Bayinbaolige, (107.0, 41.0), (106.955, 40.95), Places.At("shahai"),
            (107.02, 40.905), Places.At("shanba"), (107.28, 40.82), Places.Linhe);
        list.Add((belt, Props.Schematic("yidai", "一带：西部发展带（乌拉特后旗—沙海镇—陕坝镇—临河）",
                "One belt: western development belt (Urad Rear Banner – Shahai – Shanba – Linhe)", StructureBasis)
            .Add("kind", "belt").Add("regional", true)
            .Add("note", "区域性发展带，两端延伸至乌拉特后旗与临河区，超出旗界 / regional belt, extends beyond the banner")));

        (double, double) T(string id) => Places.At(id);
        var axes = new[]
        {
            ("axis-west", "西部发展轴（陕坝镇—三道桥镇—双庙镇）", "West axis (Shanba – Sandaoqiao – Shuangmiao)", new[] { "三道桥镇" },
                new[] { T("shanba"), (107.05, 40.884), T("sandaoqiao"), (106.89, 40.852), T("shuangmiao") }),
            ("axis-south", "南部发展轴（陕坝镇—二道桥镇—黄河）", "South axis (Shanba – Erdaoqiao – Yellow River)", new[] { "二道桥镇" },
                new[] { T("shanba"), (107.10, 40.866), (107.055, 40.835), T("erdaoqiao"), (107.06, 40.70), (107.09, 40.64) }),
            ("axis-north", "北部发展轴（陕坝镇—蛮会镇—蒙海镇）", "North axis (Shanba – Manhui – Menghai)", new[] { "蛮会镇", "蒙海镇" },
                new[] { T("shanba"), T("manhui"), T("menghai") }),
        };
        foreach (var (id, name, nameEn, nodes, pts) in axes)
        {
            var line = Geo.LineLL(pts).Intersection(w.BannerInner);
            list.Add((line, Props.Schematic(id, name, nameEn, StructureBasis).Add("kind", "axis").Add("regional", false)
                .Add("nodes", nodes)));
        }

        return list;
    }
}
