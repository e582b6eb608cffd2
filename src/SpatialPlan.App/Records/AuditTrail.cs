using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using SpatialPlan.Records.Auditing;
using SpatialPlan.Records.Store;

namespace SpatialPlan.App.Records;

/// <summary>
/// 留痕 of the requests other endpoints answer: every check (<c>POST /api/checks</c>, saved or not, refused or not) and
/// every export (the CSV and report PDF of a check, a map sheet) gets an audit entry with the user, the time, what it
/// touched and the SHA-256 of its inputs (the footprint file as uploaded, the same hash as the report's
/// <c>settings.inputSha256</c>; for a sheet, its query). The entry is written when the response starts, so no answer
/// leaves before its entry is durable. A store that cannot be written is logged and never fails the check.
/// (Record saves, versions, re-checks, withdrawals and record downloads are logged by the records code itself, in the
/// same transaction.)
/// </summary>
public static class AuditTrail
{
    public static WebApplication UseAuditTrail(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var what = Classify(context.Request);
            if (what is null)
            {
                await next(context);
                return;
            }

            Stream? body = null;
            if (HttpMethods.IsPost(context.Request.Method) && !context.Request.HasFormContentType)
            {
                context.Request.EnableBuffering();
                body = context.Request.Body;
            }

            context.Response.OnStarting(() => Append(context, what.Value.Action, what.Value.Format, body));
            await next(context);
        });
        return app;
    }

    private static (string Action, string Format)? Classify(HttpRequest request)
    {
        var path = request.Path;
        if (HttpMethods.IsPost(request.Method) && path.Equals("/api/checks", StringComparison.OrdinalIgnoreCase))
        {
            var csv = string.Equals(request.Query["format"].FirstOrDefault(), "csv", StringComparison.OrdinalIgnoreCase)
                || request.Headers.Accept.ToString().StartsWith("text/csv", StringComparison.OrdinalIgnoreCase);
            return csv ? (AuditActions.Export, "csv") : (AuditActions.Check, "json");
        }

        if (HttpMethods.IsPost(request.Method) && path.Equals("/api/checks/report", StringComparison.OrdinalIgnoreCase))
        {
            return (AuditActions.Export, "report-pdf");
        }

        if (HttpMethods.IsPost(request.Method) && path.Equals("/api/checks/export", StringComparison.OrdinalIgnoreCase))
        {
            return (AuditActions.Export, "layers-" + (request.Query["format"].FirstOrDefault() ?? "gpkg").ToLowerInvariant());
        }

        if (HttpMethods.IsGet(request.Method) && path.Equals("/api/sheets", StringComparison.OrdinalIgnoreCase))
        {
            return (AuditActions.Export, "sheet-" + (request.Query["format"].FirstOrDefault() ?? "pdf").ToLowerInvariant());
        }

        return null;
    }

    private static async Task Append(HttpContext context, string action, string format, Stream? body)
    {
        var host = context.RequestServices.GetRequiredService<RecordsHost>();
        try
        {
            var (hash, fileName, fields) = await Inputs(context, body);
            var detail = JsonSerializer.Serialize(new Dictionary<string, object?>
            {
                ["request"] = $"{context.Request.Method} {context.Request.Path}{context.Request.QueryString}",
                ["format"] = format,
                ["status"] = context.Response.StatusCode,
                ["file"] = fileName,
                ["fields"] = fields,
            }, Layers.PlanData.Json);
            var target = $"{context.Request.Method} {context.Request.Path}";
            host.Audit().Append(new AuditDraft(action, target, hash, detail), RecordsHost.ActorOf(context));
        }
        catch (Exception e) when (e is StoreUnavailableException or IOException or InvalidOperationException or Core.Sources.InputException)
        {
            context.RequestServices.GetRequiredService<ILogger<RecordsHost>>()
                .LogWarning("留痕未能写入（audit entry not written）for {Path}: {Message}", context.Request.Path, e.Message);
        }
    }

    /// <summary>The SHA-256 of the request's inputs: the uploaded file, the body, or (a GET) the query.</summary>
    private static async Task<(string Hash, string? FileName, Dictionary<string, string>? Fields)> Inputs(HttpContext context, Stream? body)
    {
        var request = context.Request;
        if (context.Features.Get<IFormFeature>()?.Form is { } form)
        {
            var fields = form.Where(f => f.Key != "file").ToDictionary(f => f.Key, f => f.Value.ToString());
            if ((form.Files.GetFile("file") ?? form.Files.FirstOrDefault()) is { } file)
            {
                await using var stream = file.OpenReadStream();
                return (Convert.ToHexStringLower(await SHA256.HashDataAsync(stream)), file.FileName, fields);
            }

            return (AuditHash.Sha256(string.Join('&', fields.Select(f => $"{f.Key}={f.Value}"))), null, fields);
        }

        if (body is { CanSeek: true })
        {
            body.Position = 0;
            return (Convert.ToHexStringLower(await SHA256.HashDataAsync(body)), null, null);
        }

        return (Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(request.QueryString.Value ?? string.Empty))), null, null);
    }
}
