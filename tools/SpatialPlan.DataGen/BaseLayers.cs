using NetTopologySuite.Features;
using NetTopologySuite.Geometries;

namespace SpatialPlan.DataGen;

/// <summary>
/// Copies the real reference layers (WGS84 = CGCS2000 here) into gis-data with our property schema and a
/// source credit. Geometry is copied unchanged (the reference files already carry 6 decimals).
/// </summary>
public static class BaseLayers
{
    public static void Copy(string refDir, string layersDir)
    {
        string R(string f) => Path.Combine(refDir, f);
        string L(string f) => Path.Combine(layersDir, f);

        var banner = RefData.Read(R("hangjinhouqi_boundary_wgs84.geojson"))[0];
        GeoJsonOut.Write(L("banner-boundary.geojson"), "banner-boundary",
            [(banner.Geometry, Real("150826", "杭锦后旗", "Hangjin Rear Banner", "hangjinhouqi_boundary_wgs84.geojson",
                Sources.DataV).Add("adcode", 150826).Add("officialAreaKm2", 1751.53))], decimals: 6);

        CopyNeighbours(R, L);
        CopyWater(R, L);
    }

    private static void CopyNeighbours(Func<string, string> R, Func<string, string> L)
    {
        var neighbours = new List<(Geometry, Props)>();
        foreach (var f in RefData.Read(R("bayannur_counties_wgs84.geojson")).OrderBy(f => RefData.Text(f, "adcode")))
        {
            var code = RefData.Text(f, "adcode")!;
            if (code != "150826")
            {
                neighbours.Add((f.Geometry, Real(code, RefData.Text(f, "name_zh")!, RefData.Text(f, "name_en"),
                    "bayannur_counties_wgs84.geojson", Sources.DataV).Add("adcode", int.Parse(code))));
            }
        }

        var hjq = RefData.Read(R("ordos_hangjinqi_boundary_wgs84.geojson"))[0];
        neighbours.Add((hjq.Geometry, Real("150625", "杭锦旗（鄂尔多斯市）", "Hangjin Banner (Ordos)",
            "ordos_hangjinqi_boundary_wgs84.geojson", Sources.DataV).Add("adcode", 150625)));
        GeoJsonOut.Write(L("neighbours.geojson"), "neighbours", neighbours, decimals: 6);
    }

    private static void CopyWater(Func<string, string> R, Func<string, string> L)
    {

        var rivers = RefData.Read(R("rivers_china4m_wgs84.geojson"));
        var huanghe = RefData.Find(rivers, "name_zh", "黄河");
        var wujia = RefData.Find(rivers, "name_zh", "乌加河");
        var unnamed = rivers.First(f => RefData.Text(f, "name_zh") is null);
        GeoJsonOut.Write(L("rivers.geojson"), "rivers",
        [
            (huanghe.Geometry, Real("huanghe", "黄河", "Yellow River", "rivers_china4m_wgs84.geojson", Sources.China4m)),
            (wujia.Geometry, Real("wujiahe", "乌加河", "Wujia River", "rivers_china4m_wgs84.geojson", Sources.China4m)),
        ], decimals: 6);

        // The source gives the Hetao channels no names; we do not invent any.
        GeoJsonOut.Write(L("canals.geojson"), "canals",
            [(unnamed.Geometry, Real("hetao-channels", "河套灌区渠沟（来源未给名称）", "Hetao irrigation channels (unnamed in the source)",
                "rivers_china4m_wgs84.geojson (feature with name_zh null)", Sources.China4m))], decimals: 6);

        var lake = RefData.Read(R("wuliangsuhai_hydrolakes_wgs84.geojson"))[0];
        GeoJsonOut.Write(L("wuliangsuhai.geojson"), "wuliangsuhai",
            [(lake.Geometry, Real("wuliangsuhai", "乌梁素海", "Wuliangsuhai (Ulansuhai Nur)",
                "wuliangsuhai_hydrolakes_wgs84.geojson", Sources.HydroLakes).Add("areaKm2", 327.2))], decimals: 6);
    }

    private static Props Real(string id, string name, string? nameEn, string file, string source) =>
        new Props()
            .Add("id", id)
            .Add("name", name)
            .Add("nameEn", nameEn)
            .Add("schematic", false)
            .Add("basis", "reference-data/" + file)
            .Add("source", source);

    /// <summary>Reads a base layer written by <see cref="Copy"/> and returns its geometries in metres.</summary>
    public static Geometry LoadMetres(string layersDir, string file, string? id = null)
    {
        var fc = RefData.Read(Path.Combine(layersDir, file));
        var parts = fc.Where(f => id is null || RefData.Text(f, "id") == id).Select(f => LocalGrid.Metres(f.Geometry)).ToList();
        return parts.Count == 1 ? parts[0] : Geo.Factory.BuildGeometry(parts);
    }

    public static FeatureCollection Load(string layersDir, string file) => RefData.Read(Path.Combine(layersDir, file));
}
