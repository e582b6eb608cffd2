using System.Buffers.Binary;
using System.Globalization;

namespace SpatialPlan.Core.Sources;

/// <summary>
/// Walks a .shp's headers before NetTopologySuite.IO.Esri.Shapefile reads it (ESRI Shapefile Technical Description,
/// 1998): the file length in the header against the real length, every record's content length against the file, and
/// numParts/numPoints against the content length, all in 64-bit arithmetic and before anything is allocated for them.
/// The library trusts these counts and reuses its record buffer, so a lying or truncated record would otherwise be
/// allocated for 2³¹ parts, or filled from an earlier record's bytes. Also refuses NaN/infinite x/y (naming the
/// feature and vertex) and counts features, parts and vertices against the budget.
/// </summary>
internal static class ShpStructure
{
    private const int HeaderBytes = 100;

    /// <summary>Returns the number of records.</summary>
    /// <exception cref="InputException">A header, record or count the file cannot hold, a bad number, or a budget exceeded.</exception>
    public static int Validate(ReadOnlySpan<byte> shp, string entry, InputBudget budget)
    {
        if (shp.Length < HeaderBytes || BinaryPrimitives.ReadInt32BigEndian(shp) != 9994)
        {
            throw Corrupt(entry, $"文件头不完整或不是 .shp 文件（{shp.Length} 字节）", null, budget.File);
        }

        var declared = 2L * (uint)BinaryPrimitives.ReadInt32BigEndian(shp[24..]);
        if (declared > shp.Length || declared < HeaderBytes)
        {
            throw Corrupt(entry, string.Create(CultureInfo.InvariantCulture,
                $"文件头声明长度 {declared} 字节，而文件实际只有 {shp.Length} 字节（文件被截断或文件头有误）"), null, budget.File);
        }

        var fileType = BinaryPrimitives.ReadInt32LittleEndian(shp[32..]);
        var end = (int)declared;
        var offset = HeaderBytes;
        var records = 0;
        while (offset < end)
        {
            if (end - offset < 8)
            {
                throw Corrupt(entry, "最后一条记录的记录头不完整", records, budget.File);
            }

            var words = (uint)BinaryPrimitives.ReadInt32BigEndian(shp[(offset + 4)..]);
            var length = 2L * words;
            if (length < 4 || offset + 8 + length > end)
            {
                throw Corrupt(entry, string.Create(CultureInfo.InvariantCulture,
                    $"记录声明内容长度 {length} 字节，超出文件末尾（文件只剩 {end - offset - 8} 字节）"), records, budget.File);
            }

            budget.Features(records + 1L);
            Record(shp.Slice(offset + 8, (int)length), fileType, records, entry, budget);
            records++;
            offset += 8 + (int)length;
        }

        return records;
    }

    /// <summary>Checks the .dbf header: its records must exist in the file and cover every shape.</summary>
    public static void ValidateDbf(ReadOnlySpan<byte> dbf, int shapes, string entry, string file)
    {
        if (dbf.Length < 33)
        {
            throw Corrupt(entry, $"文件头不完整（{dbf.Length} 字节）", null, file);
        }

        var count = (long)BinaryPrimitives.ReadUInt32LittleEndian(dbf[4..]);
        var headerLength = (long)BinaryPrimitives.ReadUInt16LittleEndian(dbf[8..]);
        var recordLength = (long)BinaryPrimitives.ReadUInt16LittleEndian(dbf[10..]);
        var needed = headerLength + (count * recordLength);
        if (headerLength < 33 || recordLength < 1 || needed > dbf.Length)
        {
            throw Corrupt(entry, string.Create(CultureInfo.InvariantCulture,
                $"文件头声明 {count} 条记录（每条 {recordLength} 字节，需要 {needed} 字节），而文件只有 {dbf.Length} 字节"), null, file);
        }

        if (count < shapes)
        {
            throw Corrupt(entry, string.Create(CultureInfo.InvariantCulture,
                $"属性表只有 {count} 条记录，少于 .shp 的 {shapes} 个图形（.dbf and .shp disagree）"), null, file);
        }
    }

    internal static void Record(ReadOnlySpan<byte> content, int fileType, int record, string entry, InputBudget budget)
    {
        var type = BinaryPrimitives.ReadInt32LittleEndian(content);
        if (type == 0)
        {
            return;
        }

        if (type != fileType)
        {
            throw Corrupt(entry, $"图形类型 {type} 与文件头的类型 {fileType} 不一致", record, budget.File);
        }

        var hasZ = type is 11 or 13 or 15 or 18;
        switch (type % 10)
        {
            case 1:
                Need(content, hasZ ? 36 : type == 21 ? 28 : 20, "点", record, entry, budget.File);
                budget.Parts(1, record);
                budget.Vertices(1, record);
                Finite(content, 4, 1, record, entry, budget.File);
                return;
            case 3 or 5:
                Multipart(content, hasZ, record, entry, budget);
                return;
            case 8:
            {
                Need(content, 40, "多点记录头", record, entry, budget.File);
                var points = BinaryPrimitives.ReadInt32LittleEndian(content[36..]);
                RequireCount(points, "numPoints", record, entry, budget.File);
                Need(content, 40 + (16L * points) + (hasZ ? 16 + (8L * points) : 0), "顶点", record, entry, budget.File);
                budget.Parts(points, record);
                budget.Vertices(points, record);
                Finite(content, 40, points, record, entry, budget.File);
                return;
            }

            default:
                throw new InputException($"{entry} 中的图形类型 {type}（如 MultiPatch）不受支持（unsupported shape type）。",
                    "请导出为面（Polygon）、线（PolyLine）或点（Point）图层后再上传。", budget.File, record);
        }
    }

    private static void Multipart(ReadOnlySpan<byte> content, bool hasZ, int record, string entry, InputBudget budget)
    {
        Need(content, 44, "记录头", record, entry, budget.File);
        var parts = BinaryPrimitives.ReadInt32LittleEndian(content[36..]);
        var points = BinaryPrimitives.ReadInt32LittleEndian(content[40..]);
        RequireCount(parts, "numParts", record, entry, budget.File);
        RequireCount(points, "numPoints", record, entry, budget.File);
        if (parts > points)
        {
            throw Corrupt(entry, string.Create(CultureInfo.InvariantCulture, $"部分数 numParts={parts} 大于顶点数 numPoints={points}"), record, budget.File);
        }

        var xyStart = 44L + (4L * parts);
        Need(content, xyStart + (16L * points) + (hasZ ? 16 + (8L * points) : 0), "部分和顶点", record, entry, budget.File);
        budget.Parts(parts, record);
        budget.Vertices(points, record);
        var previous = -1;
        for (var i = 0; i < parts; i++)
        {
            var start = BinaryPrimitives.ReadInt32LittleEndian(content[(44 + (4 * i))..]);
            if (start <= previous || start >= points || (i == 0 && start != 0))
            {
                throw Corrupt(entry, string.Create(CultureInfo.InvariantCulture, $"第 {i + 1} 个部分的起点 {start} 不在 0–{points - 1} 内或未递增"), record, budget.File);
            }

            previous = start;
        }

        Finite(content, (int)xyStart, points, record, entry, budget.File);
    }

    private static void RequireCount(int count, string field, int record, string entry, string file)
    {
        if (count < 0)
        {
            throw Corrupt(entry, string.Create(CultureInfo.InvariantCulture, $"{field} 为负数（{count}）"), record, file);
        }
    }

    private static void Need(ReadOnlySpan<byte> content, long bytes, string what, int record, string entry, string file)
    {
        if (bytes > content.Length)
        {
            throw Corrupt(entry, string.Create(CultureInfo.InvariantCulture,
                $"记录的{what}需要 {bytes} 字节，而记录内容只有 {content.Length} 字节（声明的数目与记录长度不符）"), record, file);
        }
    }

    private static void Finite(ReadOnlySpan<byte> content, int start, int points, int record, string entry, string file)
    {
        for (var i = 0; i < points; i++)
        {
            var x = BinaryPrimitives.ReadDoubleLittleEndian(content[(start + (16 * i))..]);
            var y = BinaryPrimitives.ReadDoubleLittleEndian(content[(start + (16 * i) + 8)..]);
            if (!double.IsFinite(x) || !double.IsFinite(y))
            {
                throw new InputException(
                    string.Create(CultureInfo.InvariantCulture, $"{entry} 中第 {i + 1} 个顶点的坐标（{x}, {y}）不是有效数字（NaN 或无穷大）（vertex {i + 1} is NaN or infinite）。"),
                    "请在 GIS 软件中检查并改正该要素的坐标（常见于导出时的空值），或删除该要素后重新导出。", file, record);
            }
        }
    }

    private static InputException Corrupt(string entry, string problem, int? record, string file) => new(
        record is { } r
            ? string.Create(CultureInfo.InvariantCulture, $"{entry} 已损坏：第 {r + 1} 条记录{problem}（corrupt shapefile record {r + 1}）。")
            : $"{entry} 已损坏：{problem}（corrupt shapefile header）。",
        "文件可能没有复制完整或被其他程序改动过：请在 GIS 软件中重新导出该图层（.shp/.shx/.dbf/.prj 一起）并重新压缩。", file, record);
}
