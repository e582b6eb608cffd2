using System.Security.Cryptography;

namespace SpatialPlan.Core.Checks;

/// <summary>The checked input file as the report's settings block names it: its name and the SHA-256 of its bytes.</summary>
/// <param name="FileName">The file name (no folder), as given or uploaded.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the file's bytes.</param>
public sealed record CheckInput(string FileName, string Sha256)
{
    /// <summary>Names and hashes bytes (the CLI passes the file's bytes, the app the uploaded ones).</summary>
    public static CheckInput Of(string fileName, ReadOnlySpan<byte> content) =>
        new(Path.GetFileName(fileName), Convert.ToHexStringLower(SHA256.HashData(content)));

    /// <summary>Names and hashes a file on disk.</summary>
    public static CheckInput OfFile(string path)
    {
        using var stream = File.OpenRead(path);
        return new CheckInput(Path.GetFileName(path), Convert.ToHexStringLower(SHA256.HashData(stream)));
    }
}
