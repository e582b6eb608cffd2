using System.Buffers.Binary;

namespace SpatialPlan.Rendering.Text;

/// <summary>Writes a cmap table with one format-12 subtable (Unicode full repertoire) for a code point → glyph map.</summary>
internal static class TrueTypeCmap
{
    public static byte[] Build(IReadOnlyDictionary<int, ushort> characters)
    {
        var groups = Groups(characters);
        const int HeaderLength = 4 + (2 * 8);
        int subtableLength = 16 + (12 * groups.Count);
        var cmap = new byte[HeaderLength + subtableLength];
        var span = cmap.AsSpan();
        BinaryPrimitives.WriteUInt16BigEndian(span[2..], 2); // version 0, two encoding records
        WriteRecord(span[4..], 0, 4, HeaderLength);  // Unicode, full repertoire
        WriteRecord(span[12..], 3, 10, HeaderLength); // Windows, UCS-4 — both point at the same subtable

        var sub = span[HeaderLength..];
        BinaryPrimitives.WriteUInt16BigEndian(sub, 12);
        BinaryPrimitives.WriteUInt32BigEndian(sub[4..], (uint)subtableLength);
        BinaryPrimitives.WriteUInt32BigEndian(sub[12..], (uint)groups.Count);
        for (int i = 0; i < groups.Count; i++)
        {
            var g = sub.Slice(16 + (12 * i), 12);
            BinaryPrimitives.WriteUInt32BigEndian(g, (uint)groups[i].Start);
            BinaryPrimitives.WriteUInt32BigEndian(g[4..], (uint)groups[i].End);
            BinaryPrimitives.WriteUInt32BigEndian(g[8..], groups[i].Glyph);
        }

        return cmap;
    }

    private static void WriteRecord(Span<byte> record, ushort platform, ushort encoding, int offset)
    {
        BinaryPrimitives.WriteUInt16BigEndian(record, platform);
        BinaryPrimitives.WriteUInt16BigEndian(record[2..], encoding);
        BinaryPrimitives.WriteUInt32BigEndian(record[4..], (uint)offset);
    }

    /// <summary>Runs of consecutive code points with consecutive glyph ids, sorted by code point.</summary>
    private static List<(int Start, int End, ushort Glyph)> Groups(IReadOnlyDictionary<int, ushort> characters)
    {
        var groups = new List<(int Start, int End, ushort Glyph)>();
        foreach (var (codePoint, glyph) in characters.Where(c => c.Value != 0).OrderBy(c => c.Key))
        {
            if (groups.Count > 0)
            {
                var last = groups[^1];
                if (last.End + 1 == codePoint && last.Glyph + (codePoint - last.Start) == glyph)
                {
                    groups[^1] = (last.Start, codePoint, last.Glyph);
                    continue;
                }
            }

            groups.Add((codePoint, codePoint, glyph));
        }

        return groups;
    }
}
