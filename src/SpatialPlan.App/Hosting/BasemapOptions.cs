namespace SpatialPlan.App.Hosting;

/// <summary>
/// Optional background map (appsettings section <c>Basemap</c>). None by default: the boundary, water and
/// towns are the base. The URL is an XYZ template (<c>{z}/{x}/{y}</c>) in Web Mercator tiles, e.g. 天地图 with
/// the planner's own key. A GCJ-02 basemap (AMap/Gaode, Tencent) is offset about 400 m here and must not be used.
/// </summary>
public sealed class BasemapOptions
{
    public const string Section = "Basemap";

    public string Url { get; set; } = string.Empty;

    public string Attribution { get; set; } = string.Empty;
}
