using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace SpatialPlan.Core.Checks;

/// <summary>
/// The 报告编号 a signed report carries, e.g. <c>SP-20261129-1A2B3C</c>: the check date, then the first six hex digits
/// (upper case) of SHA-256 over "input SHA-256|check time" (<see cref="CheckSettings.CheckedAtText"/>). The same input
/// checked in the same minute gets the same number, so a reprint is recognisable; any other input or minute gets
/// another. A footprint without an input file (drawn in a test) is hashed by its EPSG:4545 WKB instead.
/// </summary>
public static class ReportNumbers
{
    /// <summary>The report number of a check of <paramref name="inputSha256"/> at <paramref name="checkedAtText"/>.</summary>
    /// <param name="inputSha256">Hex SHA-256 of the checked file, or null.</param>
    /// <param name="checkedAt">The check time (its local date goes into the number).</param>
    /// <param name="checkedAtText">The check time as the report prints it (ISO 8601 to the minute with offset).</param>
    /// <param name="footprintGk">The footprint (EPSG:4545), hashed when there is no input file.</param>
    public static string Of(string? inputSha256, DateTimeOffset checkedAt, string checkedAtText, Geometry footprintGk)
    {
        ArgumentNullException.ThrowIfNull(footprintGk);
        var input = inputSha256 ?? Convert.ToHexStringLower(SHA256.HashData(new WKBWriter().Write(footprintGk)));
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes($"{input}|{checkedAtText}"));
        return $"SP-{checkedAt.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}-{Convert.ToHexString(digest)[..6]}";
    }
}
