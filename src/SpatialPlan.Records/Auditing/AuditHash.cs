using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SpatialPlan.Records.Auditing;

/// <summary>
/// The hash of an audit entry: lower-case hex SHA-256 over its canonical form, the fields
/// <c>seq, at, user, action, target, inputs_sha256, detail, prev_hash</c> in this order, each written as a netstring
/// (<c>{UTF-8 byte length}:{bytes},</c>). A netstring cannot be confused with its neighbours, so no choice of text in
/// one field can imitate another entry. The first entry's <c>prev_hash</c> is <see cref="Genesis"/>.
/// </summary>
public static class AuditHash
{
    /// <summary>The previous hash of the first entry: 64 zeros.</summary>
    public static readonly string Genesis = new('0', 64);

    public static string Compute(long seq, string at, string user, string action, string target, string inputsSha256, string detail, string prevHash)
    {
        using var buffer = new MemoryStream();
        foreach (var field in new[] { seq.ToString(CultureInfo.InvariantCulture), at, user, action, target, inputsSha256, detail, prevHash })
        {
            var bytes = Encoding.UTF8.GetBytes(field);
            var head = Encoding.ASCII.GetBytes(bytes.Length.ToString(CultureInfo.InvariantCulture) + ":");
            buffer.Write(head);
            buffer.Write(bytes);
            buffer.WriteByte((byte)',');
        }

        return Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()));
    }

    /// <summary>Hex SHA-256 of bytes.</summary>
    public static string Sha256(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>Hex SHA-256 of a text's UTF-8 bytes.</summary>
    public static string Sha256(string text) => Sha256(Encoding.UTF8.GetBytes(text));
}
