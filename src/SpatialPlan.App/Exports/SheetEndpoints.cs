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
        return app;
    }

    /// <param name="data">The loaded layers and styles.</param>
    /// <param name="format">pdf (default) or png.</param>
    /// <param name="layers">Comma-separated catalog ids of the visible layers.</param>
    /// <param name="extent">minX,minY,maxX,maxY of the view in the working CRS's metres (<c>/api/config</c> <c>crs</c>).</param>
    /// <param name="paper">A3 (default) or A4.</param>
    /// <param name="orientation">landscape (default) or portrait.</param>
    /// <param name="title">The sheet's title; default the catalog's.</param>
    /// <param name="dpi">PNG resolution, 36–600 (default 150), within the pixel budget.</param>
    /// <param name="cancellationToken">The request's work budget linked with the client going away.</param>
    private static IResult RenderSheet(PlanData data, string? format, string? layers, string? extent, string? paper,
        string? orientation, string? title, string? dpi, CancellationToken cancellationToken)
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
        };
        var output = new MemoryStream();
        new MapSheetRenderer(data.Store, data.Styles).Render(request, output, cancellationToken);
        var (type, ext) = request.Format == SheetFormat.Png ? ("image/png", "png") : ("application/pdf", "pdf");
        return TypedResults.File(output.ToArray(), type, $"spatialplan-sheet.{ext}");
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
