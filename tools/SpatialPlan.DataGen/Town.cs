namespace SpatialPlan.DataGen;

/// <summary>A town seat: id, names, position (EPSG:4490) and how sure we are of it.</summary>
public sealed record Town(string Id, string Name, string NameEn, double Lon, double Lat, bool Estimated,
    double UrbanRadiusM, string Role);
