using System.Buffers.Binary;
using System.Text;

namespace SpatialPlan.Hostile;

/// <summary>One shape of a hand-built .shp: its parts (rings or lines) of (x, y[, z][, m]) vertices.</summary>
/// <param name="Parts">Each part's vertices; points and multipoints use one part.</param>
public sealed record RawShape(IReadOnlyList<IReadOnlyList<double[]>> Parts)
{
    /// <summary>A polygon with one ring (closed by the caller).</summary>
    public static RawShape Ring(params double[][] vertices) => new([vertices]);
}

/// <summary>
/// Writes .shp, .shx and .dbf bytes by hand (ESRI Shapefile Technical Description, 1998), so that tests can lie in any
/// header field: counts, content lengths, file lengths, record numbers. Everything is honest unless an override says otherwise.
/// </summary>
public sealed class ShapefileBytes
{
    public const int Point = 1, PolyLine = 3, Polygon = 5, MultiPoint = 8;
    public const int PointZ = 11, PolyLineZ = 13, PolygonZ = 15, MultiPointZ = 18;
    public const int PointM = 21, PolyLineM = 23, PolygonM = 25, MultiPointM = 28;

    public ShapefileBytes(int shapeType, params RawShape[] shapes)
    {
        ShapeType = shapeType;
        Shapes = shapes;
    }

    public int ShapeType { get; }

    public IReadOnlyList<RawShape> Shapes { get; }

    /// <summary>Overrides numParts in every record's content (the parts array is still written for the real count).</summary>
    public int? LyingNumParts { get; init; }

    /// <summary>Overrides numPoints in every record's content.</summary>
    public int? LyingNumPoints { get; init; }

    /// <summary>Overrides every record header's content length (16-bit words).</summary>
    public int? LyingContentLengthWords { get; init; }

    /// <summary>Overrides the main file header's file length (16-bit words).</summary>
    public int? LyingFileLengthWords { get; init; }

    /// <summary>Overrides the .dbf header's record count.</summary>
    public uint? LyingDbfRecordCount { get; init; }

    /// <summary>Cut the .shp to this many bytes after writing (the header still describes the whole file).</summary>
    public int? TruncateShpTo { get; init; }

    /// <summary>A text value per shape for the one dbf field <c>name</c> (default 地块N).</summary>
    public Func<int, string>? Name { get; init; }

    private bool HasZ => ShapeType is PointZ or PolyLineZ or PolygonZ or MultiPointZ;

    private bool HasM => HasZ || ShapeType is PointM or PolyLineM or PolygonM or MultiPointM;

    private int BaseType => ShapeType % 10 == 1 ? Point : ShapeType % 10 == 3 ? PolyLine : ShapeType % 10 == 5 ? Polygon : MultiPoint;

    public byte[] Shp()
    {
        var records = Shapes.Select(Content).ToList();
        using var ms = new MemoryStream();
        var total = 100 + records.Sum(r => 8 + r.Length);
        WriteHeader(ms, LyingFileLengthWords ?? total / 2);
        Span<byte> head = stackalloc byte[8];
        for (var i = 0; i < records.Count; i++)
        {
            BinaryPrimitives.WriteInt32BigEndian(head, i + 1);
            BinaryPrimitives.WriteInt32BigEndian(head[4..], LyingContentLengthWords ?? records[i].Length / 2);
            ms.Write(head);
            ms.Write(records[i]);
        }

        var bytes = ms.ToArray();
        return TruncateShpTo is { } n ? bytes[..Math.Min(n, bytes.Length)] : bytes;
    }

    public byte[] Shx()
    {
        var records = Shapes.Select(Content).ToList();
        using var ms = new MemoryStream();
        WriteHeader(ms, 50 + (4 * records.Count));
        var offset = 50;
        Span<byte> entry = stackalloc byte[8];
        foreach (var r in records)
        {
            BinaryPrimitives.WriteInt32BigEndian(entry, offset);
            BinaryPrimitives.WriteInt32BigEndian(entry[4..], r.Length / 2);
            ms.Write(entry);
            offset += 4 + (r.Length / 2);
        }

        return ms.ToArray();
    }

    /// <summary>A dBASE III file with one character field <c>name</c> (50 bytes), UTF-8 text.</summary>
    public byte[] Dbf()
    {
        const int fieldLength = 50;
        using var ms = new MemoryStream();
        var header = new byte[32];
        header[0] = 0x03;
        header[1] = 126;
        header[2] = 1;
        header[3] = 1;
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(4), LyingDbfRecordCount ?? (uint)Shapes.Count);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(8), 32 + 32 + 1);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(10), 1 + fieldLength);
        ms.Write(header);
        var field = new byte[32];
        Encoding.ASCII.GetBytes("name").CopyTo(field, 0);
        field[11] = (byte)'C';
        field[16] = fieldLength;
        ms.Write(field);
        ms.WriteByte(0x0D);
        for (var i = 0; i < Shapes.Count; i++)
        {
            ms.WriteByte((byte)' ');
            var value = new byte[fieldLength];
            Array.Fill(value, (byte)' ');
            var text = Encoding.UTF8.GetBytes(Name?.Invoke(i) ?? $"地块{i}");
            text.AsSpan(0, Math.Min(text.Length, fieldLength)).CopyTo(value);
            ms.Write(value);
        }

        ms.WriteByte(0x1A);
        return ms.ToArray();
    }

    private void WriteHeader(Stream s, int fileLengthWords)
    {
        var h = new byte[100];
        BinaryPrimitives.WriteInt32BigEndian(h, 9994);
        BinaryPrimitives.WriteInt32BigEndian(h.AsSpan(24), fileLengthWords);
        BinaryPrimitives.WriteInt32LittleEndian(h.AsSpan(28), 1000);
        BinaryPrimitives.WriteInt32LittleEndian(h.AsSpan(32), ShapeType);
        var all = Shapes.SelectMany(s => s.Parts).SelectMany(p => p).ToList();
        if (all.Count > 0)
        {
            WriteDoubles(h.AsSpan(36), all.Min(v => v[0]), all.Min(v => v[1]), all.Max(v => v[0]), all.Max(v => v[1]));
        }

        s.Write(h);
    }

    private byte[] Content(RawShape shape)
    {
        using var ms = new MemoryStream();
        var vertices = shape.Parts.SelectMany(p => p).ToList();
        WriteInt(ms, ShapeType);
        if (BaseType == Point)
        {
            var v = vertices[0];
            WriteDouble(ms, v[0]);
            WriteDouble(ms, v[1]);
            if (HasZ)
            {
                WriteDouble(ms, Z(v));
            }

            if (HasM)
            {
                WriteDouble(ms, M(v));
            }

            return ms.ToArray();
        }

        WriteBox(ms, vertices);
        if (BaseType != MultiPoint)
        {
            WriteInt(ms, LyingNumParts ?? shape.Parts.Count);
        }

        WriteInt(ms, LyingNumPoints ?? vertices.Count);
        if (BaseType != MultiPoint)
        {
            var start = 0;
            foreach (var part in shape.Parts)
            {
                WriteInt(ms, start);
                start += part.Count;
            }
        }

        foreach (var v in vertices)
        {
            WriteDouble(ms, v[0]);
            WriteDouble(ms, v[1]);
        }

        if (HasZ)
        {
            WriteRange(ms, vertices.Select(Z));
        }

        if (HasM)
        {
            WriteRange(ms, vertices.Select(M));
        }

        return ms.ToArray();
    }

    private double Z(double[] v) => v.Length > 2 ? v[2] : 0;

    private double M(double[] v) => HasZ ? (v.Length > 3 ? v[3] : 0) : (v.Length > 2 ? v[2] : 0);

    private static void WriteBox(Stream s, List<double[]> v)
    {
        var finite = v.Where(p => double.IsFinite(p[0]) && double.IsFinite(p[1])).ToList();
        if (finite.Count == 0)
        {
            finite = [[0, 0]];
        }

        Span<byte> b = stackalloc byte[32];
        WriteDoubles(b, finite.Min(p => p[0]), finite.Min(p => p[1]), finite.Max(p => p[0]), finite.Max(p => p[1]));
        s.Write(b);
    }

    private static void WriteRange(Stream s, IEnumerable<double> values)
    {
        var list = values.ToList();
        WriteDouble(s, list.Min());
        WriteDouble(s, list.Max());
        foreach (var value in list)
        {
            WriteDouble(s, value);
        }
    }

    private static void WriteDoubles(Span<byte> target, params double[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(target[(i * 8)..], values[i]);
        }
    }

    private static void WriteInt(Stream s, int value)
    {
        Span<byte> b = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(b, value);
        s.Write(b);
    }

    private static void WriteDouble(Stream s, double value)
    {
        Span<byte> b = stackalloc byte[8];
        BinaryPrimitives.WriteDoubleLittleEndian(b, value);
        s.Write(b);
    }
}
