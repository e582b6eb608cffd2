using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using SpatialPlan.Core.Layers.GeoPackage;
using SpatialPlan.Core.Sources;

namespace SpatialPlan.Core.Import;

/// <summary>One field of a .dbf.</summary>
internal sealed record DbfField(string Name, char Type, int Offset, int Length, int Decimals)
{
    /// <summary>C → TEXT, N without decimals (up to 18 digits) → INTEGER, N/F → REAL, L → BOOLEAN, D → TEXT (yyyy-MM-dd).</summary>
    public GpkgColumnType Column => Type switch
    {
        'N' when Decimals == 0 && Length <= 18 => GpkgColumnType.Integer,
        'N' or 'F' => GpkgColumnType.Real,
        'L' => GpkgColumnType.Boolean,
        _ => GpkgColumnType.Text,
    };
}

/// <summary>
/// The layout of a dBASE III .dbf (the Shapefile attribute table) and the decoding of one record's bytes. Text is
/// trimmed of its padding before it is decoded; ASCII is taken as is; other text in the .cpg's code page, else the
/// language driver byte's (GBK for 0x4D/0x7A), else as UTF-8 where it is valid UTF-8 and GBK where not (Chinese files
/// without either). Numbers are read in the invariant culture; an empty or unreadable number is null.
/// </summary>
internal sealed class DbfTable
{
    /// <summary>GB18030 (a superset of GBK), looked up once: <see cref="Encoding.GetEncoding(string)"/> costs a name lookup per call.</summary>
    private static readonly Encoding Gbk = InputBytes.Gb18030;

    private readonly Encoding? _encoding;

    private DbfTable(IReadOnlyList<DbfField> fields, long count, int headerLength, int recordLength, Encoding? encoding, string encodingName)
    {
        Fields = fields;
        Count = count;
        HeaderLength = headerLength;
        RecordLength = recordLength;
        _encoding = encoding;
        EncodingName = encodingName;
    }

    public IReadOnlyList<DbfField> Fields { get; }

    /// <summary>Records the header declares.</summary>
    public long Count { get; }

    public int HeaderLength { get; }

    public int RecordLength { get; }

    /// <summary>How text is decoded, for the report.</summary>
    public string EncodingName { get; }

    /// <summary>Reads the header of <paramref name="stream"/> (left positioned at the first record).</summary>
    /// <param name="stream">The .dbf.</param>
    /// <param name="cpg">The .cpg's encoding, or null when there is none (or it names none we know).</param>
    /// <param name="name">The source's name for messages.</param>
    /// <exception cref="InputException">A header the file cannot hold.</exception>
    public static DbfTable Open(Stream stream, Encoding? cpg, string name)
    {
        var head = new byte[32];
        if (stream.Length < 33 || stream.ReadAtLeast(head, 32, throwOnEndOfStream: false) < 32)
        {
            throw Corrupt(string.Create(CultureInfo.InvariantCulture, $"文件头不完整（{stream.Length} 字节）"), name);
        }

        var count = (long)BinaryPrimitives.ReadUInt32LittleEndian(head.AsSpan(4));
        var headerLength = (int)BinaryPrimitives.ReadUInt16LittleEndian(head.AsSpan(8));
        var recordLength = (int)BinaryPrimitives.ReadUInt16LittleEndian(head.AsSpan(10));
        var needed = headerLength + (count * recordLength);
        if (headerLength < 33 || recordLength < 1 || needed > stream.Length)
        {
            throw Corrupt(string.Create(CultureInfo.InvariantCulture,
                $"文件头声明 {count} 条记录（每条 {recordLength} 字节，需要 {needed} 字节），而文件只有 {stream.Length} 字节"), name);
        }

        var (encoding, encodingName) = cpg is not null ? (cpg, $".cpg（{cpg.WebName}）") : Ldid(head[29]);
        var descriptors = new byte[headerLength - 32];
        stream.ReadExactly(descriptors);
        var fields = new List<DbfField>();
        var offset = 1; // the deletion flag
        for (var at = 0; at + 32 <= descriptors.Length && descriptors[at] != 0x0D; at += 32)
        {
            var raw = descriptors.AsSpan(at, 11);
            var end = raw.IndexOf((byte)0);
            var fieldName = Decode(raw[..(end < 0 ? 11 : end)], encoding).Trim();
            var type = (char)descriptors[at + 11];
            int length = descriptors[at + 16];
            int decimals = descriptors[at + 17];
            if (type == 'C' && decimals > 0)
            {
                length += decimals << 8; // long character fields (Clipper/FoxPro style)
                decimals = 0;
            }

            fields.Add(new DbfField(fieldName.Length == 0 ? $"field{fields.Count + 1}" : fieldName, type, offset, length, decimals));
            offset += length;
        }

        if (offset > recordLength)
        {
            throw Corrupt(string.Create(CultureInfo.InvariantCulture, $"字段总长 {offset} 字节超过记录长度 {recordLength} 字节"), name);
        }

        stream.Seek(headerLength, SeekOrigin.Begin);
        return new DbfTable(fields, count, headerLength, recordLength, encoding, encodingName);
    }

    /// <summary>True when the record is marked deleted.</summary>
    public static bool Deleted(ReadOnlySpan<byte> record) => record[0] == (byte)'*';

    /// <summary>The record's values, one per field.</summary>
    public object?[] Values(ReadOnlySpan<byte> record)
    {
        var values = new object?[Fields.Count];
        for (var i = 0; i < values.Length; i++)
        {
            var f = Fields[i];
            var raw = record.Slice(f.Offset, f.Length).TrimEnd((byte)' ').TrimEnd((byte)0);
            values[i] = f.Type switch
            {
                'N' or 'F' => Number(raw, f),
                'L' => raw.Length == 0 ? null : raw[0] is (byte)'T' or (byte)'t' or (byte)'Y' or (byte)'y' ? true
                    : raw[0] is (byte)'F' or (byte)'f' or (byte)'N' or (byte)'n' ? false : null,
                'D' => Date(raw),
                _ => raw.Length == 0 ? null : Decode(raw, _encoding),
            };
        }

        return values;
    }

    private static object? Number(ReadOnlySpan<byte> raw, DbfField field)
    {
        raw = raw.TrimStart((byte)' ');
        if (raw.Length == 0 || raw[0] is (byte)'*' or (byte)'?')
        {
            return null;
        }

        if (field.Column == GpkgColumnType.Integer && long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
        {
            return l;
        }

        return double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? d : null;
    }

    private static string? Date(ReadOnlySpan<byte> raw)
    {
        raw = raw.Trim((byte)' ');
        if (raw.Length != 8 || raw.IndexOfAnyExceptInRange((byte)'0', (byte)'9') >= 0 || raw.SequenceEqual("00000000"u8))
        {
            return null;
        }

        return $"{Encoding.ASCII.GetString(raw[..4])}-{Encoding.ASCII.GetString(raw[4..6])}-{Encoding.ASCII.GetString(raw[6..])}";
    }

    /// <summary>
    /// Recently decoded non-ASCII texts, per thread: 地类, 村 and 乡镇 names repeat across a layer, and the code-page
    /// decoder is the costliest step of a record (and one string per distinct name is less memory too).
    /// </summary>
    [ThreadStatic]
    private static Dictionary<ulong, (byte[] Bytes, string Text)>? _recent;

    /// <summary>ASCII as is; other bytes in <paramref name="encoding"/>, or (unknown) UTF-8 when valid, else GBK.</summary>
    private static string Decode(ReadOnlySpan<byte> raw, Encoding? encoding)
    {
        if (raw.IndexOfAnyExceptInRange((byte)0, (byte)0x7F) < 0)
        {
            return Encoding.ASCII.GetString(raw);
        }

        var recent = _recent ??= [];
        var key = System.IO.Hashing.XxHash64.HashToUInt64(raw) ^ (ulong)(encoding?.CodePage ?? 0);
        if (recent.TryGetValue(key, out var hit) && raw.SequenceEqual(hit.Bytes))
        {
            return hit.Text;
        }

        var text = Text(raw, encoding);
        if (recent.Count >= 4096)
        {
            recent.Clear();
        }

        recent[key] = (raw.ToArray(), text);
        return text;
    }

    private static string Text(ReadOnlySpan<byte> raw, Encoding? encoding)
    {
        if (encoding is not null)
        {
            return encoding.GetString(raw);
        }

        return System.Text.Unicode.Utf8.IsValid(raw) ? Encoding.UTF8.GetString(raw) : Gbk.GetString(raw);
    }

    /// <summary>
    /// The language driver byte's code page (the ones Chinese data uses), or none. “Windows ANSI” (0x57) is GBK on a
    /// Chinese Windows and Latin-1 elsewhere: left to the UTF-8-else-GBK rule.
    /// </summary>
    private static (Encoding? Encoding, string Name) Ldid(byte ldid) => ldid switch
    {
        0x4D or 0x7A => (Gbk, "语言驱动字节（GBK）"),
        0x4F => (Encoding.GetEncoding(950), "语言驱动字节（Big5）"),
        _ => (null, "未声明（按 UTF-8 读，不是 UTF-8 的文字按 GBK 读）"),
    };

    private static InputException Corrupt(string problem, string name) => new(
        $".dbf 属性表已损坏：{problem}（corrupt .dbf）。",
        "文件可能没有复制完整或被其他程序改动过：请在 GIS 软件中重新导出该图层（.shp/.shx/.dbf/.prj/.cpg 一起）。", name);
}
