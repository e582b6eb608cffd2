using System.Buffers.Binary;

namespace SpatialPlan.Rendering.Text;

/// <summary>
/// Makes a small TrueType (glyf-outline) font that keeps only the outlines of the glyphs a document uses.
/// Glyph ids are preserved: unused glyphs become empty in glyf/loca, so text already shaped against the
/// full font (Skia maps characters to glyph ids through cmap; we never re-number) draws the same.
/// Tables a non-shaping renderer needs are kept (head, hhea, hmtx, maxp, OS/2, name, hinting); layout and
/// vertical tables are dropped and post becomes version 3 (no glyph names). The cmap is rewritten to hold
/// exactly the characters the document uses: CJK fonts map a Kangxi radical (U+2F63 ⽣) and the ideograph
/// (U+751F 生) to one glyph, and Skia's PDF ToUnicode would otherwise give copy-paste the radical.
/// </summary>
/// <remarks>
/// Skia embeds TrueType fonts whole in PDFs (6.5–10 MB for Noto Sans SC); the subset of a map sheet's
/// few hundred glyphs is a few hundred kB before compression.
/// </remarks>
public static class TrueTypeSubsetter
{
    private static readonly HashSet<string> s_keptTables =
    [
        "cmap", "head", "hhea", "hmtx", "maxp", "OS/2", "name", "post", "glyf", "loca",
        "cvt ", "fpgm", "prep", "gasp",
    ];

    /// <summary>Returns a subset of <paramref name="font"/> with outlines only for the glyphs of
    /// <paramref name="characters"/> (code point → glyph id, as the full font's cmap maps them), plus glyph 0
    /// and the components of kept composite glyphs; its cmap maps exactly those characters.</summary>
    /// <exception cref="InvalidDataException">The font is not a TrueType font with glyf outlines.</exception>
    public static byte[] Subset(ReadOnlySpan<byte> font, IReadOnlyDictionary<int, ushort> characters)
    {
        ArgumentNullException.ThrowIfNull(characters);
        var glyphIds = characters.Values;
        var tables = TrueTypeTables.Read(font);
        if (!tables.ContainsKey("glyf") || !tables.ContainsKey("loca"))
        {
            throw new InvalidDataException(
                "字体不是 TrueType（glyf）轮廓字体，无法子集化；请选用 .ttf 字体。 / The font has no glyf/loca tables (CFF?); use a TrueType font.");
        }

        var head = tables["head"].ToArray();
        int numGlyphs = BinaryPrimitives.ReadUInt16BigEndian(tables["maxp"].AsSpan(4));
        bool longLoca = BinaryPrimitives.ReadInt16BigEndian(head.AsSpan(50)) == 1;
        var offsets = ReadLoca(tables["loca"], numGlyphs, longLoca);
        var glyf = tables["glyf"];

        var kept = Closure(glyf, offsets, glyphIds, numGlyphs);
        var (newGlyf, newLoca) = BuildGlyf(glyf, offsets, kept, numGlyphs);

        BinaryPrimitives.WriteInt16BigEndian(head.AsSpan(50), 1); // indexToLocFormat: long
        BinaryPrimitives.WriteUInt32BigEndian(head.AsSpan(8), 0); // checkSumAdjustment, recomputed below

        var output = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (tag, data) in tables)
        {
            if (s_keptTables.Contains(tag))
            {
                output[tag] = data;
            }
        }

        output["head"] = head;
        output["glyf"] = newGlyf;
        output["loca"] = newLoca;
        output["post"] = PostVersion3(tables["post"]);
        output["cmap"] = TrueTypeCmap.Build(characters);
        return TrueTypeTables.Write(output);
    }

    private static uint[] ReadLoca(byte[] loca, int numGlyphs, bool longLoca)
    {
        var offsets = new uint[numGlyphs + 1];
        for (int i = 0; i <= numGlyphs; i++)
        {
            offsets[i] = longLoca
                ? BinaryPrimitives.ReadUInt32BigEndian(loca.AsSpan(i * 4))
                : BinaryPrimitives.ReadUInt16BigEndian(loca.AsSpan(i * 2)) * 2u;
        }

        return offsets;
    }

    /// <summary>The requested glyphs, glyph 0 (.notdef) and, transitively, every component of a composite.</summary>
    private static bool[] Closure(byte[] glyf, uint[] offsets, IEnumerable<ushort> glyphIds, int numGlyphs)
    {
        var kept = new bool[numGlyphs];
        var pending = new Stack<int>();
        pending.Push(0);
        foreach (var id in glyphIds)
        {
            if (id >= numGlyphs)
            {
                throw new ArgumentOutOfRangeException(nameof(glyphIds), $"Glyph id {id} is beyond the font's {numGlyphs} glyphs.");
            }

            pending.Push(id);
        }

        while (pending.Count > 0)
        {
            int id = pending.Pop();
            if (kept[id])
            {
                continue;
            }

            kept[id] = true;
            foreach (var component in CompositeComponents(glyf, offsets[id], offsets[id + 1]))
            {
                pending.Push(component);
            }
        }

        return kept;
    }

    private static List<ushort> CompositeComponents(byte[] glyf, uint start, uint end)
    {
        var components = new List<ushort>();
        if (end - start < 10 || BinaryPrimitives.ReadInt16BigEndian(glyf.AsSpan((int)start)) >= 0)
        {
            return components; // empty or simple glyph
        }

        const ushort ArgsAreWords = 0x0001, HaveScale = 0x0008, MoreComponents = 0x0020,
            HaveXyScale = 0x0040, HaveTwoByTwo = 0x0080;
        int p = (int)start + 10;
        ushort flags;
        do
        {
            flags = BinaryPrimitives.ReadUInt16BigEndian(glyf.AsSpan(p));
            components.Add(BinaryPrimitives.ReadUInt16BigEndian(glyf.AsSpan(p + 2)));
            p += 4 + ((flags & ArgsAreWords) != 0 ? 4 : 2);
            p += (flags & HaveScale) != 0 ? 2 : (flags & HaveXyScale) != 0 ? 4 : (flags & HaveTwoByTwo) != 0 ? 8 : 0;
        }
        while ((flags & MoreComponents) != 0);
        return components;
    }

    private static (byte[] Glyf, byte[] Loca) BuildGlyf(byte[] glyf, uint[] offsets, bool[] kept, int numGlyphs)
    {
        using var glyfOut = new MemoryStream();
        var loca = new byte[(numGlyphs + 1) * 4];
        for (int id = 0; id < numGlyphs; id++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(loca.AsSpan(id * 4), (uint)glyfOut.Length);
            if (!kept[id])
            {
                continue;
            }

            int length = (int)(offsets[id + 1] - offsets[id]);
            glyfOut.Write(glyf, (int)offsets[id], length);
            while (glyfOut.Length % 4 != 0)
            {
                glyfOut.WriteByte(0); // keep every glyph 4-byte aligned, as the spec recommends
            }
        }

        BinaryPrimitives.WriteUInt32BigEndian(loca.AsSpan(numGlyphs * 4), (uint)glyfOut.Length);
        return (glyfOut.ToArray(), loca);
    }

    private static byte[] PostVersion3(byte[] post)
    {
        var header = post.AsSpan(0, 32).ToArray();
        BinaryPrimitives.WriteUInt32BigEndian(header, 0x00030000);
        return header;
    }
}
