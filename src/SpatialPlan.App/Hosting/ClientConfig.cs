namespace SpatialPlan.App.Hosting;

/// <summary>What the browser needs to know about the server's settings (<c>GET /api/config</c>).</summary>
/// <param name="BasemapUrl">XYZ template of an optional basemap, or null for none.</param>
/// <param name="BasemapAttribution">Credit line shown on the map with the basemap.</param>
/// <param name="MaxUploadMegabytes">Largest upload accepted by <c>POST /api/checks</c>, in MiB.</param>
public sealed record ClientConfig(string? BasemapUrl, string BasemapAttribution, int MaxUploadMegabytes);
