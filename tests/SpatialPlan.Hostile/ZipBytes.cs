using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace SpatialPlan.Hostile;

/// <summary>Builds zip archives in memory, including broken ones.</summary>
public static class ZipBytes
{
    /// <summary>The WKT of EPSG:4490 as ArcGIS writes it in a .prj.</summary>
    public const string Cgcs2000Prj =
        "GEOGCS[\"GCS_China_Geodetic_Coordinate_System_2000\",DATUM[\"D_China_2000\",SPHEROID[\"CGCS2000\",6378137.0,298.257222101]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]";

    /// <summary>A zip of the given entries, deflated.</summary>
    public static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var s = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
                s.Write(content);
            }
        }

        return ms.ToArray();
    }

    /// <summary>The .shp, .shx, .dbf (and a CGCS2000 .prj unless <paramref name="prj"/> is empty) of a shapefile, zipped as <c>site.*</c>.</summary>
    public static byte[] Shapefile(ShapefileBytes shp, string? prj = Cgcs2000Prj, string? cpg = "UTF-8")
    {
        var entries = new List<(string, byte[])> { ("site.shp", shp.Shp()), ("site.shx", shp.Shx()), ("site.dbf", shp.Dbf()) };
        if (!string.IsNullOrEmpty(prj))
        {
            entries.Add(("site.prj", Encoding.UTF8.GetBytes(prj)));
        }

        if (cpg is not null)
        {
            entries.Add(("site.cpg", Encoding.ASCII.GetBytes(cpg)));
        }

        return Zip([.. entries]);
    }

    /// <summary>
    /// A zip whose named entry expands to <paramref name="bytes"/> bytes of <paramref name="fill"/> from a small
    /// compressed stream (a zip bomb), beside the other entries.
    /// </summary>
    public static byte[] WithBomb(string bombName, long bytes, byte fill, params (string Name, byte[] Content)[] others)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in others)
            {
                using var s = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
                s.Write(content);
            }

            using var bomb = zip.CreateEntry(bombName, CompressionLevel.SmallestSize).Open();
            var chunk = new byte[1 << 20];
            Array.Fill(chunk, fill);
            for (var written = 0L; written < bytes; written += chunk.Length)
            {
                bomb.Write(chunk, 0, (int)Math.Min(chunk.Length, bytes - written));
            }
        }

        return ms.ToArray();
    }

    /// <summary>
    /// Flips bytes in the middle of one entry's compressed data, leaving the local and central headers intact: the
    /// deflate stream (or its CRC) is then corrupt.
    /// </summary>
    public static byte[] CorruptEntry(byte[] zip, string entryName)
    {
        var copy = (byte[])zip.Clone();
        var name = Encoding.UTF8.GetBytes(entryName);
        for (var i = 0; i + 30 < copy.Length; i++)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(copy.AsSpan(i)) != 0x04034b50)
            {
                continue;
            }

            var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(copy.AsSpan(i + 26));
            var extraLength = BinaryPrimitives.ReadUInt16LittleEndian(copy.AsSpan(i + 28));
            var compressed = (int)BinaryPrimitives.ReadUInt32LittleEndian(copy.AsSpan(i + 18));
            if (!copy.AsSpan(i + 30, nameLength).SequenceEqual(name))
            {
                continue;
            }

            var data = i + 30 + nameLength + extraLength;
            for (var k = 0; k < compressed; k++)
            {
                // Keep the first byte (block header) so it reads as deflate, then garbage.
                if (k > 0)
                {
                    copy[data + k] ^= 0x5A;
                }
            }

            return copy;
        }

        throw new ArgumentException($"no entry {entryName}", nameof(entryName));
    }

    /// <summary>A zip with <paramref name="count"/> tiny entries (a central directory that is all the work).</summary>
    public static byte[] ManyEntries(int count)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            for (var i = 0; i < count; i++)
            {
                zip.CreateEntry($"e{i}.txt", CompressionLevel.NoCompression);
            }
        }

        return ms.ToArray();
    }
}
