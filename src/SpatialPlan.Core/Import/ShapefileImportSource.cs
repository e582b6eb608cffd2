using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Esri;
using NetTopologySuite.IO.Esri.Dbf.Fields;
using NetTopologySuite.IO.Esri.Shapefiles.Readers;
using SpatialPlan.Core.Layers.GeoPackage;
using SpatialPlan.Core.Limits;
using SpatialPlan.Core.Sources;

namespace SpatialPlan.Core.Import;

/// <summary>
/// A Shapefile given as its <c>.shp</c> (with the <c>.dbf</c>, and <c>.prj</c>/<c>.cpg</c> when present, beside it) or as
/// a <c>.zip</c> holding one layer (expanded into a private temporary folder, entry by entry under the data-layer
/// budget, CRC-checked). Before NetTopologySuite.IO.Esri.Shapefile reads it, the .shp is walked record by record from
/// disk: every header count is checked against the real lengths and every x/y must be finite (<see cref="ShpStructure"/>,
/// the upload readers' checks), so a truncated or lying file is refused with the record it breaks at. The library then
/// streams the records; nothing is held but the current one.
/// </summary>
internal sealed class ShapefileImportSource : IImportSource
{
    private readonly string _shp;
    private readonly string? _tempDirectory;
    private readonly Encoding? _encoding;
    private ShapefileReader? _reader;
    private long _read;

    private ShapefileImportSource(string name, string shp, string? tempDirectory, CancellationToken cancellationToken)
    {
        Name = name;
        _shp = shp;
        _tempDirectory = tempDirectory;
        var dbf = Sibling(shp, ".dbf") ?? throw new InputException(
            $"找不到与 {Path.GetFileName(shp)} 同名的 .dbf 属性文件（missing .dbf）。",
            "Shapefile 至少需要同名的 .shp、.dbf 两个文件（最好还有 .prj、.cpg）：请把它们放在同一文件夹，或一起压缩成 ZIP。", name);
        var prj = Sibling(shp, ".prj");
        var cpg = Sibling(shp, ".cpg");
        _ = InputBytes.Gb18030; // registers the code-page encodings (a .dbf's language driver byte may name GBK)
        _encoding = cpg is null ? null : CodePage(ReadSidecar(cpg, name).Trim());

        var budget = new InputBudget(InputLimits.DataLayer, name, cancellationToken);
        var records = Walk(shp, Path.GetFileName(shp), name, budget);
        CheckDbf(dbf, records, name);
        Count = records;
        if (prj is not null)
        {
            Crs = new DeclaredCrs(PrjRecognizer.ToEpsg(ReadSidecar(prj, name), name), $".prj 文件（{Path.GetFileName(prj)}）");
        }
        else
        {
            Notes = ["没有 .prj 坐标系文件，按坐标范围判断坐标系（no .prj: the CRS is judged from the coordinates）。"];
        }

        _reader = Open(name);
        Columns = _reader.Fields.Select(f => new SourceColumn(f.Name, TypeOf(f))).ToList();
    }

    public string Name { get; }

    public string Format => "Shapefile";

    public IReadOnlyList<SourceColumn> Columns { get; }

    public DeclaredCrs? Crs { get; }

    public long? Count { get; }

    public double Progress => Count is > 0 ? Math.Min(1, (double)Interlocked.Read(ref _read) / Count.Value) : 0;

    public IReadOnlyList<string> Notes { get; } = [];

    /// <summary>Opens <paramref name="path"/> (.shp or .zip).</summary>
    /// <exception cref="InputException">Missing parts, a broken file, a zip that is not one Shapefile.</exception>
    public static ShapefileImportSource Open(string path, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(path);
        if (!path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            return new ShapefileImportSource(name, path, null, cancellationToken);
        }

        var temp = Directory.CreateTempSubdirectory("spatialplan-import-").FullName;
        try
        {
            var shp = ZipExpander.ExpandShapefile(path, temp, name, cancellationToken);
            return new ShapefileImportSource(name, shp, temp, cancellationToken);
        }
        catch
        {
            Directory.Delete(temp, recursive: true);
            throw;
        }
    }

    public IEnumerable<PendingRecord> Read(CancellationToken cancellationToken)
    {
        var reader = _reader ?? Open(Name);
        _reader = null;
        using (reader)
        {
            var index = 0L;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Geometry? geometry;
                bool deleted;
                object?[] values;
                try
                {
                    if (!reader.Read(out deleted))
                    {
                        break;
                    }

                    geometry = reader.Geometry;
                    values = new object?[reader.Fields.Count];
                    for (var i = 0; i < values.Length; i++)
                    {
                        values[i] = Value(reader.Fields[i].Value);
                    }
                }
                catch (Exception e) when (e is IOException or InvalidDataException or ArgumentException or NotSupportedException or FormatException
                                              or IndexOutOfRangeException or InvalidOperationException or OverflowException or ShapefileException)
                {
                    throw new InputException($"无法读取 Shapefile 的第 {index + 1} 条记录：{e.Message.ReplaceLineEndings(" ")}（record could not be read）。",
                        "文件可能已损坏：请在 GIS 软件中重新导出该图层（.shp/.shx/.dbf/.prj/.cpg 一起）。", Name, (int)Math.Min(index, int.MaxValue), e);
                }

                Interlocked.Increment(ref _read);
                // A record deleted in the .dbf is still a shape in the .shp: GIS tools hide it, so do we (reported as skipped).
                yield return new DecodedRecord(index, deleted ? null : geometry, values);
                index++;
            }
        }
    }

    public void Dispose()
    {
        _reader?.Dispose();
        _reader = null;
        if (_tempDirectory is not null && Directory.Exists(_tempDirectory))
        {
            Directory.Delete(_tempDirectory, recursive: true);
        }
    }

    private ShapefileReader Open(string name)
    {
        try
        {
            return Shapefile.OpenRead(_shp, new ShapefileReaderOptions
            {
                Factory = ImportGeometry.Factory,
                Encoding = _encoding,
                GeometryBuilderMode = GeometryBuilderMode.IgnoreInvalidShapes,
            });
        }
        catch (Exception e) when (e is IOException or InvalidDataException or ArgumentException or NotSupportedException or FormatException
                                      or InvalidOperationException or ShapefileException)
        {
            throw new InputException($"无法打开 Shapefile：{e.Message.ReplaceLineEndings(" ")}（shapefile could not be opened）。",
                "请用 GIS 软件重新导出该图层（.shp/.shx/.dbf/.prj/.cpg 一起）。", name, inner: e);
        }
    }

    private static object? Value(object? value) => value switch
    {
        DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        string s => s.TrimEnd(),
        _ => value,
    };

    private static GpkgColumnType TypeOf(DbfField field) => field switch
    {
        DbfLogicalField => GpkgColumnType.Boolean,
        DbfNumericInt32Field or DbfNumericInt64Field => GpkgColumnType.Integer,
        DbfNumericDoubleField or DbfNumericDecimalField or DbfFloatField => GpkgColumnType.Real,
        _ => GpkgColumnType.Text,
    };

    /// <summary>
    /// Walks the .shp from disk: the file header, then every record header and content (<see cref="ShpStructure.Record"/>:
    /// counts against lengths, finite x/y, parts and vertices against the data-layer budget). Returns the number of records.
    /// </summary>
    private static int Walk(string shp, string entry, string name, InputBudget budget)
    {
        using var stream = new FileStream(shp, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
        var length = stream.Length;
        var header = new byte[100];
        if (length < 100 || stream.ReadAtLeast(header, 100, throwOnEndOfStream: false) < 100 || BinaryPrimitives.ReadInt32BigEndian(header) != 9994)
        {
            throw Corrupt(entry, string.Create(CultureInfo.InvariantCulture, $"文件头不完整或不是 .shp 文件（{length} 字节）"), null, name);
        }

        var declared = 2L * (uint)BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(24));
        if (declared > length || declared < 100)
        {
            throw Corrupt(entry, string.Create(CultureInfo.InvariantCulture,
                $"文件头声明长度 {declared} 字节，而文件实际有 {length} 字节（文件被截断或文件头有误）"), null, name);
        }

        var fileType = BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(32));
        var offset = 100L;
        var records = 0;
        var recordHeader = new byte[8];
        var content = new byte[64 * 1024];
        while (offset < declared)
        {
            if (declared - offset < 8)
            {
                throw Corrupt(entry, "最后一条记录的记录头不完整", records, name);
            }

            stream.ReadExactly(recordHeader);
            var bytes = 2L * (uint)BinaryPrimitives.ReadInt32BigEndian(recordHeader.AsSpan(4));
            if (bytes < 4 || offset + 8 + bytes > declared)
            {
                throw Corrupt(entry, string.Create(CultureInfo.InvariantCulture,
                    $"记录声明内容长度 {bytes} 字节，超出文件末尾（文件只剩 {declared - offset - 8} 字节）"), records, name);
            }

            if (records >= InputLimits.DataLayer.MaxFeatures)
            {
                throw new InputException(
                    string.Create(CultureInfo.InvariantCulture, $"图层的要素超过 {InputLimits.DataLayer.MaxFeatures} 个（too many features）。"),
                    "请按行政区（如乡镇）拆分成几个图层分别导入。", name);
            }

            if (bytes > content.Length)
            {
                content = new byte[Math.Max(bytes, content.Length * 2L)];
            }

            stream.ReadExactly(content, 0, (int)bytes);
            ShpStructure.Record(content.AsSpan(0, (int)bytes), fileType, records, entry, budget);
            records++;
            offset += 8 + bytes;
        }

        if (records == 0)
        {
            throw new InputException("Shapefile 中没有要素（empty shapefile）。", "请确认导出时选中了要素。", name);
        }

        return records;
    }

    /// <summary>The .dbf header must hold a record for every shape, within the file's real length.</summary>
    private static void CheckDbf(string dbf, int shapes, string name)
    {
        using var stream = File.OpenRead(dbf);
        var header = new byte[12];
        if (stream.Length < 33 || stream.ReadAtLeast(header, 12, throwOnEndOfStream: false) < 12)
        {
            throw Corrupt(Path.GetFileName(dbf), string.Create(CultureInfo.InvariantCulture, $"文件头不完整（{stream.Length} 字节）"), null, name);
        }

        var count = (long)BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(4));
        var headerLength = (long)BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(8));
        var recordLength = (long)BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(10));
        var needed = headerLength + (count * recordLength);
        if (headerLength < 33 || recordLength < 1 || needed > stream.Length)
        {
            throw Corrupt(Path.GetFileName(dbf), string.Create(CultureInfo.InvariantCulture,
                $"文件头声明 {count} 条记录（每条 {recordLength} 字节，需要 {needed} 字节），而文件只有 {stream.Length} 字节"), null, name);
        }

        if (count < shapes)
        {
            throw Corrupt(Path.GetFileName(dbf), string.Create(CultureInfo.InvariantCulture,
                $"属性表只有 {count} 条记录，少于 .shp 的 {shapes} 个图形（.dbf and .shp disagree）"), null, name);
        }
    }

    private static InputException Corrupt(string entry, string problem, int? record, string name) => new(
        record is { } r
            ? string.Create(CultureInfo.InvariantCulture, $"{entry} 已损坏：第 {r + 1} 条记录{problem}（corrupt shapefile record {r + 1}）。")
            : $"{entry} 已损坏：{problem}（corrupt shapefile）。",
        "文件可能没有复制完整或被其他程序改动过：请在 GIS 软件中重新导出该图层（.shp/.shx/.dbf/.prj/.cpg 一起）。", name, record);

    /// <summary>The sibling file with the same stem and extension <paramref name="ext"/> (any case), or null.</summary>
    internal static string? Sibling(string shp, string ext)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(shp))!;
        var stem = Path.GetFileNameWithoutExtension(shp);
        return Directory.EnumerateFiles(directory)
            .FirstOrDefault(f => string.Equals(Path.GetFileNameWithoutExtension(f), stem, StringComparison.OrdinalIgnoreCase)
                                 && string.Equals(Path.GetExtension(f), ext, StringComparison.OrdinalIgnoreCase));
    }

    private static string ReadSidecar(string path, string name)
    {
        var max = InputLimits.DataLayer.MaxSidecarBytes;
        var info = new FileInfo(path);
        if (info.Length > max)
        {
            throw new InputException(
                string.Create(CultureInfo.InvariantCulture, $"{info.Name} 有 {info.Length} 字节，正常的 .prj/.cpg 只有几百字节（sidecar file too large）。"),
                "请用 GIS 软件重新导出该图层，不要手工改动这些文件。", name);
        }

        return File.ReadAllText(path, Encoding.UTF8).TrimStart('\uFEFF');
    }

    /// <summary>The .cpg's code page (GBK is common in Chinese data); null leaves the choice to the .dbf's language driver byte.</summary>
    private static Encoding? CodePage(string text)
    {
        try
        {
            return text.ToUpperInvariant() switch
            {
                "" => null,
                "UTF-8" or "UTF8" or "65001" => Encoding.UTF8,
                "GBK" or "936" or "CP936" or "GB2312" or "GB18030" => InputBytes.Gb18030,
                var other when int.TryParse(other, NumberStyles.None, CultureInfo.InvariantCulture, out var cp) => Encoding.GetEncoding(cp),
                var other => Encoding.GetEncoding(other),
            };
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            return null;
        }
    }
}
