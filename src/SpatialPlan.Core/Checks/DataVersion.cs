using System.Security.Cryptography;
using System.Text;
using SpatialPlan.Core.Layers;
using SpatialPlan.Core.Layers.Sources;

namespace SpatialPlan.Core.Checks;

/// <summary>
/// The data version a report prints: a SHA-256 over catalog.json, policy.json and every layer file of the catalog,
/// so that a signed report names exactly the data it was checked against. For each file in that order (layers in
/// catalog order) the hash input is its path relative to the data folder, a NUL, the hex SHA-256 of its bytes and a
/// line feed; a missing file contributes its path and "missing". A PostGIS layer has no file: it contributes
/// <c>postgis:&lt;table&gt;</c>, a NUL and "database" (its content is the database's to version).
/// Large files (GeoPackage layers) are hashed once per change: <see cref="FileHashCache"/>.
/// </summary>
public static class DataVersion
{
    /// <summary>Lower-case hex SHA-256 over the data folder's catalog, policy and layer files.</summary>
    public static string Compute(LayerCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var text = new StringBuilder();
        foreach (var relative in new[] { LayerCatalog.FileName, CheckPolicy.FileName })
        {
            Append(text, catalog, relative);
        }

        foreach (var layer in catalog.Layers)
        {
            if (LayerCatalog.FileOf(layer) is { } relative)
            {
                Append(text, catalog, relative);
            }
            else
            {
                text.Append("postgis:").Append(layer.SourceSpec?.Table).Append('\0').Append("database").Append('\n');
            }
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static void Append(StringBuilder text, LayerCatalog catalog, string relative)
    {
        var path = catalog.PathOf(relative);
        text.Append(relative.Replace('\\', '/')).Append('\0');
        text.Append(File.Exists(path) ? FileHashCache.Sha256(path) : "missing");
        text.Append('\n');
    }
}
