namespace SpatialPlan.DataGen;

/// <summary>Source strings written into properties and the README.</summary>
public static class Sources
{
    public const string Schematic = "SpatialPlan schematic reading of the plan";

    public const string DataV =
        "Aliyun DataV.GeoAtlas boundary (AMap) via github anzhou99/GeoJsons @ ae3304715838d7d37de1e682434d146614237f11, " +
        "converted GCJ-02 -> WGS84; no open licence stated (see gis-data/README.md)";

    public const string China4m =
        "China 1:4,000,000 basic geographic data (inferred from field names) via github Andision/DatabaseTHU @ " +
        "b59b47f079a1965aafb4941f4474bede58fbae30 public/file/Heliu1.geojson, Heliu2.geojson; no licence stated";

    public const string HydroLakes =
        "HydroLAKES v1.0 (Hylak_id 1314), HydroSHEDS, CC-BY 4.0 (Messager et al. 2016, Nature Communications 7:13603), " +
        "via github Andision/DatabaseTHU @ b59b47f079a1965aafb4941f4474bede58fbae30 public/file/WuliangsuHai.geojson";
}
