namespace SpatialPlan.DataGen;

/// <summary>
/// The positions this generator places things at. Only 陕坝镇 is real (reference-data county_seats_wgs84);
/// every other position is our estimate, chosen to fit the plan's wording and the neighbour descriptions in
/// townships_names_only.csv (e.g. 三道桥镇 16 km west of 陕坝镇, 蛮会镇 north, 二道桥镇 south).
/// </summary>
public static class Places
{
    public static readonly Town Shanba = new("shanba", "陕坝镇", "Shanba Town", 107.142267, 40.887276, false, 2600,
        "一心（旗政府所在地）");

    public static readonly IReadOnlyList<Town> Towns =
    [
        Shanba,
        new("toudaoqiao", "头道桥镇", "Toudaoqiao Town", 107.222, 41.085, true, 900, "镇"),
        new("erdaoqiao", "二道桥镇", "Erdaoqiao Town", 107.030, 40.772, true, 1000, "重点镇（南部轴节点）"),
        new("sandaoqiao", "三道桥镇", "Sandaoqiao Town", 106.955, 40.875, true, 1100, "重点镇（西部轴节点）"),
        new("shuangmiao", "双庙镇", "Shuangmiao Town", 106.830, 40.835, true, 900, "镇"),
        new("shahai", "沙海镇", "Shahai Town", 106.935, 40.915, true, 800, "镇（沙漠边缘）"),
        new("menghai", "蒙海镇", "Menghai Town", 107.080, 41.020, true, 1000, "重点镇（北部轴节点）"),
        new("manhui", "蛮会镇", "Manhui Town", 107.140, 40.965, true, 1000, "重点镇（北部轴节点）"),
        new("tuanjie", "团结镇", "Tuanjie Town", 107.292, 41.160, true, 800, "镇"),
        new("taiyangmiao", "太阳庙农场", "Taiyangmiao State Farm", 106.720, 40.805, true, 600, "国有农场"),
    ];

    public static Town TownById(string id) => Towns.First(t => t.Id == id);

    /// <summary>Urban Rear Banner seat 巴音宝力格镇 and 临河 (real points, reference-data county_seats_wgs84).</summary>
    public static readonly (double Lon, double Lat) Bayinbaolige = (107.069537, 41.082604);

    public static readonly (double Lon, double Lat) Linhe = (107.41141, 40.755632);

    public static (double Lon, double Lat) At(string townId)
    {
        var t = TownById(townId);
        return (t.Lon, t.Lat);
    }
}
