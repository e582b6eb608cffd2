using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using NetTopologySuite.Features;
using NetTopologySuite.IO.Esri;
using NetTopologySuite.IO.Esri.Shapefiles.Readers;

namespace SpatialPlan.Core.Sources;

/// <summary>
/// Reads a zipped Shapefile (.shp + .dbf, optional .shx/.prj/.cpg) with NetTopologySuite.IO.Esri.Shapefile.
/// The .prj names the CRS; without one the CRS is guessed and the result says so. The .cpg picks the
/// attribute encoding (GBK is common in Chinese data).
/// Before the library sees anything: the zip's entry count is read from its end record, every entry read is expanded
/// under a budget (.shp/.dbf to <see cref="Limits.InputLimits.MaxEntryBytes"/>, .prj/.cpg to
/// <see cref="Limits.InputLimits.MaxSidecarBytes"/>; the .shx is never expanded, the library does not need it), a
/// corrupt deflate stream in any entry is bad input, and <see cref="ShpStructure"/> checks every header count
/// against the real lengths.
/// </summary>
internal static class ShapefileZipReader
{
    public static RawFeatures Read(byte[] bytes, string file, InputBudget budget)
    {
        RequireFewEntries(bytes, file, budget.Limits.MaxZipEntries);
        using var zip = Open(bytes, file);
        var shps = zip.Entries.Where(e => Ext(e) == ".shp").ToList();
        if (shps.Count == 0)
        {
            var listing = string.Join("、", zip.Entries.Take(8).Select(e => e.FullName));
            throw new InputException($"ZIP 压缩包中没有 .shp 文件（内容：{(listing.Length == 0 ? "空" : listing)}）（no .shp in the zip）。",
                "请把同名的 .shp、.shx、.dbf、.prj 文件一起压缩成 ZIP 后再上传。", file);
        }

        if (shps.Count > 1)
        {
            throw new InputException($"ZIP 压缩包中有 {shps.Count} 个 .shp 文件（{string.Join("、", shps.Select(s => s.FullName))}），无法确定读取哪一个（several .shp files）。",
                "请每个 ZIP 只放一个图层（同名的 .shp/.shx/.dbf/.prj）。", file);
        }

        var shp = shps[0];
        var stem = shp.FullName[..^4];
        var dbf = Sibling(zip, stem, ".dbf") ?? throw new InputException(
            $"ZIP 压缩包中缺少与 {shp.FullName} 同名的 .dbf 属性文件（missing .dbf）。", "请把 .dbf 文件一起压缩。", file);
        var prj = Sibling(zip, stem, ".prj");
        var cpg = Sibling(zip, stem, ".cpg");

        // Sidecars first: they are small, and a bomb or a broken stream there should not wait for the geometry.
        var wkt = prj is null ? null : Text(Expand(prj, budget.SidecarBytes, file, budget.CancellationToken), Encoding.UTF8);
        var encoding = cpg is null ? null : CodePage(Text(Expand(cpg, budget.SidecarBytes, file, budget.CancellationToken), Encoding.ASCII).Trim());
        var features = ReadFeatures(shp, dbf, encoding, file, budget);
        if (wkt is null)
        {
            return new RawFeatures(features, Notes: "ZIP 中没有 .prj 坐标系文件，按坐标范围推断坐标系（no .prj: CRS guessed）。");
        }

        return new RawFeatures(features, PrjParser.ToEpsg(wkt, file), $".prj 文件（{prj!.FullName}）");
    }

    /// <summary>
    /// Reads the entry count from the end-of-central-directory record, so a zip of a million empty entries is refused
    /// before <see cref="ZipArchive"/> builds an object for each.
    /// </summary>
    private static void RequireFewEntries(byte[] bytes, string file, int max)
    {
        const int eocd = 22;
        for (var i = bytes.Length - eocd; i >= Math.Max(0, bytes.Length - eocd - ushort.MaxValue); i--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i)) != 0x06054b50)
            {
                continue;
            }

            var entries = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(i + 10));
            if (entries > max)
            {
                var count = entries == ushort.MaxValue ? "65535 个以上" : entries.ToString(CultureInfo.InvariantCulture) + " 个";
                throw new InputException($"ZIP 压缩包中有 {count}文件，超过上限 {max} 个（too many zip entries: {entries}）。",
                    "一个 Shapefile 只需 .shp、.shx、.dbf、.prj、.cpg 几个文件：请只压缩这一个图层的文件后再上传。", file);
            }

            return;
        }
    }

    private static ZipArchive Open(byte[] bytes, string file)
    {
        try
        {
            return new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        }
        catch (InvalidDataException ex)
        {
            throw new InputException("文件不是有效的 ZIP 压缩包，或已损坏（not a valid zip）。", "请重新压缩 Shapefile 的各个文件后再上传。", file, inner: ex);
        }
    }

    private static List<IFeature> ReadFeatures(ZipArchiveEntry shp, ZipArchiveEntry dbf, Encoding? encoding, string file, InputBudget budget)
    {
        var options = new ShapefileReaderOptions
        {
            GeometryBuilderMode = GeometryBuilderMode.IgnoreInvalidShapes,
            Factory = GeometryDefaults.Factory,
            Encoding = encoding,
        };
        var shpBytes = Expand(shp, budget.EntryBytes, file, budget.CancellationToken);
        var records = ShpStructure.Validate(shpBytes, shp.FullName, budget);
        var dbfBytes = Expand(dbf, budget.EntryBytes, file, budget.CancellationToken);
        ShpStructure.ValidateDbf(dbfBytes, records, dbf.FullName, file);
        try
        {
            // Fresh, exactly-sized streams over bytes that ShpStructure has checked: the library cannot read past a record.
            using var shpStream = new MemoryStream(shpBytes, writable: false);
            using var dbfStream = new MemoryStream(dbfBytes, writable: false);
            var features = new List<IFeature>(records);
            foreach (var feature in Shapefile.ReadAllFeatures(shpStream, dbfStream, options))
            {
                budget.CancellationToken.ThrowIfCancellationRequested();
                features.Add(feature);
            }

            if (features.Count == 0)
            {
                throw new InputException("Shapefile 中没有要素（empty shapefile）。", "请确认导出时选中了要素。", file);
            }

            for (var i = 0; i < features.Count; i++)
            {
                if (features[i].Geometry is null || features[i].Geometry.IsEmpty)
                {
                    throw new InputException("要素的几何为空或无法读取（empty or unreadable shape）。", "请在 GIS 软件中检查该要素并重新导出。", file, i);
                }
            }

            return features;
        }
        catch (Exception ex) when (ex is not InputException && ex is IOException or InvalidDataException or ArgumentException or NotSupportedException or FormatException or IndexOutOfRangeException or InvalidOperationException or OverflowException)
        {
            throw new InputException($"无法读取 Shapefile：{ex.Message.ReplaceLineEndings(" ")}（shapefile could not be read）。", "请用 GIS 软件重新导出该图层。", file, inner: ex);
        }
    }

    private static Encoding? CodePage(string name)
    {
        try
        {
            return name.ToUpperInvariant() switch
            {
                "" => null,
                "UTF-8" or "UTF8" or "65001" => Encoding.UTF8,
                "GBK" or "936" or "CP936" or "GB18030" => InputBytes.Gb18030,
                var other when int.TryParse(other, NumberStyles.None, CultureInfo.InvariantCulture, out var cp) => Encoding.GetEncoding(cp),
                var other => Encoding.GetEncoding(other),
            };
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            // An unknown code page in the .cpg: read the attributes with the reader's default instead of failing.
            return null;
        }
    }

    private static ZipArchiveEntry? Sibling(ZipArchive zip, string stem, string ext) =>
        zip.Entries.FirstOrDefault(e => Ext(e) == ext && string.Equals(e.FullName[..^ext.Length], stem, StringComparison.OrdinalIgnoreCase));

    private static string Ext(ZipArchiveEntry e) => Path.GetExtension(e.FullName).ToLowerInvariant();

    /// <summary>
    /// Expands one entry into memory, reading no more than <paramref name="maxBytes"/> + 1 bytes: the upload limit counts the
    /// compressed bytes, and a crafted zip could otherwise expand without bound. A corrupt or unsupported compressed
    /// stream is bad input naming the entry.
    /// </summary>
    private static byte[] Expand(ZipArchiveEntry entry, long maxBytes, string file, CancellationToken cancellationToken)
    {
        try
        {
            using var ms = new MemoryStream();
            using (var s = entry.Open())
            {
                var buffer = new byte[81920];
                int read;
                while ((read = s.Read(buffer, 0, (int)Math.Min(buffer.Length, maxBytes + 1 - ms.Length))) > 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    ms.Write(buffer, 0, read);
                    if (ms.Length > maxBytes)
                    {
                        throw new InputException(
                            $"ZIP 中的 {entry.FullName} 解压后超过 {Size(maxBytes)}（uncompressed entry too large）。",
                            entry.FullName.EndsWith(".prj", StringComparison.OrdinalIgnoreCase) || entry.FullName.EndsWith(".cpg", StringComparison.OrdinalIgnoreCase)
                                ? "正常的 .prj/.cpg 只有几百字节：请用 GIS 软件重新导出该图层，不要手工改动这些文件。"
                                : "项目用地范围通常很小：请只导出项目本身的要素，或拆分后再上传。", file);
                    }
                }
            }

            var bytes = ms.ToArray();
            if (System.IO.Hashing.Crc32.HashToUInt32(bytes) != entry.Crc32)
            {
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"CRC-32 {System.IO.Hashing.Crc32.HashToUInt32(bytes):x8} ≠ {entry.Crc32:x8}"));
            }

            return bytes;
        }
        catch (Exception ex) when (ex is InvalidDataException or NotSupportedException)
        {
            throw new InputException($"ZIP 中的 {entry.FullName} 已损坏，无法解压（{ex.Message.ReplaceLineEndings(" ")}）（corrupt zip entry）。",
                "请重新压缩 Shapefile 的各个文件（不要加密，使用普通的 Deflate 压缩）后再上传。", file, inner: ex);
        }
    }

    private static string Size(long bytes) => bytes >= 1024 * 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB");

    private static string Text(byte[] bytes, Encoding encoding) => encoding.GetString(bytes).TrimStart('\uFEFF');
}
