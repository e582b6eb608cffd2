using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using NetTopologySuite.Geometries;
using SpatialPlan.Core.Limits;
using SpatialPlan.Core.Sources;

namespace SpatialPlan.Core.Import;

/// <summary>
/// A Shapefile given as its <c>.shp</c> (with the <c>.dbf</c>, and <c>.prj</c>/<c>.cpg</c> when present, beside it) or as
/// a <c>.zip</c> holding one layer (expanded into a private temporary folder, entry by entry under the data-layer
/// budget, CRC-checked). The .shp and .dbf are streamed side by side: the reading thread only cuts each record's bytes
/// out of the two files (checking every record length against the file, and the layer's totals against the data-layer
/// budget); the import's worker threads then check each record (<see cref="ShpStructure"/>, the upload readers' walk:
/// counts against lengths, finite x/y) and decode it (<see cref="ShpGeometry"/>, <see cref="DbfTable"/>). A truncated
/// or lying file is refused with the record it breaks at. (NetTopologySuite.IO.Esri.Shapefile reads a record in about
/// 40 µs here — 40 s for a million 图斑 on one thread — so it is not used for data layers.)
/// </summary>
internal sealed class ShapefileImportSource : IImportSource
{
    private readonly string _shp;
    private readonly string _dbf;
    private readonly string? _tempDirectory;
    private readonly DbfTable _table;
    private readonly int _fileType;
    private readonly long _shpLength;
    private readonly List<string> _notes = [];
    private readonly System.Collections.Concurrent.ConcurrentQueue<byte[]> _chunks = new();
    private long _position;

    private ShapefileImportSource(string name, string shp, string? tempDirectory)
    {
        Name = name;
        _shp = shp;
        _tempDirectory = tempDirectory;
        _dbf = Sibling(shp, ".dbf") ?? throw new InputException(
            $"找不到与 {Path.GetFileName(shp)} 同名的 .dbf 属性文件（missing .dbf）。",
            "Shapefile 至少需要同名的 .shp、.dbf 两个文件（最好还有 .prj、.cpg）：请把它们放在同一文件夹，或一起压缩成 ZIP。", name);
        var prj = Sibling(shp, ".prj");
        var cpg = Sibling(shp, ".cpg");
        using (var dbf = File.OpenRead(_dbf))
        {
            _table = DbfTable.Open(dbf, cpg is null ? null : CodePage(ReadSidecar(cpg, name).Trim()), name);
        }

        (_fileType, _shpLength) = Header(shp, name);
        Count = _table.Count;
        Columns = _table.Fields.Select(f => new SourceColumn(f.Name, f.Column)).ToList();
        if (prj is not null)
        {
            Crs = new DeclaredCrs(PrjRecognizer.ToEpsg(ReadSidecar(prj, name), name), $".prj 文件（{Path.GetFileName(prj)}）");
        }
        else
        {
            _notes.Add("没有 .prj 坐标系文件，按坐标范围判断坐标系（no .prj: the CRS is judged from the coordinates）。");
        }

        if (_table.Fields.Any(f => f.Type == 'C') && cpg is null)
        {
            _notes.Add($"属性文字编码：{_table.EncodingName}（no .cpg）。");
        }

        if (_fileType % 10 != 0 && _fileType / 10 > 0)
        {
            _notes.Add("图层带 Z 或 M 值，只导入平面坐标 x/y（Z/M values are not kept: layers are 2D）。");
        }
    }

    public string Name { get; }

    public string Format => "Shapefile";

    public IReadOnlyList<SourceColumn> Columns { get; }

    public DeclaredCrs? Crs { get; }

    public long? Count { get; }

    public double Progress => _shpLength <= 100 ? 1 : Math.Min(1, (double)Interlocked.Read(ref _position) / _shpLength);

    public IReadOnlyList<string> Notes => _notes;

    /// <summary>Opens <paramref name="path"/> (.shp or .zip).</summary>
    /// <exception cref="InputException">Missing parts, a broken header, a zip that is not one Shapefile.</exception>
    public static ShapefileImportSource Open(string path, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(path);
        if (!path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            return new ShapefileImportSource(name, path, null);
        }

        var temp = Directory.CreateTempSubdirectory("spatialplan-import-").FullName;
        try
        {
            var shp = ZipExpander.ExpandShapefile(path, temp, name, cancellationToken);
            return new ShapefileImportSource(name, shp, temp);
        }
        catch
        {
            Directory.Delete(temp, recursive: true);
            throw;
        }
    }

    public IEnumerable<PendingRecord> Read(CancellationToken cancellationToken)
    {
        using var shp = new FileStream(_shp, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
        using var dbf = new FileStream(_dbf, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
        dbf.Seek(_table.HeaderLength, SeekOrigin.Begin);
        shp.Seek(100, SeekOrigin.Begin);
        var entry = Path.GetFileName(_shp);
        var recordHeader = new byte[8];
        var chunk = new Chunk(_chunks, ChunkBytes);
        var offset = 100L;
        var index = 0;
        var vertices = 0L;
        while (offset < _shpLength)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_shpLength - offset < 8)
            {
                throw Corrupt(entry, "最后一条记录的记录头不完整", index, Name);
            }

            shp.ReadExactly(recordHeader);
            var bytes = 2L * (uint)BinaryPrimitives.ReadInt32BigEndian(recordHeader.AsSpan(4));
            if (bytes < 4 || offset + 8 + bytes > _shpLength)
            {
                throw Corrupt(entry, string.Create(CultureInfo.InvariantCulture,
                    $"记录声明内容长度 {bytes} 字节，超出文件末尾（文件只剩 {_shpLength - offset - 8} 字节）"), index, Name);
            }

            if (index >= InputLimits.DataLayer.MaxFeatures)
            {
                throw new InputException(
                    string.Create(CultureInfo.InvariantCulture, $"图层的要素超过 {InputLimits.DataLayer.MaxFeatures} 个（too many features）。"),
                    "请按行政区（如乡镇）拆分成几个图层分别导入。", Name);
            }

            if (index >= _table.Count)
            {
                throw Corrupt(Path.GetFileName(_dbf), string.Create(CultureInfo.InvariantCulture,
                    $"属性表只有 {_table.Count} 条记录，少于 .shp 的图形（.dbf and .shp disagree）"), index, Name);
            }

            // The record's .shp and .dbf bytes side by side in the current chunk (a pooled buffer shared by the records
            // around it and returned once the last of them is decoded): a million records then cost no garbage of their own.
            var need = (int)bytes + _table.RecordLength;
            if (!chunk.Fits(need))
            {
                chunk.Seal();
                chunk = new Chunk(_chunks, Math.Max(ChunkBytes, need));
            }

            var at = chunk.Take(need);
            shp.ReadExactly(chunk.Buffer, at, (int)bytes);
            dbf.ReadExactly(chunk.Buffer, at + (int)bytes, _table.RecordLength);
            // The layer's total vertices, against the budget (each record's own counts are checked on the worker).
            vertices += bytes / 16;
            if (vertices > InputLimits.DataLayer.MaxVertices)
            {
                throw new InputException(
                    string.Create(CultureInfo.InvariantCulture, $"图层的顶点超过 {InputLimits.DataLayer.MaxVertices} 个（too many vertices）。"),
                    "请按行政区拆分成几个图层分别导入，或在 GIS 软件中适当简化。", Name, index);
            }

            offset += 8 + bytes;
            Interlocked.Exchange(ref _position, offset);
            yield return new Record(this, index++, chunk, at, (int)bytes, entry);
        }

        chunk.Seal();

        if (index < _table.Count)
        {
            _notes.Add(string.Create(CultureInfo.InvariantCulture,
                $".dbf 有 {_table.Count} 条记录，比 .shp 的 {index} 个图形多，多出的属性记录未导入（.dbf has more records than .shp）。"));
        }
    }

    public void Dispose()
    {
        if (_tempDirectory is not null && Directory.Exists(_tempDirectory))
        {
            Directory.Delete(_tempDirectory, recursive: true);
        }
    }

    /// <summary>Checks the .shp file header: its magic number and declared length.</summary>
    private static (int FileType, long Length) Header(string shp, string name)
    {
        using var stream = File.OpenRead(shp);
        var length = stream.Length;
        var header = new byte[100];
        var entry = Path.GetFileName(shp);
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

        return (BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(32)), declared);
    }

    /// <summary>Bytes read into each pooled chunk: about a thousand 图斑 of 14 vertices and a 600-byte .dbf row.</summary>
    private const int ChunkBytes = 1 << 20;

    /// <summary>
    /// A buffer holding consecutive records' bytes, from the source's own pool (not the shared ArrayPool: the reading
    /// thread takes what the workers give back, which a per-thread pool would not hand it). It counts its users — the reading thread until it seals it,
    /// and each record until it is decoded — and goes back to the pool when the last one is done. A record never
    /// decoded (an import that stopped) leaves its chunk to the garbage collector.
    /// </summary>
    private sealed class Chunk(System.Collections.Concurrent.ConcurrentQueue<byte[]> pool, int size)
    {
        private int _used;
        private int _users = 1;

        /// <summary>A buffer of the source's own pool (a dozen in flight at most), or a new one.</summary>
        public byte[] Buffer { get; } = pool.TryDequeue(out var b) && b.Length >= size ? b : new byte[size];

        public bool Fits(int bytes) => Buffer.Length - _used >= bytes;

        /// <summary>Reserves <paramref name="bytes"/> for one record; returns where they start.</summary>
        public int Take(int bytes)
        {
            var at = _used;
            _used += bytes;
            Interlocked.Increment(ref _users);
            return at;
        }

        /// <summary>The reading thread is done with the chunk.</summary>
        public void Seal() => Release();

        public void Release()
        {
            if (Interlocked.Decrement(ref _users) == 0)
            {
                if (Buffer.Length == ChunkBytes)
                {
                    pool.Enqueue(Buffer);
                }
            }
        }
    }

    /// <summary>One record's bytes from the .shp and the .dbf, in a chunk; checked and decoded once, on a worker.</summary>
    private sealed class Record(ShapefileImportSource source, int index, Chunk chunk, int at, int shpBytes, string entry) : PendingRecord(index)
    {
        private int _decoded;

        public override (Geometry? Geometry, object?[] Values) Decode()
        {
            if (Interlocked.Exchange(ref _decoded, 1) != 0)
            {
                throw new InvalidOperationException("a Shapefile record is decoded once: its bytes go back to the pool");
            }

            try
            {
                var shp = chunk.Buffer.AsSpan(at, shpBytes);
                var dbf = chunk.Buffer.AsSpan(at + shpBytes, source._table.RecordLength);
                var values = source._table.Values(dbf);
                if (DbfTable.Deleted(dbf))
                {
                    // A record deleted in the .dbf is hidden by GIS tools: so here (reported as not imported).
                    return (null, values);
                }

                ShpStructure.Record(shp, source._fileType, index, entry, new InputBudget(InputLimits.DataLayer, source.Name, CancellationToken.None));
                return (ShpGeometry.Read(shp, ImportGeometry.Factory), values);
            }
            finally
            {
                chunk.Release();
            }
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
