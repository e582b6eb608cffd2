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
/// </summary>
internal static class ShapefileZipReader
{
    public static RawFeatures Read(byte[] bytes, string file, long maxEntryBytes = ReadOptions.DefaultMaxBytes)
    {
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

        var features = ReadFeatures(shp, dbf, cpg, file, maxEntryBytes);
        if (prj is null)
        {
            return new RawFeatures(features, Notes: "ZIP 中没有 .prj 坐标系文件，按坐标范围推断坐标系（no .prj: CRS guessed）。");
        }

        var wkt = ReadText(prj, Encoding.UTF8);
        return new RawFeatures(features, PrjParser.ToEpsg(wkt, file), $".prj 文件（{prj.FullName}）");
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

    private static List<IFeature> ReadFeatures(ZipArchiveEntry shp, ZipArchiveEntry dbf, ZipArchiveEntry? cpg, string file, long maxEntryBytes)
    {
        var options = new ShapefileReaderOptions
        {
            GeometryBuilderMode = GeometryBuilderMode.IgnoreInvalidShapes,
            Factory = GeometryDefaults.Factory,
            Encoding = cpg is null ? null : CodePage(ReadText(cpg, Encoding.ASCII).Trim()),
        };
        try
        {
            using var shpStream = Copy(shp, maxEntryBytes, file);
            using var dbfStream = Copy(dbf, maxEntryBytes, file);
            var features = Shapefile.ReadAllFeatures(shpStream, dbfStream, options).Cast<IFeature>().ToList();
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
        catch (Exception ex) when (ex is not InputException && ex is IOException or InvalidDataException or ArgumentException or NotSupportedException or FormatException or IndexOutOfRangeException)
        {
            throw new InputException($"无法读取 Shapefile：{ex.Message}（shapefile could not be read）。", "请用 GIS 软件重新导出该图层。", file, inner: ex);
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
    /// Expands one entry into memory, refusing more than <paramref name="maxBytes"/>: the upload limit counts the
    /// compressed bytes, and a crafted zip could otherwise expand without bound.
    /// </summary>
    private static MemoryStream Copy(ZipArchiveEntry entry, long maxBytes, string file)
    {
        var ms = new MemoryStream();
        using (var s = entry.Open())
        {
            var buffer = new byte[81920];
            int read;
            while ((read = s.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (ms.Length + read > maxBytes)
                {
                    throw new InputException(
                        $"ZIP 中的 {entry.FullName} 解压后超过 {maxBytes / (1024 * 1024)} MB（uncompressed entry too large）。",
                        "项目用地范围通常很小：请只导出项目本身的要素，或拆分后再上传。", file);
                }

                ms.Write(buffer, 0, read);
            }
        }

        ms.Position = 0;
        return ms;
    }

    private static string ReadText(ZipArchiveEntry entry, Encoding encoding)
    {
        using var reader = new StreamReader(entry.Open(), encoding);
        return reader.ReadToEnd();
    }
}
