namespace SpatialPlan.App.Hosting;

/// <summary>What the browser needs to know about the server's settings (<c>GET /api/config</c>).</summary>
/// <param name="BasemapUrl">XYZ template of an optional basemap, or null for none.</param>
/// <param name="BasemapAttribution">Credit line shown on the map with the basemap.</param>
/// <param name="MaxUploadMegabytes">Largest upload accepted by <c>POST /api/checks</c>, in MiB.</param>
/// <param name="Crs">The data folder's working CRS: the map is drawn in it.</param>
/// <param name="Area">The data area: its names and extent.</param>
public sealed record ClientConfig(string? BasemapUrl, string BasemapAttribution, int MaxUploadMegabytes, ClientCrs Crs, ClientArea Area);

/// <summary>The working CRS as the front end registers it with proj4 (docs/data-sources.md §5).</summary>
/// <param name="Epsg">The EPSG code, e.g. 4545.</param>
/// <param name="Proj4">Its proj4 definition, as <c>projinfo EPSG:n -o PROJ</c> prints it.</param>
/// <param name="Name"><c>EPSG:4545</c>.</param>
/// <param name="TitleZh">The Chinese name printed on sheets.</param>
/// <param name="CentralMeridian">The zone's central meridian, degrees east.</param>
/// <param name="ZonedEpsg">The same zone with the zone prefix (accepted for input), e.g. 4524.</param>
public sealed record ClientCrs(int Epsg, string Proj4, string Name, string TitleZh, int CentralMeridian, int ZonedEpsg)
{
    public static ClientCrs Of(Core.Crs.GaussKrugerZone zone) =>
        new(zone.Epsg, zone.Proj4, zone.Name, zone.TitleZh, zone.CentralMeridian, zone.ZonedEpsg);
}

/// <summary>The data area.</summary>
/// <param name="NameZh">Its Chinese name.</param>
/// <param name="NameEn">Its English name.</param>
/// <param name="Extent">The boundary's box in the working CRS (minX, minY, maxX, maxY), or null without a boundary.</param>
public sealed record ClientArea(string NameZh, string NameEn, double[]? Extent)
{
    public static ClientArea Of(Core.Crs.DataArea area) => new(area.NameZh, area.NameEn,
        area.WorkingExtent is { } e ? [e.MinX, e.MinY, e.MaxX, e.MaxY] : null);
}
