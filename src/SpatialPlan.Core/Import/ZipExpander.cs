using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.IO.Hashing;
using SpatialPlan.Core.Limits;
using SpatialPlan.Core.Sources;

namespace SpatialPlan.Core.Import;

/// <summary>
/// Expands the one Shapefile of a zip into a folder, under the data-layer budgets: the entry count is read from the
/// zip's end record before the archive is opened, each entry is expanded to at most
/// <see cref="InputLimits.MaxEntryBytes"/> (sidecars to <see cref="InputLimits.MaxSidecarBytes"/>) and its CRC-32 checked.
/// </summary>
internal static class ZipExpander
{
    private static readonly string[] Parts = [".shp", ".shx", ".dbf", ".prj", ".cpg"];

    /// <summary>Returns the path of the expanded .shp in <paramref name="folder"/>.</summary>
    public static string ExpandShapefile(string zip, string folder, string name, CancellationToken cancellationToken)
    {
        var limits = InputLimits.DataLayer;
        RequireFewEntries(zip, name, limits.MaxZipEntries);
        ZipArchive archive;
        try
        {
            archive = ZipFile.OpenRead(zip);
        }
        catch (InvalidDataException e)
        {
            throw new InputException("文件不是有效的 ZIP 压缩包，或已损坏（not a valid zip）。", "请重新压缩 Shapefile 的各个文件后再导入。", name, inner: e);
        }

        using (archive)
        {
            var gdb = archive.Entries.FirstOrDefault(e => e.FullName.Contains(".gdb/", StringComparison.OrdinalIgnoreCase));
            if (gdb is not null)
            {
                throw ImportSourceFactory.FileGeodatabaseRefusal(name);
            }

            var shps = archive.Entries.Where(e => Ext(e) == ".shp").ToList();
            if (shps.Count != 1)
            {
                throw new InputException(
                    shps.Count == 0
                        ? "ZIP 压缩包中没有 .shp 文件（no .shp in the zip）。"
                        : $"ZIP 压缩包中有 {shps.Count} 个 .shp 文件（{string.Join("、", shps.Take(5).Select(s => s.FullName))}），无法确定导入哪一个（several .shp files）。",
                    "每个 ZIP 只放一个图层的 .shp、.shx、.dbf、.prj、.cpg；或解压后直接导入其中的 .shp。", name);
            }

            var stem = shps[0].FullName[..^4];
            string? shp = null;
            foreach (var entry in archive.Entries)
            {
                var ext = Ext(entry);
                if (!Parts.Contains(ext) || !string.Equals(entry.FullName[..^ext.Length], stem, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var target = Path.Combine(folder, "layer" + ext);
                var max = ext is ".prj" or ".cpg" ? limits.MaxSidecarBytes : limits.MaxEntryBytes;
                Expand(entry, target, max, name, cancellationToken);
                if (ext == ".shp")
                {
                    shp = target;
                }
            }

            return shp!;
        }
    }

    private static void Expand(ZipArchiveEntry entry, string target, long maxBytes, string name, CancellationToken cancellationToken)
    {
        try
        {
            var crc = new Crc32();
            long written = 0;
            using (var source = entry.Open())
            using (var output = File.Create(target))
            {
                var buffer = new byte[1 << 16];
                int read;
                while ((read = source.Read(buffer, 0, buffer.Length)) > 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    written += read;
                    if (written > maxBytes)
                    {
                        throw new InputException(
                            string.Create(CultureInfo.InvariantCulture, $"ZIP 中的 {entry.FullName} 解压后超过 {maxBytes / (1024.0 * 1024):0.#} MB（uncompressed entry too large）。"),
                            "请按行政区拆分图层后分别导入，或检查压缩包是否完整。", name);
                    }

                    crc.Append(buffer.AsSpan(0, read));
                    output.Write(buffer, 0, read);
                }
            }

            if (crc.GetCurrentHashAsUInt32() != entry.Crc32)
            {
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"CRC-32 {crc.GetCurrentHashAsUInt32():x8} ≠ {entry.Crc32:x8}"));
            }
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException)
        {
            throw new InputException($"ZIP 中的 {entry.FullName} 已损坏，无法解压（{e.Message.ReplaceLineEndings(" ")}）（corrupt zip entry）。",
                "请重新压缩 Shapefile 的各个文件（不加密，普通 Deflate 压缩）后再导入。", name, inner: e);
        }
    }

    /// <summary>Reads the entry count from the end-of-central-directory record before the archive builds an object per entry.</summary>
    private static void RequireFewEntries(string zip, string name, int max)
    {
        using var stream = File.OpenRead(zip);
        var tail = (int)Math.Min(stream.Length, 22 + ushort.MaxValue);
        var bytes = new byte[tail];
        stream.Seek(-tail, SeekOrigin.End);
        stream.ReadExactly(bytes);
        for (var i = bytes.Length - 22; i >= 0; i--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i)) != 0x06054b50)
            {
                continue;
            }

            var entries = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(i + 10));
            if (entries > max)
            {
                throw new InputException(
                    string.Create(CultureInfo.InvariantCulture, $"ZIP 压缩包中有 {entries} 个文件，超过上限 {max} 个（too many zip entries）。"),
                    "一个 Shapefile 只需 .shp、.shx、.dbf、.prj、.cpg 几个文件：请只压缩这一个图层的文件。", name);
            }

            return;
        }
    }

    private static string Ext(ZipArchiveEntry e) => Path.GetExtension(e.FullName).ToLowerInvariant();
}
