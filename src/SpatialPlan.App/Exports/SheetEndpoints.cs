using System.Globalization;
using NetTopologySuite.Geometries;
using SpatialPlan.App.Layers;
using SpatialPlan.Core.Sources;
using SpatialPlan.Rendering.Sheets;

namespace SpatialPlan.App.Exports;

/// <summary>
/// The current view as a map sheet (PDF or PNG), drawn server-side by SpatialPlan.Rendering, the renderer the
/// CLI's <c>render</c> uses, so what is printed from the map matches the CLI.
/// </summary>
public static class SheetEndpoints
{
    public static IEndpointRouteBuilder MapSheets(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/sheets", RenderSheet);
        return app;
    }

    /// <param name="format">pdf (default) or png.</param>
    /// <param name="layers">Comma-separated catalog ids of the visible layers.</param>
    /// <param name="extent">minX,minY,maxX,maxY of the view in EPSG:4545 metres.</param>
    private static IResult RenderSheet(PlanData data, string? format, string? layers, string? extent, string? paper,
        string? orientation, string? title, int? dpi)
    {
        var request = new MapSheetRequest
        {
            Title = string.IsNullOrWhiteSpace(title) ? null : title.Trim(),
            LayerIds = string.IsNullOrWhiteSpace(layers) ? null : layers.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            Extent4545 = ParseExtent(extent),
            Paper = ParseEnum(paper, Paper.A3, "paper", "A4、A3"),
            Orientation = ParseEnum(orientation, PageOrientation.Landscape, "orientation", "landscape、portrait"),
            Format = ParseEnum(format, SheetFormat.Pdf, "format", "pdf、png"),
            Dpi = Math.Clamp(dpi ?? 150, 36, 300),
        };
        var output = new MemoryStream();
        new MapSheetRenderer(data.Store, data.Styles).Render(request, output);
        var (type, ext) = request.Format == SheetFormat.Png ? ("image/png", "png") : ("application/pdf", "pdf");
        return TypedResults.File(output.ToArray(), type, $"spatialplan-sheet.{ext}");
    }

    private static Envelope? ParseExtent(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var parts = text.Split(',').Select(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN).ToArray();
        return parts.Length == 4 && parts.All(double.IsFinite) && parts[2] > parts[0] && parts[3] > parts[1]
            ? new Envelope(parts[0], parts[2], parts[1], parts[3])
            : throw new InputException($"范围“{text}”无效（extent must be minX,minY,maxX,maxY）。", "extent 请写成 EPSG:4545 米坐标 minX,minY,maxX,maxY。 Give minX,minY,maxX,maxY in EPSG:4545 metres.");
    }

    private static T ParseEnum<T>(string? text, T fallback, string name, string allowed) where T : struct, Enum =>
        string.IsNullOrWhiteSpace(text) ? fallback
        : Enum.TryParse<T>(text.Trim(), ignoreCase: true, out var value) && Enum.IsDefined(value) && !int.TryParse(text, out _) ? value
        : throw new InputException($"{name} 的值“{text}”无法识别。", $"请填写 {allowed} 之一。 Use one of {allowed}.");
}
