using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SpatialPlan.App.Checks;
using SpatialPlan.App.Hosting;
using SpatialPlan.Core.Sources;
using SpatialPlan.Records.Auditing;
using SpatialPlan.Records.Book;
using SpatialPlan.Records.Store;

namespace SpatialPlan.App.Records;

/// <summary>
/// The records API (issue 11 §8): <c>POST /api/records</c> (the inputs of <c>POST /api/checks</c> plus projectName,
/// builder, projectCode; 201 once durable), <c>GET /api/records?q=…</c>, <c>GET /api/records/{id}</c>,
/// <c>GET /api/records/{id}/versions/{n}</c> (and its report.pdf and footprint file), <c>POST /api/records/{id}/versions</c>
/// (a changed footprint), <c>POST /api/records/{id}/recheck</c>, <c>POST /api/records/{id}/withdraw</c>. There is no
/// DELETE (405): records are append-only.
/// </summary>
public static class RecordEndpoints
{
    public static IEndpointRouteBuilder MapRecords(this IEndpointRouteBuilder app)
    {
        var records = app.MapGroup("/api/records").AddEndpointFilter(MapRecordErrors).DisableAntiforgery();
        records.MapPost("/", Save).RequireRateLimiting(RecordsSetup.SavePolicy);
        records.MapGet("/", List);
        records.MapGet("/{id:long}", Get);
        records.MapPost("/{id:long}/versions", (long id, HttpRequest request, IOptions<SpatialPlanOptions> options, RecordsHost host, CancellationToken ct) =>
            Save(request, options, host, ct, id)).RequireRateLimiting(RecordsSetup.SavePolicy);
        records.MapGet("/{id:long}/versions/{version:long}", GetVersion);
        records.MapGet("/{id:long}/versions/{version:long}/report.pdf", (long id, long version, HttpContext context, RecordsHost host) =>
            File(id, version, context, host, pdf: true));
        records.MapGet("/{id:long}/versions/{version:long}/footprint", (long id, long version, HttpContext context, RecordsHost host) =>
            File(id, version, context, host, pdf: false));
        records.MapPost("/{id:long}/recheck", Recheck).RequireRateLimiting(RecordsSetup.SavePolicy);
        records.MapPost("/{id:long}/withdraw", Withdraw);

        // The web 台账 (ClientApp records.ts): /records and /records/{id} are the page itself, routed in the browser.
        app.MapFallbackToFile("/records", "index.html");
        app.MapFallbackToFile("/records/{**path}", "index.html");
        return app;
    }

    private static async Task<IResult> Save(HttpRequest request, IOptions<SpatialPlanOptions> options, RecordsHost host, CancellationToken ct, long? recordId = null)
    {
        var store = host.Store(); // a store that cannot be used answers 503 before any work is done
        var upload = await CheckRequestReader.ReadAsync(request, options.Value.MaxUploadBytes, ct);
        if (upload is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "文件过大 / Upload too large",
                detail: UploadLimits.TooLargeMessage(options.Value.MaxUploadMegabytes));
        }

        var book = new RecordBook(store);
        var given = new GivenSettings(upload.Given, upload.DeclaredEpsg);
        if (recordId is { } existing)
        {
            given = book.ForNewVersion(existing, given);
        }

        var maker = host.Maker;
        var draft = maker.Draft(maker.Check(upload.Content, upload.FileName, given, ct), ct);
        var saved = book.Save(draft, RecordsHost.ActorOf(request.HttpContext), recordId, recordId is null ? VersionReasons.Save : VersionReasons.Footprint);
        return TypedResults.Created($"/api/records/{saved.Id}",
            new { id = saved.Id, version = saved.Version, verdict = saved.Verdict, verdictZh = saved.VerdictZh });
    }

    private static IResult List(HttpRequest request, RecordsHost host)
    {
        string? Q(string name) => request.Query[name] is { Count: > 0 } v ? v.ToString() : null;
        var query = new RecordQuery(Q("q"), Q("verdict"), Q("kind"), Date(Q("from"), "from", false), Date(Q("to"), "to", true), Q("user"),
            !string.Equals(Q("live"), "true", StringComparison.OrdinalIgnoreCase));
        var current = host.DataVersion;
        var rows = host.Book().List(query, current);
        return TypedResults.Json(RecordJson.List(rows, current), RecordJson.Options);
    }

    private static IResult Get(long id, RecordsHost host)
    {
        var detail = host.Book().Get(id) ?? throw new RecordNotFoundException(id);
        var current = host.DataVersion;
        var updated = detail.DataUpdated(current) && detail.Withdrawn is null;
        using var report = JsonDocument.Parse(detail.Latest.ReportJson!);
        return TypedResults.Json(new
        {
            id,
            version = detail.Latest.Version,
            dataUpdated = updated,
            noticeZh = updated ? RecordJson.DataUpdatedZh : null,
            currentDataVersion = current,
            withdrawn = RecordJson.Withdrawal(detail.Withdrawn),
            latest = VersionJson(detail.Latest, report.RootElement),
            versions = detail.Versions.Select(v => RecordJson.VersionLine(v, $"/api/records/{id}/versions/{v.Version}")),
            events = detail.Events.Select(RecordJson.Event),
        }, RecordJson.Options);
    }

    private static IResult GetVersion(long id, long version, RecordsHost host)
    {
        var v = host.Book().GetVersion(id, version) ?? throw new RecordNotFoundException(id);
        using var report = JsonDocument.Parse(v.ReportJson!);
        return TypedResults.Json(VersionJson(v, report.RootElement), RecordJson.Options);
    }

    private static IResult File(long id, long version, HttpContext context, RecordsHost host, bool pdf)
    {
        var v = host.Book().GetVersion(id, version, withFiles: true) ?? throw new RecordNotFoundException(id);
        var name = pdf ? $"record-{id}-v{version}.pdf" : v.SourceFileName;
        var bytes = pdf ? v.ReportPdf! : v.SourceFile!;
        host.Audit().Append(new AuditDraft(AuditActions.Export, $"record {id} v{version} {(pdf ? "report.pdf" : "footprint")}", AuditHash.Sha256(bytes),
            JsonSerializer.Serialize(new { format = pdf ? "pdf" : "footprint", file = name }, RecordJson.Options)), RecordsHost.ActorOf(context));
        return TypedResults.File(bytes, pdf ? "application/pdf" : "application/octet-stream", name);
    }

    private static IResult Recheck(long id, HttpContext context, RecordsHost host, CancellationToken ct)
    {
        var result = new Rechecker(host.Book(), host.Maker).Recheck(id, RecordsHost.ActorOf(context), ct);
        return TypedResults.Json(new
        {
            id,
            changed = result.Changed,
            oldVersion = result.OldVersion,
            newVersion = result.NewVersion,
            oldVerdict = result.OldVerdict,
            newVerdict = result.NewVerdict,
            oldVerdictZh = result.OldVerdictZh,
            newVerdictZh = result.NewVerdictZh,
            oldDataVersion = result.OldDataVersion,
            newDataVersion = result.NewDataVersion,
            changes = result.Changes.Select(c => new { zone = c.Zone, what = c.What, old = c.Old, @new = c.New, textZh = c.TextZh }),
            messageZh = result.ErrorZh,
        }, RecordJson.Options);
    }

    private static async Task<IResult> Withdraw(long id, HttpRequest request, RecordsHost host, CancellationToken ct)
    {
        var reason = request.Query["reason"].FirstOrDefault();
        if (request.HasFormContentType)
        {
            reason = (await request.ReadFormAsync(ct))["reason"].FirstOrDefault() ?? reason;
        }
        else if (request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true)
        {
            try
            {
                using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
                reason = body.RootElement.TryGetProperty("reason", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : reason;
            }
            catch (JsonException e)
            {
                throw new InputException($"请求正文不是 JSON（{e.Message}）。", "发送 {\"reason\": \"撤回原因\"}。 Send {\"reason\": \"…\"}.", inner: e);
            }
        }

        var ev = host.Book().Withdraw(id, reason ?? string.Empty, RecordsHost.ActorOf(request.HttpContext));
        return TypedResults.Json(new { id, withdrawn = RecordJson.Withdrawal(ev) }, RecordJson.Options);
    }

    private static object VersionJson(RecordVersion v, JsonElement report) => new
    {
        id = v.RecordId,
        version = v.Version,
        createdAt = v.CreatedAt,
        user = v.User,
        reason = v.Reason,
        projectName = v.ProjectName,
        builder = v.Builder,
        projectCode = v.ProjectCode,
        kind = v.Kind,
        majors = JsonDocument.Parse(v.Majors).RootElement.Clone(),
        widthM = v.WidthM,
        radiusM = v.RadiusM,
        crs = v.SourceCrs,
        declaredCrs = v.DeclaredEpsg is { } e ? $"EPSG:{e}" : null,
        proximityM = v.ProximityM,
        sourceFile = new { name = v.SourceFileName, sha256 = v.SourceSha256, url = $"/api/records/{v.RecordId}/versions/{v.Version}/footprint" },
        footprint = JsonDocument.Parse(v.FootprintGeoJson).RootElement.Clone(),
        verdict = v.Verdict,
        verdictZh = v.VerdictZh,
        dataVersion = v.DataVersion,
        policyVersion = v.PolicyVersion,
        dataDates = JsonDocument.Parse(v.DataDates).RootElement.Clone(),
        reportPdf = new { sha256 = v.PdfSha256, url = $"/api/records/{v.RecordId}/versions/{v.Version}/report.pdf" },
        reportSha256 = v.ReportSha256,
        auditSeq = v.AuditSeq,
        report = report.Clone(),
    };

    private static string? Date(string? text, string name, bool endOfDay)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw new InputException($"{name}=“{text}” 不是日期（not a date）。", $"写成 年-月-日，例如 {name}=2026-11-29。 Write yyyy-MM-dd.");
        }

        return StoreTime.Text(new DateTimeOffset(date.AddDays(endOfDay ? 1 : 0).ToDateTime(TimeOnly.MinValue, DateTimeKind.Local)));
    }

    /// <summary>The store's and the records' own failures as problem+json: 503 (with the reason), 404, 409.</summary>
    private static async ValueTask<object?> MapRecordErrors(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (StoreUnavailableException e)
        {
            context.HttpContext.Response.Headers.RetryAfter = "30";
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "台账库不可用 / Records store unavailable", detail: e.Message);
        }
        catch (RecordNotFoundException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "台账不存在 / No such record",
                detail: $"{e.Message} 请在台账列表（GET /api/records）中查看编号。");
        }
        catch (RecordConflictException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "台账状态不允许 / Conflict", detail: e.Message);
        }
    }
}
