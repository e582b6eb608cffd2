using System.CommandLine;
using System.Diagnostics;
using SpatialPlan.Core.Checks;
using SpatialPlan.Core.Layers;
using SpatialPlan.Core.Sources;
using SpatialPlan.Core.Styles;
using SpatialPlan.Rendering.CheckSheets;
using SpatialPlan.Rendering.Sheets;

namespace SpatialPlan.Cli.Commands;

/// <summary>
/// <c>check … --sheet FILE.pdf|FILE.png [--paper A4|A3] [--orientation landscape|portrait] [--title 图名] [--unit 制图单位]
/// [--lang zh|en]</c>: the check's map sheet for a meeting (会议出图, SpatialPlan.Rendering's CheckSheetRenderer), drawn over
/// the same loaded layers as the very report the table, JSON or CSV printed.
/// </summary>
internal sealed class CheckSheet
{
    public Option<string?> Sheet { get; } = new("--sheet") { Description = "另外写出本次核查的会议用图（.pdf 或 .png）。Also write the check's map sheet (PDF or PNG)." };

    public Option<string?> Paper { get; } = new("--paper") { Description = "会议用图纸张 A4 | A3（默认 A3）。Paper of the sheet." };

    public Option<string?> Orientation { get; } = new("--orientation") { Description = "会议用图方向 landscape | portrait（默认 landscape）。Orientation of the sheet." };

    public Option<string?> Title { get; } = new("--title") { Description = "会议用图图名（默认“项目名称选址核查图”）。Title of the sheet." };

    public Option<string?> Unit { get; } = new("--unit") { Description = "制图单位，印在图上（默认留空待填）。Mapping unit printed on the sheet." };

    public Option<string?> Lang { get; } = new("--lang") { Description = "输出语言 zh | en（默认 zh）：文字报告、导出图层的字段说明和会议用图。Language of the text report, the export notes and the sheet." };

    /// <summary><c>--lang en</c>: the text report (and the sheet) in English; JSON and CSV keep their ids either way.</summary>
    public bool English(ParseResult parsed) => RenderCommand.ParseLanguage(parsed.GetValue(Lang)) == SheetLanguage.En;

    public IEnumerable<Option> All => [Sheet, Paper, Orientation, Title, Unit, Lang];

    /// <summary>The sheet's path and settings, checked before the check runs (a bad value is exit 2 with nothing done); null without --sheet.</summary>
    public (string Path, CheckSheetRequest Request)? Read(ParseResult parsed)
    {
        var path = parsed.GetValue(Sheet);
        if (path is null)
        {
            foreach (var option in new[] { Paper, Orientation, Title, Unit })
            {
                if (parsed.GetValue(option) is not null)
                {
                    throw new InputException($"{option.Name} 只用于会议用图，需要 --sheet（{option.Name} needs --sheet）。", "加上 --sheet 图名.pdf，或去掉该选项。Add --sheet FILE.pdf or drop the option.");
                }
            }

            return null;
        }

        var request = new CheckSheetRequest
        {
            Format = RenderCommand.FormatOf(path, "--sheet"),
            Paper = RenderCommand.ParsePaper(parsed.GetValue(Paper)),
            Orientation = RenderCommand.ParseOrientation(parsed.GetValue(Orientation)),
            Title = string.IsNullOrWhiteSpace(parsed.GetValue(Title)) ? null : parsed.GetValue(Title),
            Unit = parsed.GetValue(Unit),
            Language = RenderCommand.ParseLanguage(parsed.GetValue(Lang)),
        };
        RenderCommand.CheckFolder(path);
        return (path, request);
    }

    /// <summary>Renders and writes the sheet, then says what was written on <paramref name="note"/>.</summary>
    public static void Write(CheckReport report, string footprintPath, LayerStore store, string path, CheckSheetRequest request, TextWriter note)
    {
        var name = report.Project.Name ?? Path.GetFileNameWithoutExtension(footprintPath);
        var renderer = new CheckSheetRenderer(store, StyleBook.Load(store.Catalog.DataDirectory));
        var clock = Stopwatch.StartNew();
        using var buffer = new MemoryStream();
        var result = renderer.Render(report, name, request, buffer);
        clock.Stop();
        RenderCommand.WriteFile(path, buffer);
        int details = result.Frames.Count(f => f.Kind == "detail");
        note.WriteLine(request.Language == SheetLanguage.En
            ? $"Map sheet written: {Path.GetFullPath(path)} ({request.Paper}, overview {MapScale.Format(result.ScaleDenominator)}, {details} detail frame(s), {RenderCommand.Kb(buffer.Length)}, {clock.ElapsedMilliseconds} ms)."
            : $"已写出会议用图 {Path.GetFullPath(path)}（{request.Paper}，总图 {MapScale.Format(result.ScaleDenominator)}，详图 {details} 幅，{RenderCommand.Kb(buffer.Length)}，用时 {clock.ElapsedMilliseconds} ms）。");
    }
}
