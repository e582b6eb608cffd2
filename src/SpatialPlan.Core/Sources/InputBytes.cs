using System.Text;

namespace SpatialPlan.Core.Sources;

/// <summary>Reads input with a size limit and tells text from binary before any parser sees it.</summary>
internal static class InputBytes
{
    static InputBytes() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>GB18030 (a superset of GBK), the encoding of text files saved by Chinese Windows tools.</summary>
    public static Encoding Gb18030 => Encoding.GetEncoding("GB18030");

    public static byte[] ReadAll(Stream stream, string file, long maxBytes, CancellationToken cancellationToken = default)
    {
        if (stream.CanSeek && stream.Length - stream.Position > maxBytes)
        {
            throw TooLarge(file, stream.Length - stream.Position, maxBytes);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            buffer.Write(chunk, 0, n);
            if (buffer.Length > maxBytes)
            {
                throw TooLarge(file, buffer.Length, maxBytes);
            }
        }

        if (buffer.Length == 0)
        {
            throw new InputException("文件是空的（0 字节）（empty file）。", "请确认导出或上传是否完成，并选择包含坐标的文件。", file);
        }

        return buffer.ToArray();
    }

    /// <summary>Returns the bytes when they are UTF-8 text (BOM allowed); refuses binaries, ZIPs and blank files.</summary>
    public static byte[] RequireText(byte[] bytes, string file) => RequireText(bytes, file, allowGbk: false);

    /// <summary>
    /// Decodes a plain-text list: UTF-8, or else GB18030/GBK — surveyors' 界址点 lists often come from Chinese Windows
    /// tools that save GBK, and JSON must be UTF-8 by its RFC but a .txt has no such rule.
    /// </summary>
    public static string DecodeText(byte[] bytes, string file)
    {
        // Excel's "Unicode text" (.txt) is UTF-16 with a BOM.
        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            var decoded = new UnicodeEncoding(bigEndian: bytes[0] == 0xFE, byteOrderMark: true, throwOnInvalidBytes: false).GetString(bytes, 2, bytes.Length - 2);
            if (decoded.Trim().Length == 0)
            {
                throw new InputException("文件只有空白，没有内容（blank file）。", "请选择包含坐标的文件。", file);
            }

            return decoded;
        }

        RequireText(bytes, file, allowGbk: true);
        var text = IsUtf8(bytes) ? Encoding.UTF8.GetString(bytes) : Gb18030.GetString(bytes);
        return text.TrimStart('\uFEFF');
    }

    private static byte[] RequireText(byte[] bytes, string file, bool allowGbk)
    {
        if (bytes.Length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4)
        {
            throw new InputException("这是一个 ZIP 压缩包，不是文本文件（file is a ZIP archive）。",
                "若其中是 Shapefile，请把扩展名改为 .zip；否则请先解压，再选择其中的 .geojson 或 .txt 文件。", file);
        }

        var head = bytes.AsSpan(0, Math.Min(bytes.Length, 8192));
        if (head.Contains((byte)0) || !(IsUtf8(bytes) || (allowGbk && IsGb18030(bytes))))
        {
            throw new InputException("文件不是 UTF-8 文本，像是二进制文件（如 Excel、图片、CAD）或 GBK 编码（not UTF-8 text）。",
                "请导出为 GeoJSON 或 UTF-8 编码的文本坐标表（.txt/.csv）；若是 GBK 编码，请另存为 UTF-8。", file);
        }

        if (Encoding.UTF8.GetString(bytes).Trim().Trim('\uFEFF').Length == 0)
        {
            throw new InputException("文件只有空白，没有内容（blank file）。", "请选择包含坐标的文件。", file);
        }

        return bytes;
    }

    private static bool IsGb18030(byte[] bytes)
    {
        try
        {
            _ = Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback).GetCharCount(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static bool IsUtf8(byte[] bytes)
    {
        try
        {
            _ = new UTF8Encoding(false, true).GetCharCount(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static InputException TooLarge(string file, long size, long max) => new(
        $"文件太大（超过 {max / (1024.0 * 1024):0.#} MB，已读到 {size / (1024.0 * 1024):0.#} MB）（file over the size limit）。",
        "请只导出项目范围内的要素，或简化几何后再试。", file);
}
