using System.Diagnostics;
using SpatialPlan.Core.Checks;
using SpatialPlan.Core.Layers;
using SpatialPlan.Core.Sources;
using SpatialPlan.Core.Styles;
using SpatialPlan.Rendering.Reports;

namespace SpatialPlan.Cli.Commands;

/// <summary>
/// <c>check --pdf FILE</c>: the signable report PDF (SpatialPlan.Rendering) of the very report the table, JSON or CSV
/// printed, drawn over the same loaded layers; the note names its 报告编号.
/// </summary>
internal static class ReportPdf
{
    /// <summary>Fails before the check when the PDF cannot be written there.</summary>
    public static void CheckPath(string path)
    {
        if (!string.Equals(Path.GetExtension(path), ".pdf", StringComparison.OrdinalIgnoreCase))
        {
            throw new InputException($"--pdf “{path}” 不是 .pdf 文件名（the report is a PDF）。", "用 .pdf 结尾，例如 --pdf report.pdf。End the file name in .pdf.");
        }

        RenderCommand.CheckFolder(path);
    }

    /// <summary>Renders and writes the report, then says what was written on <paramref name="note"/>.</summary>
    public static void Write(CheckReport report, string footprintPath, LayerStore store, string pdfPath, TextWriter note)
    {
        var name = report.Project.Name ?? Path.GetFileNameWithoutExtension(footprintPath);
        var renderer = new CheckReportRenderer(store, StyleBook.Load(store.Catalog.DataDirectory));
        var clock = Stopwatch.StartNew();
        using var buffer = new MemoryStream();
        var pages = renderer.Render(report, name, buffer);
        clock.Stop();
        RenderCommand.WriteFile(pdfPath, buffer);
        note.WriteLine($"已写出核查报告 {Path.GetFullPath(pdfPath)}（报告编号 {report.ReportNumber}，PDF，{pages} 页，{RenderCommand.Kb(buffer.Length)}，用时 {clock.ElapsedMilliseconds} ms）。" +
            $"Report {report.ReportNumber} written: {pages} pages.");
    }
}
