using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using SpatialPlan.Cli.Output;
using SpatialPlan.Core.Checks;
using SpatialPlan.Core.Sources;
using SpatialPlan.Records.Auditing;
using SpatialPlan.Records.Book;

namespace SpatialPlan.Cli.Commands;

/// <summary>
/// <c>spatialplan records list|show|save|withdraw|pdf</c>: the office's record (项目台账). Records are append-only: a
/// changed footprint (<c>save --record ID</c>) or a re-check makes a new version, withdrawing appends an event, and
/// nothing deletes.
/// </summary>
internal static class RecordsCommand
{
    private static readonly string[] ListFormats = ["table", "json", "csv"];
    private static readonly string[] ShowFormats = ["table", "json"];

    public static Command Create() => new("records", "项目台账：保存核查、查看版本、撤回（只可追加，不可删除）。The office's record of saved checks (append-only).")
    {
        List(), Show(), Save(), Withdraw(), Pdf(),
    };

    private static Command List()
    {
        var q = new Option<string?>("--q") { Description = "按项目名称、项目代码或建设单位查找。Search name, project code or builder." };
        var verdict = new Option<string?>("--verdict") { Description = "结论：clear | advisory | approval-required | prohibited。" };
        var kind = new Option<string?>("--kind") { Description = "项目类型，见 spatialplan kinds。Project kind." };
        var user = new Option<string?>("--user") { Description = "保存人。Saved by." };
        var from = new Option<string?>("--from") { Description = "自该日（含），yyyy-MM-dd。From this date." };
        var to = new Option<string?>("--to") { Description = "至该日（含），yyyy-MM-dd。To this date." };
        var live = new Option<bool>("--live") { Description = "不列已撤回的台账。Leave out withdrawn records." };
        var format = new Option<string?>("--format") { Description = "输出格式 table | json | csv（默认 table）。" };
        var data = CommonOptions.Data();
        var database = RecordsContext.Database();
        var command = new Command("list", "列出台账（每个项目的最新版本），并标出数据更新后结论可能变化的项目。List records.")
        {
            q, verdict, kind, user, from, to, live, format, data, database,
        };
        command.SetAction(parsed =>
        {
            var output = CommonOptions.ParseFormat(parsed.GetValue(format), ListFormats);
            var query = new RecordQuery(parsed.GetValue(q), parsed.GetValue(verdict), parsed.GetValue(kind),
                RecordsContext.Date(parsed.GetValue(from), "--from", endOfDay: false), RecordsContext.Date(parsed.GetValue(to), "--to", endOfDay: true),
                parsed.GetValue(user), !parsed.GetValue(live));
            var (dir, store) = RecordsContext.Open(parsed.GetValue(data), parsed.GetValue(database));
            using (store)
            {
                var current = SpatialPlan.Core.Checks.DataVersion.Compute(SpatialPlan.Core.Layers.LayerCatalog.Load(dir));
                var rows = new RecordBook(store).List(query, current);
                var o = parsed.InvocationConfiguration.Output;
                var affected = RecordJson.Affected(rows);
                switch (output)
                {
                    case "json":
                        o.WriteLine(JsonSerializer.Serialize(RecordJson.List(rows, current), RecordsContext.Json));
                        break;
                    case "csv":
                        o.Write('\uFEFF');
                        o.Write("id,version,projectName,builder,projectCode,kind,verdict,verdictZh,createdAt,updatedAt,user,dataVersion,withdrawn,dataUpdated\r\n");
                        foreach (var r in rows)
                        {
                            o.Write(string.Join(',', new[]
                            {
                                r.Id.ToString(CultureInfo.InvariantCulture), r.Version.ToString(CultureInfo.InvariantCulture), r.ProjectName, r.Builder, r.ProjectCode,
                                r.Kind, r.Verdict, r.VerdictZh, r.CreatedAt, r.UpdatedAt, r.User, r.DataVersion, r.Withdrawn ? "true" : "false", r.DataUpdated ? "true" : "false",
                            }.Select(RecordsContext.Csv)) + "\r\n");
                        }

                        break;
                    default:
                        WriteTable(rows, affected, store.Location.ToString(), o);
                        break;
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static void WriteTable(IReadOnlyList<RecordSummary> rows, int affected, string where, TextWriter o)
    {
        o.WriteLine($"项目台账（{where}）：{rows.Count} 个项目" + (affected > 0 ? $"；其中 {affected} 个{RecordJson.DataUpdatedZh}（用 spatialplan recheck 复核）" : string.Empty));
        if (rows.Count == 0)
        {
            return;
        }

        var table = new TextTable(["编号", "版本", "项目名称", "项目代码", "类型", "结论", "更新时间", "保存人", "状态"], [true, true, false, false, false, false, false, false, false]);
        foreach (var r in rows)
        {
            var state = r.Withdrawn ? "已撤回" : r.DataUpdated ? "数据已更新" : string.Empty;
            table.Add(r.Id.ToString(CultureInfo.InvariantCulture), r.Version.ToString(CultureInfo.InvariantCulture), r.ProjectName, r.ProjectCode ?? "—", r.Kind,
                r.VerdictZh, RecordsContext.Local(r.UpdatedAt), r.User, state);
        }

        table.WriteTo(o);
    }

    private static Command Show()
    {
        var id = new Argument<string>("id") { Description = "台账编号。Record id." };
        var version = new Option<int?>("--version") { Description = "版本号（默认最新）。Version (default: latest)." };
        var format = new Option<string?>("--format") { Description = "输出格式 table | json（默认 table）。json 含完整核查报告。" };
        var data = CommonOptions.Data();
        var database = RecordsContext.Database();
        var command = new Command("show", "查看一个台账：最新版本（或指定版本）、全部版本和事件。Show a record.") { id, version, format, data, database };
        command.SetAction(parsed =>
        {
            var output = CommonOptions.ParseFormat(parsed.GetValue(format), ShowFormats);
            var recordId = RecordsContext.Id(parsed.GetValue(id)!);
            var (dir, store) = RecordsContext.Open(parsed.GetValue(data), parsed.GetValue(database));
            using (store)
            {
                var book = new RecordBook(store);
                var detail = book.Get(recordId) ?? throw new RecordNotFoundException(recordId);
                var chosen = parsed.GetValue(version) is { } n
                    ? book.GetVersion(recordId, n) ?? throw new InputException($"台账 {recordId} 没有第 {n} 版（record {recordId} has no version {n}）。", $"可用版本：1–{detail.Latest.Version}。")
                    : detail.Latest;
                var current = SpatialPlan.Core.Checks.DataVersion.Compute(SpatialPlan.Core.Layers.LayerCatalog.Load(dir));
                var updated = detail.DataUpdated(current) && detail.Withdrawn is null;
                var o = parsed.InvocationConfiguration.Output;
                if (output == "json")
                {
                    using var report = JsonDocument.Parse(chosen.ReportJson!);
                    o.WriteLine(JsonSerializer.Serialize(new
                    {
                        id = recordId,
                        version = chosen.Version,
                        latestVersion = detail.Latest.Version,
                        projectName = chosen.ProjectName,
                        builder = chosen.Builder,
                        projectCode = chosen.ProjectCode,
                        verdict = chosen.Verdict,
                        verdictZh = chosen.VerdictZh,
                        createdAt = chosen.CreatedAt,
                        user = chosen.User,
                        reason = chosen.Reason,
                        dataVersion = chosen.DataVersion,
                        currentDataVersion = current,
                        dataUpdated = updated,
                        noticeZh = updated ? RecordJson.DataUpdatedZh : null,
                        withdrawn = RecordJson.Withdrawal(detail.Withdrawn),
                        versions = detail.Versions.Select(v => RecordJson.VersionLine(v)),
                        events = detail.Events.Select(RecordJson.Event),
                        report = report.RootElement,
                    }, RecordsContext.Json));
                    return ExitCodes.Ok;
                }

                o.WriteLine($"台账 {recordId}：{chosen.ProjectName}（第 {chosen.Version} 版，共 {detail.Latest.Version} 版）");
                o.WriteLine($"  建设单位：{chosen.Builder ?? "（未填）"}  项目代码：{chosen.ProjectCode ?? "（未填）"}  项目类型：{chosen.Kind}");
                o.WriteLine($"  结论：{chosen.VerdictZh}（{chosen.Verdict}）");
                o.WriteLine($"  文件：{chosen.SourceFileName}（SHA-256 {chosen.SourceSha256}，坐标系 {chosen.SourceCrs}）");
                o.WriteLine($"  数据版本：{chosen.DataVersion ?? "—"}；规则版本：{chosen.PolicyVersion}");
                if (updated)
                {
                    o.WriteLine($"  ⚠ {RecordJson.DataUpdatedZh}（当前数据版本 {current}；用 spatialplan recheck 复核）。Data updated: the verdict may change.");
                }

                if (detail.Withdrawn is { } withdrawn)
                {
                    o.WriteLine($"  已撤回：{RecordsContext.Local(withdrawn.At)}，{withdrawn.User}，原因：{withdrawn.Reason}");
                }

                o.WriteLine("  版本：");
                var table = new TextTable(["版本", "时间", "保存人", "原因", "结论", "数据版本"], [true, false, false, false, false, false]);
                foreach (var v in detail.Versions)
                {
                    table.Add(v.Version.ToString(CultureInfo.InvariantCulture), RecordsContext.Local(v.CreatedAt), v.User, ReasonZh(v.Reason), v.VerdictZh, (v.DataVersion ?? "—")[..Math.Min(12, (v.DataVersion ?? "—").Length)]);
                }

                table.WriteTo(o, "    ");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Save()
    {
        var file = new Argument<string>("footprint-file") { Description = "项目占地文件（同 check）。Footprint file (as for check)." };
        var name = new Option<string?>("--name") { Description = "项目名称（必填；不给则用文件的 projectName 属性）。Project name." };
        var builder = new Option<string?>("--builder") { Description = "建设单位。The developer." };
        var code = new Option<string?>("--project-code") { Description = "项目代码。Project code." };
        var type = new Option<string?>("--type") { Description = "项目类型（同 check）。Project kind." };
        var major = new Option<string[]>("--major") { Description = "重大项目类别（可重复）。Major-project category.", Arity = ArgumentArity.ZeroOrMore };
        var width = new Option<double?>("--width") { Description = "线状项目的宽度（米）。" };
        var radius = new Option<double?>("--radius") { Description = "点状项目的半径（米）。" };
        var crs = CommonOptions.Crs();
        var proximity = new Option<double?>("--proximity") { Description = "覆盖邻近提示距离（米）。" };
        var record = new Option<string?>("--record") { Description = "给已有台账添加新版本（用地范围有变化）。Append a version to this record." };
        var data = CommonOptions.Data();
        var database = RecordsContext.Database();
        var command = new Command("save", "核查并保存为台账（含原始文件、核查报告 JSON 与 PDF）。Check a footprint and save it as a record.")
        {
            file, name, builder, code, type, major, width, radius, crs, proximity, record, data, database,
        };
        command.SetAction(parsed =>
        {
            var majors = parsed.GetValue(major) is { Length: > 0 } m ? m.SelectMany(x => x.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToList() : null;
            var given = new GivenSettings(
                new ProjectSettings(parsed.GetValue(type), majors, null, parsed.GetValue(width), parsed.GetValue(radius), parsed.GetValue(name), parsed.GetValue(builder), parsed.GetValue(code)),
                CommonOptions.ParseEpsg(parsed.GetValue(crs)), parsed.GetValue(proximity));
            var recordId = parsed.GetValue(record) is { } r ? RecordsContext.Id(r) : (long?)null;
            var path = parsed.GetValue(file)!;
            var (dir, store) = RecordsContext.Open(parsed.GetValue(data), parsed.GetValue(database));
            using (store)
            {
                var maker = RecordsContext.Maker(dir);
                var bytes = ReadFile(path);
                var book = new RecordBook(store);
                if (recordId is { } existing)
                {
                    given = book.ForNewVersion(existing, given);
                }

                var draft = maker.Draft(maker.Check(bytes, Path.GetFileName(path), given));
                var saved = book.Save(draft, RecordsContext.User, recordId, recordId is null ? VersionReasons.Save : VersionReasons.Footprint);
                parsed.InvocationConfiguration.Output.WriteLine(JsonSerializer.Serialize(new SavedRecordPayload(saved.Id, saved.Version, saved.Verdict, saved.VerdictZh), CliJson.Records.SavedRecordPayload));
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Withdraw()
    {
        var id = new Argument<string>("id") { Description = "台账编号。Record id." };
        var reason = new Option<string?>("--reason") { Description = "撤回原因（必填）。Why (required)." };
        var data = CommonOptions.Data();
        var database = RecordsContext.Database();
        var command = new Command("withdraw", "撤回台账（标记为已撤回并记下原因；台账本身保留）。Mark a record withdrawn, with a reason.") { id, reason, data, database };
        command.SetAction(parsed =>
        {
            var recordId = RecordsContext.Id(parsed.GetValue(id)!);
            var (_, store) = RecordsContext.Open(parsed.GetValue(data), parsed.GetValue(database));
            using (store)
            {
                var ev = new RecordBook(store).Withdraw(recordId, parsed.GetValue(reason) ?? string.Empty, RecordsContext.User);
                parsed.InvocationConfiguration.Output.WriteLine($"台账 {recordId} 已撤回（第 {ev.Version} 版保留）。Record {recordId} withdrawn.");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Pdf()
    {
        var id = new Argument<string>("id") { Description = "台账编号。Record id." };
        var version = new Option<int?>("--version") { Description = "版本号（默认最新）。" };
        var output = new Option<string?>("--out") { Description = "写出的 PDF 文件（必填）。The PDF file to write.", Required = false };
        var data = CommonOptions.Data();
        var database = RecordsContext.Database();
        var command = new Command("pdf", "导出台账保存的核查报告 PDF（保存时的原件）。Export a record's stored report PDF.") { id, version, output, data, database };
        command.SetAction(parsed =>
        {
            var recordId = RecordsContext.Id(parsed.GetValue(id)!);
            var path = parsed.GetValue(output) ?? throw new InputException("缺少 --out（no output file）。", "用 --out report.pdf 指定写出的文件。");
            ReportPdf.CheckPath(path);
            var (_, store) = RecordsContext.Open(parsed.GetValue(data), parsed.GetValue(database));
            using (store)
            {
                var book = new RecordBook(store);
                var n = parsed.GetValue(version) ?? (book.Get(recordId) ?? throw new RecordNotFoundException(recordId)).Latest.Version;
                var v = book.GetVersion(recordId, n, withFiles: true) ?? throw new InputException($"台账 {recordId} 没有第 {n} 版。", "见 spatialplan records show。");
                File.WriteAllBytes(path, v.ReportPdf!);
                new AuditLog(store).Append(new AuditDraft(AuditActions.Export, $"record {recordId} v{n} report.pdf", v.PdfSha256,
                    JsonSerializer.Serialize(new { format = "pdf", file = Path.GetFullPath(path) }, RecordsContext.Json)), RecordsContext.User);
                parsed.InvocationConfiguration.Output.WriteLine($"已写出 {Path.GetFullPath(path)}（台账 {recordId} 第 {n} 版的核查报告）。");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static byte[] ReadFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new InputException($"找不到文件 {path}（file not found）。", "检查路径是否正确。Check the path.");
        }

        return File.ReadAllBytes(path);
    }

    internal static string ReasonZh(string reason) => reason switch
    {
        VersionReasons.Save => "保存",
        VersionReasons.Footprint => "用地范围变更",
        VersionReasons.Recheck => "复核（结果有变化）",
        _ => reason,
    };
}
