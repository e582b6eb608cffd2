using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using NetTopologySuite.Geometries;
using SpatialPlan.Core.Crs;
using SpatialPlan.Core.Layers;
using SpatialPlan.Core.Measurement;
using SpatialPlan.Core.Sources;

namespace SpatialPlan.Cli.Commands;

/// <summary>
/// <c>spatialplan validate &lt;file&gt;</c>: reads a file as the check would and says whether its geometry is valid,
/// which CRS it took and why, whether the axes were swapped, and the repairs it would make. Exit 0 when readable.
/// The file is judged against the data folder's area (<c>--data</c>, else the one found as for <c>check</c>) and measured in
/// its working CRS. With no data folder at all, coordinates anywhere in China are accepted, Gauss-Kruger eastings without
/// zone prefix need <c>--crs</c>, and the file is measured in the 3-degree zone of its own centre; the output says so.
/// </summary>
internal static class ValidateCommand
{
    private static readonly string[] Formats = ["table", "json"];

    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "要检查的文件。The file to validate." };
        var crs = CommonOptions.Crs();
        var format = new Option<string?>("--format") { Description = "输出格式 table | json（默认 table）。Output format." };
        var data = CommonOptions.Data();
        var command = new Command("validate", "检查文件能否读取：几何是否有效、坐标系、坐标轴、需要的修复。Validate a feature file.") { file, crs, format, data };
        command.SetAction(parsed =>
        {
            var output = CommonOptions.ParseFormat(parsed.GetValue(format), Formats);
            var path = parsed.GetValue(file)!;
            var declared = CommonOptions.ParseEpsg(parsed.GetValue(crs));
            var area = AreaOf(parsed.GetValue(data));
            var load = FeatureFileReader.Read(path, new ReadOptions(declared) { Area = area });
            var o = parsed.InvocationConfiguration.Output;
            var summary = Summarize(load, area);
            if (output == "json")
            {
                WriteJson(path, load, summary, o);
            }
            else
            {
                WriteText(path, load, summary, o);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The data area of <c>--data</c> (an error when that folder is not one), else of the folder <c>check</c> would find,
    /// else none (<see cref="DataArea.China"/>).</summary>
    private static DataArea AreaOf(string? dataDir)
    {
        string dir;
        try
        {
            dir = DataDirectory.Resolve(dataDir);
        }
        catch (InputException) when (string.IsNullOrWhiteSpace(dataDir))
        {
            return DataArea.China;
        }

        return CheckCommand.Store(dir).Catalog.DataArea;
    }

    private static Summary Summarize(FeatureLoadResult load, DataArea area)
    {
        var types = string.Join("、", load.Features.Select(f => f.Geometry.GeometryType).Distinct());
        var envelope = new Envelope();
        foreach (var f in load.Features)
        {
            envelope.ExpandToInclude(f.Geometry.EnvelopeInternal);
        }

        var zone = area.ZoneFor(envelope);
        var gk = load.Features.Select(f => CrsTransformer.Transform(f.Geometry, Epsg.Cgcs2000, zone.Epsg)).ToList();
        var areaM2 = gk.Where(g => g is IPolygonal).Sum(PlanarMeasure.AreaM2);
        var length = gk.Where(g => g is ILineal).Sum(PlanarMeasure.LengthM);
        var measuredIn = area.WorkingCrs is not null
            ? $"{zone.Name}（{area.NameZh}的工作坐标系，{zone.DescribeZh}）"
            : $"{zone.Name}（未找到数据目录：按文件中心所在的 3 度带，{zone.DescribeZh}）";
        return new Summary(load.Repairs.Count == 0, types, areaM2, length, zone.Name, measuredIn);
    }

    private static void WriteText(string path, FeatureLoadResult load, Summary s, TextWriter o)
    {
        o.WriteLine($"文件：{Path.GetFileName(path)}");
        o.WriteLine($"几何有效：{(s.Valid ? "是" : $"否（读取时做了 {load.Repairs.Count} 处修复，见下）")}");
        o.WriteLine($"要素：{load.Features.Count} 个（{s.Types}）");
        o.WriteLine($"坐标系：{Epsg.Name(load.SourceEpsg)} — {Output.CheckReportTable.ChineseOnly(load.CrsReasonZh)}");
        o.WriteLine($"坐标轴交换：{(load.AxesSwapped ? "是（X 为北坐标、Y 为东坐标，已交换为 GIS 顺序）" : "否")}");
        if (s.AreaM2 > 0)
        {
            o.WriteLine($"面积：{AreaUnits.ToMu(s.AreaM2):N2} 亩 = {AreaUnits.ToHectares(s.AreaM2):N4} 公顷 = {s.AreaM2:N1} 平方米");
        }

        if (s.LengthM > 0)
        {
            o.WriteLine($"长度：{s.LengthM:N1} 米");
        }

        if (s.AreaM2 > 0 || s.LengthM > 0)
        {
            o.WriteLine($"量算坐标系：{s.MeasuredInZh}");
        }

        foreach (var r in load.Repairs)
        {
            o.WriteLine($"修复：第 {r.FeatureIndex + 1} 个要素 {r.Problem} → {r.Action}{(r.AreaChangeM2 is { } d ? $"（面积变化 {d:N2} 平方米）" : string.Empty)}");
        }
    }

    private static void WriteJson(string path, FeatureLoadResult load, Summary s, TextWriter o)
    {
        var payload = new ValidatePayload(Path.GetFileName(path), s.Valid, load.Features.Count, s.Types, Epsg.Name(load.SourceEpsg), load.CrsReasonZh,
            load.AxesSwapped, s.AreaM2, s.LengthM, s.MeasuredCrs, s.MeasuredInZh,
            load.Repairs.Select(r => new RepairPayload(r.FeatureIndex, r.Problem, r.Action, r.AreaChangeM2)));
        o.WriteLine(JsonSerializer.Serialize(payload, CliJson.Indented.ValidatePayload));
    }

    private sealed record Summary(bool Valid, string Types, double AreaM2, double LengthM, string MeasuredCrs, string MeasuredInZh);
}
