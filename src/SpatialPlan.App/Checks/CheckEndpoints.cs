using Microsoft.Extensions.Options;
using SpatialPlan.App.Hosting;
using SpatialPlan.Core.Checks;

namespace SpatialPlan.App.Checks;

/// <summary>The site check: a footprint in, the report JSON of docs/rules-model.md §6 out (the CLI's <c>check --format json</c>); the kinds and rules.</summary>
public static class CheckEndpoints
{
    public static IEndpointRouteBuilder MapChecks(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/checks", RunCheck).DisableAntiforgery().WithWorkBudget();
        app.MapPost("/api/checks/report", RunReport).DisableAntiforgery().WithWorkBudget();
        app.MapPost("/api/checks/export", RunExport).DisableAntiforgery().WithWorkBudget(); // issue 9 §3: the check as GIS layers

        // The policy's kinds and major categories (the check panel's choices) and the expanded rules table, as the CLI's
        // `spatialplan kinds --format json` and `spatialplan rules --format json` print them.
        app.MapGet("/api/kinds", (SiteCheckRunner runner) => TypedResults.Text(PolicyJson.Kinds(runner.Check().Policy), "application/json; charset=utf-8"));
        app.MapGet("/api/rules", (SiteCheckRunner runner) => TypedResults.Text(PolicyJson.Rules(runner.Check().Policy), "application/json; charset=utf-8"));
        return app;
    }

    private static async Task<IResult> RunCheck(HttpRequest request, IOptions<SpatialPlanOptions> options, SiteCheckRunner runner, CancellationToken ct)
    {
        var upload = await CheckRequestReader.ReadAsync(request, options.Value.MaxUploadBytes, ct);
        if (upload is null)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status413PayloadTooLarge,
                title: "文件过大 / Upload too large",
                detail: UploadLimits.TooLargeMessage(options.Value.MaxUploadMegabytes));
        }

        // Core reads, repairs and checks; InputException becomes a 400 in ProblemExceptionHandler.
        if (WantsCsv(request))
        {
            // Core's CheckReportCsv, UTF-8 with BOM: the same bytes as `spatialplan check --format csv > file.csv`.
            var csv = new MemoryStream();
            CheckReportCsv.Write(runner.Check(upload, ct), csv);
            return TypedResults.File(csv.ToArray(), "text/csv; charset=utf-8", "site-check.csv");
        }

        return TypedResults.Text(runner.Run(upload, ct), "application/json; charset=utf-8");
    }

    /// <summary><c>?format=csv</c> (<c>json</c> is the default; anything else is a 400), or an Accept header that names text/csv (and not JSON first).</summary>
    private static bool WantsCsv(HttpRequest request)
    {
        var format = request.Query["format"].FirstOrDefault();
        if (format is not null)
        {
            return format.ToLowerInvariant() switch
            {
                "csv" => true,
                "json" => false,
                _ => throw new Core.Sources.InputException($"format=“{format}” 不是可用的输出格式（unknown format）。", "format 只能是 json（默认）或 csv。"),
            };
        }

        var accept = request.GetTypedHeaders().Accept;
        return accept.Count > 0 && accept.OrderByDescending(a => a.Quality ?? 1).First().MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The same check as a signable PDF report (SpatialPlan.Rendering, the CLI's <c>check --pdf</c>).</summary>
    private static async Task<IResult> RunReport(HttpRequest request, IOptions<SpatialPlanOptions> options, SiteCheckRunner runner, Layers.PlanData data, CancellationToken ct)
    {
        var upload = await CheckRequestReader.ReadAsync(request, options.Value.MaxUploadBytes, ct);
        if (upload is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "文件过大 / Upload too large",
                detail: UploadLimits.TooLargeMessage(options.Value.MaxUploadMegabytes));
        }

        var report = runner.Check(upload, ct);
        var name = report.Project.Name ?? Path.GetFileNameWithoutExtension(upload.FileName);
        var pdf = new MemoryStream();
        new Rendering.Reports.CheckReportRenderer(data.Store, data.Styles).Render(report, name, pdf, cancellationToken: ct);
        return TypedResults.File(pdf.ToArray(), "application/pdf", "site-check-report.pdf");
    }

    /// <summary>
    /// The same check as GIS layers (issue 9 §3, the CLI's <c>check --export</c>): <c>?format=gpkg</c> (default),
    /// <c>shp</c> (a zipped Shapefile) or <c>geojson</c>; the footprint, the overlap pieces and the nearby features.
    /// </summary>
    private static async Task<IResult> RunExport(HttpRequest request, IOptions<SpatialPlanOptions> options, SiteCheckRunner runner, CancellationToken ct)
    {
        var name = request.Query["format"].FirstOrDefault();
        var format = name is null ? Core.Export.ExportFormat.GeoPackage
            : Core.Export.ExportFormats.Parse(name) ?? throw new Core.Sources.InputException(
                $"format=“{name}” 不是可用的图层格式（unknown layer format）。", "format 只能是 gpkg（默认）、shp（压缩的 Shapefile）或 geojson。Use gpkg, shp or geojson.");
        var upload = await CheckRequestReader.ReadAsync(request, options.Value.MaxUploadBytes, ct);
        if (upload is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "文件过大 / Upload too large",
                detail: UploadLimits.TooLargeMessage(options.Value.MaxUploadMegabytes));
        }

        var report = runner.Check(upload, ct);
        var layers = new MemoryStream();
        Core.Export.CheckLayersWriter.Write(report, layers, format);
        return TypedResults.File(layers.ToArray(), Core.Export.ExportFormats.MediaType(format), "site-check-layers" + Core.Export.ExportFormats.Ending(format));
    }
}
