using System.Buffers.Binary;
using System.Text;

namespace SpatialPlan.Rendering.Text;

/// <summary>Reads and writes the sfnt table directory of a TrueType font (big-endian, 4-byte aligned tables).</summary>
internal static class TrueTypeTables
{
    public static Dictionary<string, byte[]> Read(ReadOnlySpan<byte> font)
    {
        if (font.Length < 12)
        {
            throw new InvalidDataException("字体文件太短。 / The font file is too short.");
        }

        uint version = BinaryPrimitives.ReadUInt32BigEndian(font);
        if (version != 0x00010000 && version != 0x74727565) // 1.0 or 'true'
        {
            throw new InvalidDataException(
                $"不是 TrueType 字体（sfnt 版本 0x{version:x8}，可能是 CFF/OTF）。 / Not a TrueType font (sfnt version 0x{version:x8}; CFF/OTF?).");
        }

        int numTables = BinaryPrimitives.ReadUInt16BigEndian(font[4..]);
        var tables = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        for (int i = 0; i < numTables; i++)
        {
            var entry = font.Slice(12 + (16 * i), 16);
            string tag = Encoding.ASCII.GetString(entry[..4]);
            int offset = (int)BinaryPrimitives.ReadUInt32BigEndian(entry[8..]);
            int length = (int)BinaryPrimitives.ReadUInt32BigEndian(entry[12..]);
            tables[tag] = font.Slice(offset, length).ToArray();
        }

        return tables;
    }

    /// <summary>Writes the tables (sorted by tag) with checksums and sets head.checkSumAdjustment.</summary>
    public static byte[] Write(SortedDictionary<string, byte[]> tables)
    {
        int numTables = tables.Count;
        int entrySelector = (int)Math.Floor(Math.Log2(numTables));
        int searchRange = (1 << entrySelector) * 16;
        int headerLength = 12 + (16 * numTables);
        int total = headerLength + tables.Values.Sum(t => Pad4(t.Length));
        var output = new byte[total];
        var span = output.AsSpan();
        BinaryPrimitives.WriteUInt32BigEndian(span, 0x00010000);
        BinaryPrimitives.WriteUInt16BigEndian(span[4..], (ushort)numTables);
        BinaryPrimitives.WriteUInt16BigEndian(span[6..], (ushort)searchRange);
        BinaryPrimitives.WriteUInt16BigEndian(span[8..], (ushort)entrySelector);
        BinaryPrimitives.WriteUInt16BigEndian(span[10..], (ushort)((numTables * 16) - searchRange));

        int offset = headerLength, index = 0, headOffset = -1;
        foreach (var (tag, data) in tables)
        {
            var entry = span.Slice(12 + (16 * index++), 16);
            Encoding.ASCII.GetBytes(tag, entry);
            BinaryPrimitives.WriteUInt32BigEndian(entry[4..], Checksum(data));
            BinaryPrimitives.WriteUInt32BigEndian(entry[8..], (uint)offset);
            BinaryPrimitives.WriteUInt32BigEndian(entry[12..], (uint)data.Length);
            data.CopyTo(span[offset..]);
            if (tag == "head")
            {
                headOffset = offset;
            }

            offset += Pad4(data.Length);
        }

        if (headOffset >= 0)
        {
            BinaryPrimitives.WriteUInt32BigEndian(span[(headOffset + 8)..], unchecked(0xB1B0AFBA - Checksum(output)));
        }

        return output;
    }

    private static int Pad4(int length) => (length + 3) & ~3;

    private static uint Checksum(ReadOnlySpan<byte> data)
    {
        uint sum = 0;
        int i = 0;
        for (; i + 4 <= data.Length; i += 4)
        {
            sum = unchecked(sum + BinaryPrimitives.ReadUInt32BigEndian(data[i..]));
        }

        if (i < data.Length)
        {
            Span<byte> tail = stackalloc byte[4];
            tail.Clear();
            data[i..].CopyTo(tail);
            sum = unchecked(sum + BinaryPrimitives.ReadUInt32BigEndian(tail));
        }

        return sum;
    }
}
