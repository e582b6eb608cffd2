using Microsoft.Extensions.Options;
using SpatialPlan.App.Hosting;

namespace SpatialPlan.App.Checks;

/// <summary>The site check: a footprint in, the report JSON of docs/architecture.md out (the CLI's <c>check --format json</c>).</summary>
public static class CheckEndpoints
{
    public static IEndpointRouteBuilder MapChecks(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/checks", RunCheck).DisableAntiforgery();
        app.MapPost("/api/checks/report", RunReport).DisableAntiforgery();
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
        var json = runner.Run(upload);
        return TypedResults.Text(json, "application/json; charset=utf-8");
    }

    /// <summary>The same check as a signable PDF report (SpatialPlan.Rendering, the CLI's <c>check --pdf</c>).</summary>
    private static async Task<IResult> RunReport(HttpRequest request, IOptions<SpatialPlanOptions> options, SiteCheckRunner runner, Layers.LayerData data, CancellationToken ct)
    {
        var upload = await CheckRequestReader.ReadAsync(request, options.Value.MaxUploadBytes, ct);
        if (upload is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "文件过大 / Upload too large",
                detail: UploadLimits.TooLargeMessage(options.Value.MaxUploadMegabytes));
        }

        var report = runner.Check(upload);
        var name = report.Footprint.Name ?? Path.GetFileNameWithoutExtension(upload.FileName);
        var pdf = new MemoryStream();
        new Rendering.Reports.CheckReportRenderer(data.Store, data.Styles).Render(report, name, pdf);
        return TypedResults.File(pdf.ToArray(), "application/pdf", "site-check-report.pdf");
    }
}
