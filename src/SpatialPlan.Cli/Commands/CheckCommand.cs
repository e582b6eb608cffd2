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
    private static readonly string[] Formats = ["table", "json", "csv", "jsonl"];

    // One store + check per data directory and process: a single CLI run loads the layers once anyway, and
    // in-process callers (tests, a future batch command) must not re-read 100 000 parcels per check. The store is
    // kept so that a `--pdf FILE` option can hand the same loaded layers to Rendering's CheckReportRenderer.
    private static readonly ConcurrentDictionary<string, Lazy<LayerStore>> Stores = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, Lazy<SiteCheck>> Checks = new(StringComparer.Ordinal);

    public static Command Create()
    {
        var file = new Argument<string[]>("footprint-file")
        {
            Description = "项目占地文件：.geojson/.json、界址点 .txt/.csv 或 Shapefile .zip；多个文件时用 --format jsonl。Footprint file(s).",
            Arity = ArgumentArity.OneOrMore,
        };

        // Several files may follow `check`, so an unknown option would read as one more file: refuse it as what it is.
        file.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(t => t.Value.StartsWith('-') && t.Value.Length > 1))
            {
                result.AddError($"未知选项 {token.Value}（unknown option）。");
            }
        });
        var type = new Option<string?>("--type")
        {
            Description = "项目类型（必填；不给则用文件的 projectType 属性），见 spatialplan kinds，例如 linear-infrastructure。Project kind (required).",
        };
        var major = new Option<string[]>("--major")
        {
            Description = "重大项目类别（可重复，每个只解除其所属清单的管控区），见 spatialplan kinds，例如 --major farmland-transport。Major-project category (repeatable).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var nationalMajor = new Option<bool?>("--national-major")
        {
            Description = "已停用：法律有三份不同的重大项目清单，请改用 --major。Retired: use --major.",
        };
        var name = new Option<string?>("--name") { Description = "项目名称（不给则用文件的 projectName 属性）。Project name." };
        var builder = new Option<string?>("--builder") { Description = "建设单位。The developer." };
        var code = new Option<string?>("--project-code") { Description = "项目代码（投资项目在线审批监管平台）。Project code." };
        var width = new Option<double?>("--width") { Description = "线状项目的宽度（米）。Full width in metres for a line footprint." };
        var radius = new Option<double?>("--radius") { Description = "点状项目的半径（米）。Radius in metres for a point footprint." };
        var crs = CommonOptions.Crs();
        var format = new Option<string?>("--format")
        {
            Description = "输出格式 table | json | csv | jsonl（默认 table；jsonl：每个文件一行 JSON，可一次核查多个文件）。Output format.",
        };
        var data = CommonOptions.Data();
        var proximity = new Option<double?>("--proximity", "--buffer")
        {
            Description = "覆盖各管控区的邻近提示距离（米，系统设置，非法定）。Overrides every zone's proximity distance (m, a setting, not law).",
        };
        var pdf = new Option<string?>("--pdf") { Description = "另外写出核查报告 PDF 到此文件。Also write the report PDF to this file." };
        // issue 9 §3: the footprint, the overlap pieces and the nearby features as GIS layers (ExportLayers.cs).
        var export = new Option<string?>("--export")
        {
            Description = "另外把占地范围、占用图斑和邻近要素写成 GIS 图层：FILE.gpkg | FILE.shp.zip（工作坐标系，含 .prj）| FILE.geojson（EPSG:4490）。Also write the layers.",
        };
        var sheet = new CheckSheet(); // --sheet FILE.pdf|png and its --paper --orientation --title --unit --lang (issue 9 §1)

        var command = new Command("check", "检查项目占地与生态保护红线、永久基本农田、湿地、城镇开发边界等管控要素的关系。Check a footprint against the protected zones.")
        {
            file, type, major, nationalMajor, name, builder, code, width, radius, crs, format, data, proximity, pdf, export,
        };
        foreach (var option in sheet.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(parsed =>
        {
            var majors = parsed.GetValue(major) is { Length: > 0 } m ? m.SelectMany(x => x.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToList() : null;
            var given = new ProjectSettings(parsed.GetValue(type), majors, parsed.GetValue(nationalMajor), parsed.GetValue(width), parsed.GetValue(radius),
                parsed.GetValue(name), parsed.GetValue(builder), parsed.GetValue(code));
            var epsg = CommonOptions.ParseEpsg(parsed.GetValue(crs));
            var proximityM = parsed.GetValue(proximity);
            if (proximityM is { } p && (!double.IsFinite(p) || p < 0 || p > 50_000))
            {
                throw new InputException($"--proximity（--buffer）{proximityM} 米不合理。", "给出 0 到 50000 米之间的邻近提示距离。Give 0 to 50 000 m.");
            }

            var output = CommonOptions.ParseFormat(parsed.GetValue(format), Formats);
            var paths = parsed.GetValue(file)!;
            var pdfPath = parsed.GetValue(pdf);
            var sheetOut = sheet.Read(parsed);
            var english = sheet.English(parsed); // a bad --lang is exit 2 before the check runs
            if (output == "jsonl")
            {
                if (sheetOut is not null)
                {
                    throw new InputException("--sheet 不能与 --format jsonl 同用（one sheet per footprint）。", "逐个文件核查并各写一张图，或去掉 --sheet。");
                }

                if (pdfPath is not null || parsed.GetValue(export) is not null)
                {
                    throw new InputException($"{(pdfPath is not null ? "--pdf" : "--export")} 不能与 --format jsonl 同用（one file per footprint）。",
                        "逐个文件核查并各写一份，或去掉该选项。");
                }

                return RunLines(paths, given, epsg, proximityM, parsed.GetValue(data), parsed.InvocationConfiguration.Output);
            }

            if (paths.Length > 1)
            {
                throw new InputException($"给了 {paths.Length} 个文件，而 --format {output} 一次只写一份报告（several files need --format jsonl）。",
                    "一次核查多个文件请加 --format jsonl（每个文件一行 JSON），或每次只给一个文件。");
            }

            if (pdfPath is not null)
            {
                ReportPdf.CheckPath(pdfPath);
            }

            var exportPath = parsed.GetValue(export);
            var exportFormat = exportPath is null ? (Core.Export.ExportFormat?)null : ExportLayers.CheckPath(exportPath);
            var path = paths[0];
            var report = Run(path, given, epsg, proximityM, parsed.GetValue(data));
            var config = parsed.InvocationConfiguration;
            RecordsAudit.Check(parsed.GetValue(data), report, output, pdfPath, config.Error); // 留痕 (issue 11): every check
            Write(report, output, config.Output, path, english);
            Core.Diagnostics.StageTrace.Mark("report written");
            if (pdfPath is not null)
            {
                // json/csv keep stdout machine-readable: the note goes to stderr there.
                var note = output == "table" ? config.Output : config.Error;
                ReportPdf.Write(report, path, Load(parsed.GetValue(data)).Store, pdfPath, note);
            }

            if (exportPath is not null)
            {
                ExportLayers.Write(report, exportPath, exportFormat!.Value, output == "table" ? config.Output : config.Error, english);
            }

            if (sheetOut is { } s)
            {
                CheckSheet.Write(report, path, Load(parsed.GetValue(data)).Store, s.Path, s.Request, output == "table" ? config.Output : config.Error);
            }

            return ExitCodeOf(report.Verdict);
        });
        return command;
    }

    /// <summary>Loads the footprint and the data directory and runs the check; the file's project properties fill what <paramref name="given"/> leaves null.</summary>
    public static CheckReport Run(string path, ProjectSettings given, int? declaredEpsg, double? proximityOverrideM, string? dataDir)
    {
        Core.Diagnostics.StageTrace.Mark("command line parsed");
        var check = Load(dataDir).Check;
        check.CheckGiven(given);
        var load = FeatureFileReader.Read(path, new ReadOptions(declaredEpsg) { Area = check.Area });
        Core.Diagnostics.StageTrace.Mark("footprint read");
        var report = check.Run(load, given, CheckInput.OfFile(path), declaredEpsg, proximityOverrideM);
        Core.Diagnostics.StageTrace.Mark("check run");
        return report;
    }

    /// <summary>
    /// <c>--format jsonl</c>: checks every file in one process and writes one line per file, in input order — the report
    /// (the fields of <c>--format json</c>) or, for a file that cannot be checked, <c>{"file", "error": {"message", "fix"}}</c>.
    /// The batch never stops at a bad file. Exit code: 2 when any file failed, else the worst verdict's.
    /// </summary>
    public static int RunLines(IReadOnlyList<string> paths, ProjectSettings given, int? declaredEpsg, double? proximityOverrideM, string? dataDir, TextWriter output)
    {
        // A data folder or option that cannot work is everyone's problem: exit 2 before any line.
        Load(dataDir).Check.CheckGiven(given);
        var worst = Verdict.Clear;
        var failed = false;
        foreach (var path in paths)
        {
            try
            {
                var report = Run(path, given, declaredEpsg, proximityOverrideM, dataDir);
                worst = report.Verdict > worst ? report.Verdict : worst;
                output.WriteLine(CheckReportJson.Serialize(report, indented: false));
            }
            catch (InputException e)
            {
                failed = true;
                output.WriteLine(ErrorLine(path, e.Message, e.Problem, e.Fix));
            }
        }

        return failed ? ExitCodes.BadInput : ExitCodeOf(worst);
    }

    private static string ErrorLine(string path, string text, string problem, string fix)
    {
        using var stream = new MemoryStream();
        using (var w = new System.Text.Json.Utf8JsonWriter(stream, new System.Text.Json.JsonWriterOptions
        {
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
        }))
        {
            w.WriteStartObject();
            w.WriteString("file", path);
            w.WriteStartObject("error");
            w.WriteString("message", text);
            w.WriteString("problem", problem);
            w.WriteString("fix", fix);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
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

    private static void Write(CheckReport report, string format, TextWriter output, string path, bool english)
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
                CheckReportTable.Write(report, Path.GetFileName(path), output, english);
                break;
        }
    }
}
