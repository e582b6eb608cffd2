using System.Security.Cryptography;
using System.Text;
using SpatialPlan.Core.Layers;

namespace SpatialPlan.Core.Checks;

/// <summary>
/// The data version a report prints: a SHA-256 over catalog.json, policy.json and every layer file of the catalog,
/// so that a signed report names exactly the data it was checked against. For each file in that order (layers in
/// catalog order) the hash input is its path relative to the data folder, a NUL, the hex SHA-256 of its bytes and a
/// line feed; a missing file contributes its path and "missing".
/// </summary>
public static class DataVersion
{
    /// <summary>Lower-case hex SHA-256 over the data folder's catalog, policy and layer files.</summary>
    public static string Compute(LayerCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var files = new[] { LayerCatalog.FileName, CheckPolicy.FileName }.Concat(catalog.Layers.Select(l => l.File));
        var text = new StringBuilder();
        foreach (var relative in files)
        {
            var path = catalog.PathOf(relative);
            text.Append(relative.Replace('\\', '/')).Append('\0');
            if (File.Exists(path))
            {
                using var stream = File.OpenRead(path);
                text.Append(Convert.ToHexStringLower(SHA256.HashData(stream)));
            }
            else
            {
                text.Append("missing");
            }

            text.Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
