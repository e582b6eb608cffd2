using System.Diagnostics;
using SpatialPlan.Core.Checks;
using SpatialPlan.Core.Export;
using SpatialPlan.Core.Sources;

namespace SpatialPlan.Cli.Commands;

/// <summary>
/// <c>check --export FILE.gpkg|FILE.shp.zip|FILE.geojson</c> (issue 9 §3): the footprint, the overlap pieces and the
/// nearby features of the very report the table, JSON or CSV printed, as GIS layers (Core's <see cref="CheckLayersWriter"/>).
/// </summary>
internal static class ExportLayers
{
    /// <summary>Fails before the check when the name says no format or the folder does not exist.</summary>
    public static ExportFormat CheckPath(string path)
    {
        var format = ExportFormats.FromPath(path);
        RenderCommand.CheckFolder(path);
        return format;
    }

    /// <summary>Writes the layers, then says what was written on <paramref name="note"/>.</summary>
    public static void Write(CheckReport report, string path, ExportFormat format, TextWriter note, bool english)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            CheckLayersWriter.Write(report, path, format);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"无法写入 {path}（cannot write the file: {e.Message}）。",
                "检查目录是否有写权限、文件是否被其他程序打开。Check that the folder is writable and the file is not open elsewhere.");
        }

        var layers = CheckLayers.Of(report);
        var counts = layers.ToDictionary(l => l.Name, l => l.Features.Count);
        var crs = format == ExportFormat.GeoJson ? "EPSG:4490" : report.Footprint.WorkingCrs.Name;
        note.WriteLine(english
            ? $"Layers written to {Path.GetFullPath(path)} ({crs}): footprint 1, overlaps {counts["overlaps"]}, nearby {counts["nearby"]}; {clock.ElapsedMilliseconds} ms."
            : $"已写出图层 {Path.GetFullPath(path)}（{crs}）：占地范围 footprint 1 个，占用图斑 overlaps {counts["overlaps"]} 个，邻近要素 nearby {counts["nearby"]} 个，用时 {clock.ElapsedMilliseconds} ms。");
    }
}
