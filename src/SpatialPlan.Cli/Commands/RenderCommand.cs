using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using NetTopologySuite.Geometries;
using SpatialPlan.Core.Layers;
using SpatialPlan.Core.Sources;
using SpatialPlan.Core.Styles;
using SpatialPlan.Rendering.Sheets;

namespace SpatialPlan.Cli.Commands;

/// <summary><c>spatialplan render --out FILE.pdf|FILE.png</c>: a map sheet of the catalog's layers, the same renderer as the web app's export.</summary>
internal static class RenderCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "输出文件 .pdf 或 .png（按扩展名决定格式）。Output file; the extension decides the format.", Required = true };
        var layers = new Option<string?>("--layers") { Description = "图层 id，逗号分隔（默认 catalog 中可见的图层）。Comma-separated layer ids; default the visible ones." };
        var bbox = new Option<string?>("--bbox") { Description = "范围 minLon,minLat,maxLon,maxLat（EPSG:4490 经纬度）。Extent in EPSG:4490 lon/lat." };
        var title = new Option<string?>("--title") { Description = "图名（默认 catalog 标题）。Sheet title." };
        var subtitle = new Option<string?>("--subtitle") { Description = "副标题。Subtitle." };
        var paper = new Option<string?>("--paper") { Description = "纸张 A4 | A3（默认 A3）。Paper size." };
        var orientation = new Option<string?>("--orientation") { Description = "landscape | portrait（默认 landscape）。Orientation." };
        var dpi = new Option<int?>("--dpi") { Description = "PNG 分辨率 36–600（默认 150）。PNG resolution." };
        var unit = new Option<string?>("--unit") { Description = "制图单位，印在图上（默认留空待填）。Mapping unit printed on the sheet." };
        var lang = new Option<string?>("--lang") { Description = "图面语言 zh | en（默认 zh）。Language of the sheet's legend and notes." };
        var data = CommonOptions.Data();

        var command = new Command("render", "输出规划要素图（PDF 矢量图或 PNG）。Render a map sheet as PDF or PNG.")
        {
            output, layers, bbox, title, subtitle, paper, orientation, dpi, unit, lang, data,
        };
        command.SetAction((parsed, cancellationToken) =>
        {
            var path = parsed.GetValue(output)!;
            var request = new MapSheetRequest
            {
                Title = Blank(parsed.GetValue(title)),
                Subtitle = Blank(parsed.GetValue(subtitle)),
                LayerIds = ParseLayers(parsed.GetValue(layers)),
                Bbox4490 = ParseBbox(parsed.GetValue(bbox)),
                Paper = ParsePaper(parsed.GetValue(paper)),
                Orientation = ParseOrientation(parsed.GetValue(orientation)),
                Format = FormatOf(path),
                Dpi = ParseDpi(parsed.GetValue(dpi)),
                Unit = parsed.GetValue(unit),
                Language = ParseLanguage(parsed.GetValue(lang)),
            };
            Render(path, request, parsed.GetValue(data), parsed.InvocationConfiguration.Output, cancellationToken);
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }

    private static void Render(string path, MapSheetRequest request, string? dataDir, TextWriter stdout, CancellationToken cancellationToken)
    {
        CheckFolder(path);
        // Only the layers the sheet shows are loaded; a map sheet needs no policy.json.
        var store = CheckCommand.Store(dataDir);
        if (request.Bbox4490 is { } bbox && !store.Catalog.DataArea.Reaches(bbox))
        {
            var area = store.Catalog.DataArea;
            throw new InputException(
                string.Create(CultureInfo.InvariantCulture,
                    $"--bbox {bbox.MinX:0.###},{bbox.MinY:0.###},{bbox.MaxX:0.###},{bbox.MaxY:0.###} 不在{area.NameZh}附近（{area.Describe()}）（the box does not reach {area.NameEn}）。"),
                "按 minLon,minLat,maxLon,maxLat 的顺序给出数据区附近的 EPSG:4490（CGCS2000）经纬度（度），或不给 --bbox 让图幅按图层范围取景。");
        }

        foreach (var id in request.LayerIds ?? [])
        {
            _ = store.Catalog.Find(id) ?? throw new InputException($"--layers 中的图层“{id}”不存在（unknown layer id）。",
                $"可用的图层：{string.Join(", ", store.Catalog.Layers.Select(l => l.Id))}（spatialplan layers 可列出）。");
        }

        var renderer = new MapSheetRenderer(store, StyleBook.Load(store.Catalog.DataDirectory));
        var clock = Stopwatch.StartNew();
        using var buffer = new MemoryStream();
        var result = renderer.Render(request, buffer, cancellationToken);
        clock.Stop();
        WriteFile(path, buffer);

        var full = Path.GetFullPath(path);
        stdout.WriteLine($"已写出 {full}（{(request.Format == SheetFormat.Pdf ? "PDF" : $"PNG {request.Dpi} dpi")}，{Kb(buffer.Length)}）");
        stdout.WriteLine($"比例尺 scale：{MapScale.Format(result.ScaleDenominator)}；纸张 paper：{request.Paper} {OrientationZh(request.Orientation)}");
        stdout.WriteLine($"图层 layers（{result.LayerIds.Count}）：{string.Join(", ", result.LayerIds)}");
        stdout.WriteLine(result.Schematic ? "已标注「示意数据」（a schematic layer is shown）" : "未标注「示意数据」（no schematic layer shown）");
        stdout.WriteLine($"要素 features：{result.FeatureCount}；渲染用时 render time：{clock.ElapsedMilliseconds} ms");
    }

    /// <summary>Writes the rendered bytes; a path that cannot be written is the planner's error, not ours.</summary>
    internal static void WriteFile(string path, MemoryStream content)
    {
        try
        {
            using var file = new FileStream(path, FileMode.Create, FileAccess.Write);
            content.Position = 0;
            content.CopyTo(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new InputException($"无法写入 {path}（cannot write the file: {e.Message}）。",
                "检查目录是否存在、是否有写权限、文件是否被其他程序打开。Check that the folder exists and is writable.");
        }
    }

    /// <summary>Fails before the (slow) render when the output's folder does not exist.</summary>
    internal static void CheckFolder(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null && !Directory.Exists(folder))
        {
            throw new InputException($"无法写入 {path}：目录 {folder} 不存在（the output folder does not exist）。",
                "先创建该目录，或换一个输出路径。Create the folder or choose another path.");
        }
    }

    internal static string Kb(long bytes) => bytes >= 1024 * 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024.0:0.00} MB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.0} KB");

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static string OrientationZh(PageOrientation o) => o == PageOrientation.Portrait ? "纵向 portrait" : "横向 landscape";

    internal static SheetFormat FormatOf(string path, string option = "--out") => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".pdf" => SheetFormat.Pdf,
        ".png" => SheetFormat.Png,
        var ext => throw new InputException($"{option} 的扩展名“{ext}”不支持（unknown output format）。",
            $"用 .pdf（矢量，可复制文字）或 .png（位图）结尾，例如 {option} out/sheet.pdf。End the file name in .pdf or .png."),
    };

    internal static SheetLanguage ParseLanguage(string? text) => (text?.Trim().ToLowerInvariant()) switch
    {
        null or "" or "zh" or "zh-cn" or "中文" => SheetLanguage.Zh,
        "en" or "english" => SheetLanguage.En,
        _ => throw new InputException($"--lang “{text}” 不支持（unknown language）。", "可用：zh（中文，默认）、en（English）。"),
    };

    private static List<string>? ParseLayers(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var ids = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
        return ids.Count > 0 ? ids : null;
    }

    /// <summary>Parses <c>minLon,minLat,maxLon,maxLat</c> in EPSG:4490 degrees (<see cref="Render"/> checks it is near the data area).</summary>
    internal static Envelope? ParseBbox(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        const string Fix = "按 minLon,minLat,maxLon,maxLat 的顺序给出 EPSG:4490（CGCS2000）经纬度（度），例如 --bbox 106.6,40.5,107.6,41.3。" +
            "Give minLon,minLat,maxLon,maxLat in EPSG:4490 degrees.";
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var values = parts.Select(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : (double?)null).ToList();
        if (values.Count != 4 || values.Any(v => v is null))
        {
            throw new InputException($"--bbox “{text}” 不是四个数（bbox needs four numbers）。", Fix);
        }

        double minLon = values[0]!.Value, minLat = values[1]!.Value, maxLon = values[2]!.Value, maxLat = values[3]!.Value;
        if (minLon is > 30 and < 60 && minLat is > 90 and < 130)
        {
            throw new InputException($"--bbox “{text}” 看起来把纬度写在了经度前（lat/lon swapped）。", Fix);
        }

        if (Math.Abs(minLon) > 180 || Math.Abs(maxLon) > 180 || Math.Abs(minLat) > 90 || Math.Abs(maxLat) > 90)
        {
            throw new InputException($"--bbox “{text}” 不是经纬度（not degrees; metres are not accepted here）。", Fix);
        }

        if (minLon >= maxLon || minLat >= maxLat)
        {
            throw new InputException($"--bbox “{text}” 的最小值不小于最大值（min must be less than max）。", Fix);
        }

        return new Envelope(minLon, maxLon, minLat, maxLat);
    }

    internal static Paper ParsePaper(string? text) => (text?.Trim().ToUpperInvariant()) switch
    {
        null or "" or "A3" => Paper.A3,
        "A4" => Paper.A4,
        _ => throw new InputException($"--paper “{text}” 不支持（unknown paper）。", "可用：A4、A3。"),
    };

    internal static PageOrientation ParseOrientation(string? text) => (text?.Trim().ToLowerInvariant()) switch
    {
        null or "" or "landscape" or "横向" => PageOrientation.Landscape,
        "portrait" or "纵向" => PageOrientation.Portrait,
        _ => throw new InputException($"--orientation “{text}” 不支持（unknown orientation）。", "可用：landscape（横向）、portrait（纵向）。"),
    };

    private static int ParseDpi(int? dpi) => dpi switch
    {
        null => 150,
        >= 36 and <= 600 => dpi.Value,
        _ => throw new InputException($"--dpi {dpi} 超出范围（DPI out of range）。", "给出 36 到 600 之间的分辨率，例如 --dpi 150。"),
    };
}
