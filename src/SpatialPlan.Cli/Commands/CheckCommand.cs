using System.Collections.Concurrent;
using System.CommandLine;
using SpatialPlan.Cli.Output;
using SpatialPlan.Core.Checks;
using SpatialPlan.Core.Layers;
using SpatialPlan.Core.Sources;

namespace SpatialPlan.Cli.Commands;

/// <summary><c>spatialplan check &lt;footprint-file&gt;</c>: the site check, as a Chinese table, JSON or CSV; exit code from the verdict.</summary>
internal static class CheckCommand
{
    private static readonly string[] Formats = ["table", "json", "csv"];

    // One store + check per data directory and process: a single CLI run loads the layers once anyway, and
    // in-process callers (tests, a future batch command) must not re-read 100 000 parcels per check. The store is
    // kept so that a `--pdf FILE` option can hand the same loaded layers to Rendering's CheckReportRenderer.
    private static readonly ConcurrentDictionary<string, Lazy<LayerStore>> Stores = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, Lazy<SiteCheck>> Checks = new(StringComparer.Ordinal);

    public static Command Create()
    {
        var file = new Argument<string>("footprint-file")
        {
            Description = "项目占地文件：.geojson/.json、界址点 .txt/.csv 或 Shapefile .zip。Footprint file.",
        };
        var type = new Option<string?>("--type")
        {
            Description = $"项目类型（不给则用文件的 projectType 属性，再默认 urban）：{string.Join(" | ", Names.ProjectTypeNames)}。Project type.",
        };
        var nationalMajor = new Option<bool?>("--national-major") { Description = "国家重大项目（可写 --national-major false 覆盖文件属性）。A national major project." };
        var width = new Option<double?>("--width") { Description = "线状项目的宽度（米）。Full width in metres for a line footprint." };
        var radius = new Option<double?>("--radius") { Description = "点状项目的半径（米）。Radius in metres for a point footprint." };
        var crs = CommonOptions.Crs();
        var format = new Option<string?>("--format") { Description = "输出格式 table | json | csv（默认 table）。Output format." };
        var data = CommonOptions.Data();
        var buffer = new Option<double?>("--buffer") { Description = "覆盖各管控区的缓冲距离（米）。Overrides every zone's buffer (m)." };
        var pdf = new Option<string?>("--pdf") { Description = "另外写出冲突核查报告 PDF 到此文件。Also write the conflict report PDF to this file." };

        var command = new Command("check", "检查项目占地与生态保护红线、永久基本农田、湿地、城镇开发边界等的冲突。Check a footprint against the protected zones.")
        {
            file, type, nationalMajor, width, radius, crs, format, data, buffer, pdf,
        };
        command.SetAction(parsed =>
        {
            var given = new ProjectSettings(ParseType(parsed.GetValue(type)), parsed.GetValue(nationalMajor), parsed.GetValue(width), parsed.GetValue(radius));
            var epsg = CommonOptions.ParseEpsg(parsed.GetValue(crs));
            var bufferM = parsed.GetValue(buffer);
            if (bufferM is < 0 or > 50_000)
            {
                throw new InputException($"--buffer {bufferM} 米不合理。", "给出 0 到 50000 米之间的缓冲距离。");
            }

            var output = CommonOptions.ParseFormat(parsed.GetValue(format), Formats);
            var pdfPath = parsed.GetValue(pdf);
            if (pdfPath is not null)
            {
                ReportPdf.CheckPath(pdfPath);
            }

            var report = Run(parsed.GetValue(file)!, given, epsg, bufferM, parsed.GetValue(data));
            var config = parsed.InvocationConfiguration;
            Write(report, output, config.Output, parsed.GetValue(file)!);
            if (pdfPath is not null)
            {
                // json/csv keep stdout machine-readable: the note goes to stderr there.
                var note = output == "table" ? config.Output : config.Error;
                ReportPdf.Write(report, parsed.GetValue(file)!, Load(parsed.GetValue(data)).Store, pdfPath, note);
            }
            return ExitCodeOf(report.Verdict);
        });
        return command;
    }

    /// <summary>Loads the footprint and the data directory and runs the check; the file's project properties fill what <paramref name="given"/> leaves null.</summary>
    public static CheckReport Run(string path, ProjectSettings given, int? declaredEpsg, double? bufferOverrideM, string? dataDir)
    {
        var load = FeatureFileReader.Read(path, new ReadOptions(declaredEpsg));
        return Load(dataDir).Check.Run(load, given, declaredEpsg, bufferOverrideM);
    }

    /// <summary>The layers of a data directory (resolved as for <c>--data</c>), loaded once per process; layers load on first use.</summary>
    public static LayerStore Store(string? dataDir)
    {
        var dir = DataDirectory.Resolve(dataDir);
        return Stores.GetOrAdd(dir, d => new Lazy<LayerStore>(() => new LayerStore(LayerCatalog.Load(d)))).Value;
    }

    /// <summary>The store and the site check over it (zone layers and policy.json loaded), once per process.</summary>
    public static (LayerStore Store, SiteCheck Check) Load(string? dataDir)
    {
        var dir = DataDirectory.Resolve(dataDir);
        var store = Store(dir);
        return (store, Checks.GetOrAdd(dir, _ => new Lazy<SiteCheck>(() => SiteCheck.From(store))).Value);
    }

    public static int ExitCodeOf(Verdict verdict) => verdict switch
    {
        Verdict.Prohibited => ExitCodes.Prohibited,
        Verdict.ApprovalRequired => ExitCodes.ApprovalRequired,
        _ => ExitCodes.Ok,
    };

    private static void Write(CheckReport report, string format, TextWriter output, string path)
    {
        switch (format)
        {
            case "json":
                output.WriteLine(CheckReportJson.Serialize(report));
                break;
            case "csv":
                // The BOM is for Excel; a redirected stdout keeps it so the saved file opens correctly.
                output.Write('\uFEFF');
                output.Write(CheckReportCsv.ToCsv(report));
                break;
            default:
                CheckReportTable.Write(report, Path.GetFileName(path), output);
                break;
        }
    }

    private static ProjectType? ParseType(string? text) =>
        text is null ? null
        : Names.ParseProjectType(text) ?? throw new InputException($"--type “{text}” 不是已知的项目类型（unknown project type）。",
            $"可用：{string.Join("、", Names.ProjectTypeNames)}（城镇、线性、农业、生态、旅游、其他）。");
}
