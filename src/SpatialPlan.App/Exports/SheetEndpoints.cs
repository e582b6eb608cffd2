using System.Globalization;
using NetTopologySuite.Geometries;
using SpatialPlan.App.Hosting;
using SpatialPlan.App.Layers;
using SpatialPlan.Core.Sources;
using SpatialPlan.Rendering.Sheets;

namespace SpatialPlan.App.Exports;

/// <summary>
/// The current view as a map sheet (PDF or PNG), drawn server-side by SpatialPlan.Rendering, the renderer the
/// CLI's <c>render</c> uses, so what is printed from the map matches the CLI. Every query field is read here as
/// text, so a bad value gets a 400 that names the field (not a bare "Bad Request" from binding); a sheet over a
/// render budget is a 422 (ProblemExceptionHandler); the render stops when the request's work budget is spent or
/// the client goes away.
/// </summary>
public static class SheetEndpoints
{
    public static IEndpointRouteBuilder MapSheets(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/sheets", RenderSheet).WithWorkBudget();

        // The sheet of one check (会议出图, issue 9 §1): the same inputs as POST /api/checks, plus the sheet's fields. Like the
        // check and its report it records nothing, so it needs no antiforgery token.
        app.MapPost("/api/checks/sheet", RenderCheckSheet).DisableAntiforgery().WithWorkBudget();
        return app;
    }

    /// <summary>The configured 制图单位 (<c>SpatialPlan:MapUnit</c>), unless the request gives <c>unit</c>.</summary>
    internal const string MapUnitSetting = "SpatialPlan:MapUnit";

    /// <param name="data">The loaded layers and styles.</param>
    /// <param name="format">pdf (default) or png.</param>
    /// <param name="layers">Comma-separated catalog ids of the visible layers.</param>
    /// <param name="extent">minX,minY,maxX,maxY of the view in the working CRS's metres (<c>/api/config</c> <c>crs</c>).</param>
    /// <param name="paper">A3 (default) or A4.</param>
    /// <param name="orientation">landscape (default) or portrait.</param>
    /// <param name="title">The sheet's title; default the catalog's.</param>
    /// <param name="dpi">PNG resolution, 36–600 (default 150), within the pixel budget.</param>
    /// <param name="cancellationToken">The request's work budget linked with the client going away.</param>
    /// <param name="unit">制图单位; default the app's <c>SpatialPlan:MapUnit</c>.</param>
    /// <param name="lang">zh (default) or en: the language of the legend and notes.</param>
    /// <param name="configuration">The app's settings (<c>SpatialPlan:MapUnit</c>).</param>
    private static IResult RenderSheet(PlanData data, string? format, string? layers, string? extent, string? paper,
        string? orientation, string? title, string? dpi, string? unit, string? lang, IConfiguration configuration, CancellationToken cancellationToken)
    {
        var request = new MapSheetRequest
        {
            Title = string.IsNullOrWhiteSpace(title) ? null : title.Trim(),
            LayerIds = ParseLayers(layers),
            ExtentInWorkingCrs = ParseExtent(extent),
            Paper = ParseEnum(paper, Paper.A3, "paper", "A4、A3"),
            Orientation = ParseEnum(orientation, PageOrientation.Landscape, "orientation", "landscape、portrait"),
            Format = ParseEnum(format, SheetFormat.Pdf, "format", "pdf、png"),
            Dpi = ParseDpi(dpi),
            Unit = UnitOf(unit, configuration),
            Language = ParseEnum(lang, SheetLanguage.Zh, "lang", "zh、en"),
        };
        var output = new MemoryStream();
        new MapSheetRenderer(data.Store, data.Styles).Render(request, output, cancellationToken);
        var (type, ext) = request.Format == SheetFormat.Png ? ("image/png", "png") : ("application/pdf", "pdf");
        return TypedResults.File(output.ToArray(), type, $"spatialplan-sheet.{ext}");
    }

    /// <summary>
    /// <c>POST /api/checks/sheet</c>: runs the check of the upload (exactly as <c>POST /api/checks</c>) and answers its map
    /// sheet, PDF or PNG. The sheet's fields (<c>format</c>, <c>paper</c>, <c>orientation</c>, <c>title</c>, <c>unit</c>,
    /// <c>lang</c>, <c>dpi</c>) come from the form or the query string; a bad one is a 400 that names it.
    /// </summary>
    private static async Task<IResult> RenderCheckSheet(HttpRequest http, Microsoft.Extensions.Options.IOptions<SpatialPlanOptions> options,
        Checks.SiteCheckRunner runner, PlanData data, IConfiguration configuration, CancellationToken cancellationToken)
    {
        var upload = await Checks.CheckRequestReader.ReadAsync(http, options.Value.MaxUploadBytes, cancellationToken);
        if (upload is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "文件过大 / Upload too large",
                detail: UploadLimits.TooLargeMessage(options.Value.MaxUploadMegabytes));
        }

        string? Field(string name) =>
            http.HasFormContentType && http.Form.TryGetValue(name, out var v) ? v.ToString()
            : http.Query[name] is { Count: > 0 } q ? q.ToString() : null;

        // The sheet's fields are read before the check, so a bad one costs no check.
        var request = new Rendering.CheckSheets.CheckSheetRequest
        {
            Title = string.IsNullOrWhiteSpace(Field("title")) ? null : Field("title")!.Trim(),
            Unit = UnitOf(Field("unit"), configuration),
            Paper = ParseEnum(Field("paper"), Paper.A3, "paper", "A4、A3"),
            Orientation = ParseEnum(Field("orientation"), PageOrientation.Landscape, "orientation", "landscape、portrait"),
            Format = ParseEnum(Field("format"), SheetFormat.Pdf, "format", "pdf、png"),
            Dpi = ParseDpi(Field("dpi")),
            Language = ParseEnum(Field("lang"), SheetLanguage.Zh, "lang", "zh、en"),
        };
        var report = runner.Check(upload, cancellationToken);
        var name = report.Project.Name ?? Path.GetFileNameWithoutExtension(upload.FileName);
        var output = new MemoryStream();
        new Rendering.CheckSheets.CheckSheetRenderer(data.Store, data.Styles).Render(report, name, request, output, cancellationToken);
        var (type, ext) = request.Format == SheetFormat.Png ? ("image/png", "png") : ("application/pdf", "pdf");
        return TypedResults.File(output.ToArray(), type, $"site-check-sheet.{ext}");
    }

    /// <summary>The request's 制图单位, else the configured one, else none (the sheet leaves a blank to fill in).</summary>
    internal static string? UnitOf(string? requested, IConfiguration configuration)
    {
        var unit = string.IsNullOrWhiteSpace(requested) ? configuration[MapUnitSetting] : requested;
        if (unit is { Length: > 80 })
        {
            throw new InputException($"制图单位“{unit[..20]}…”太长（{unit.Length} 个字符，最多 80）（the mapping unit is too long）。",
                "制图单位写单位名称即可，不超过 80 个字符。 Give the unit's name, at most 80 characters.");
        }

        return string.IsNullOrWhiteSpace(unit) ? null : unit.Trim();
    }

    /// <summary>Null (the catalog's visible layers) when absent; a list with nothing in it (<c>layers=,,,</c>) is refused.</summary>
    internal static List<string>? ParseLayers(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var ids = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
        return ids.Count > 0 ? ids : throw new InputException(
            $"layers=“{text}” 中没有图层 id（no layer ids in layers）。",
            "layers 写逗号分隔的图层 id（见 /api/layers），例如 layers=eco-redline,wetlands；要显示默认图层请不写 layers。" +
            " Give comma-separated layer ids from /api/layers, or leave layers out for the default layers.");
    }

    internal static Envelope? ParseExtent(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        // NumberStyles.Float has no thousands separator, so "1,5" cannot hide in a field; NaN and Infinity parse and are refused.
        var parts = text.Split(',').Select(p => double.TryParse(p.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN).ToArray();
        return parts.Length == 4 && parts.All(double.IsFinite) && parts[2] > parts[0] && parts[3] > parts[1]
            ? new Envelope(parts[0], parts[2], parts[1], parts[3])
            : throw new InputException($"范围 extent=“{text}” 无效（extent must be four finite numbers minX,minY,maxX,maxY with min < max）。",
                "extent 请写成工作坐标系（见 /api/config 的 crs）的米坐标 minX,minY,maxX,maxY，最小值小于最大值，不要用 NaN 或 Infinity。 Give minX,minY,maxX,maxY in the working CRS's metres.");
    }

    internal static int ParseDpi(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return 150;
        }

        return int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var dpi) && dpi is >= 36 and <= 600
            ? dpi
            : throw new InputException($"dpi=“{text}” 不是 36 到 600 之间的整数（dpi must be a whole number from 36 to 600）。",
                "dpi 写 36 到 600 之间的整数，例如 dpi=150；不写则为 150。 Give dpi as a whole number from 36 to 600, e.g. dpi=150.");
    }

    private static T ParseEnum<T>(string? text, T fallback, string name, string allowed) where T : struct, Enum =>
        string.IsNullOrWhiteSpace(text) ? fallback
        : Enum.TryParse<T>(text.Trim(), ignoreCase: true, out var value) && Enum.IsDefined(value) && !int.TryParse(text, out _) ? value
        : throw new InputException($"{name} 的值“{text}”无法识别。", $"请填写 {allowed} 之一。 Use one of {allowed}.");
}
