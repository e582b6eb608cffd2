using SpatialPlan.Core.Sources;

namespace SpatialPlan.App.Checks;

/// <summary>
/// Reads a site-check request: a GeoJSON body with options in the query string, or a multipart form with a
/// <c>file</c> and the options as fields. Returns null when the body is larger than <paramref name="maxBytes"/>.
/// </summary>
public static class CheckRequestReader
{
    public static async Task<CheckUpload?> ReadAsync(HttpRequest request, long maxBytes, CancellationToken ct)
    {
        if (request.ContentLength > maxBytes + MultipartAllowance)
        {
            return null;
        }

        return request.HasFormContentType
            ? await ReadFormAsync(request, maxBytes, ct)
            : await ReadBodyAsync(request, maxBytes, ct);
    }

    /// <summary>Room for the multipart envelope and the option fields around the file itself.</summary>
    private const long MultipartAllowance = 64 * 1024;

    private static async Task<CheckUpload?> ReadFormAsync(HttpRequest request, long maxBytes, CancellationToken ct)
    {
        // Count the body ourselves: then "too large" (413) and "not a readable form" (400) cannot be confused, as they
        // were when every InvalidDataException from the form reader was taken for its length limit.
        var counted = new LimitedReadStream(request.Body, maxBytes + MultipartAllowance);
        request.Body = counted;
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (UploadTooLargeException)
        {
            return null;
        }
        catch (Exception e) when (e is (InvalidDataException or IOException) and not BadHttpRequestException && !ct.IsCancellationRequested)
        {
            // A wrong or missing boundary, a truncated body, a part with broken headers.
            throw new InputException(
                $"上传的表单无法读取（malformed multipart/form-data: {e.Message}）。",
                "请用网页上的上传按钮，或用 multipart/form-data 正确编码后重新上传（boundary 与正文一致、正文完整）；也可以直接以 application/geo+json 发送 GeoJSON。" +
                " Upload again as well-formed multipart/form-data (matching boundary, complete body), or send the GeoJSON as application/geo+json.",
                inner: e);
        }

        var file = form.Files.GetFile("file") ?? form.Files.FirstOrDefault()
            ?? throw new InputException("表单中没有上传文件（no file in the form）。", "请在 file 字段中选择用地范围文件：GeoJSON、压缩的 Shapefile (.zip) 或界址点 .txt/.csv。 Put the footprint in the form field 'file'.");
        if (file.Length > maxBytes)
        {
            return null;
        }

        var options = CheckParameterReader.Read(name => form.TryGetValue(name, out var v) ? v.ToString() : (request.Query[name] is { Count: > 0 } q ? q.ToString() : null));
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        return new CheckUpload(buffer.ToArray(), Path.GetFileName(file.FileName), options.Given, options.DeclaredEpsg);
    }

    private static async Task<CheckUpload?> ReadBodyAsync(HttpRequest request, long maxBytes, CancellationToken ct)
    {
        var mediaType = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        var fileName = mediaType switch
        {
            "application/geo+json" or "application/json" => "upload.geojson",
            "application/zip" or "application/x-zip-compressed" => "upload.zip",
            "text/plain" => "upload.txt",
            "text/csv" => "upload.csv",
            _ => throw new InputException(
                $"无法识别的请求类型“{request.ContentType}”（unsupported content type）。",
                "请以 application/geo+json 或 application/json 发送 GeoJSON，或用 multipart/form-data 上传文件。 Send GeoJSON as application/geo+json or a file as multipart/form-data."),
        };
        var options = CheckParameterReader.Read(name => request.Query[name] is { Count: > 0 } q ? q.ToString() : null);

        // The body may come without a Content-Length (chunked), so count while reading.
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes)
            {
                return null;
            }
        }

        if (buffer.Length == 0)
        {
            throw new InputException("请求中没有用地范围数据（the request body is empty）。", "请在请求正文中发送项目用地范围的 GeoJSON。 Send the footprint's GeoJSON as the body.");
        }

        return new CheckUpload(buffer.ToArray(), fileName, options.Given, options.DeclaredEpsg);
    }

    /// <summary>The request body stopped at <c>limit</c> bytes: reading past it throws <see cref="UploadTooLargeException"/>.</summary>
    private sealed class LimitedReadStream(Stream inner, long limit) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Count(int read)
        {
            _read += read;
            return _read > limit ? throw new UploadTooLargeException() : read;
        }
    }

    /// <summary>The body went past the upload limit while it was being read.</summary>
    private sealed class UploadTooLargeException : Exception;
}
