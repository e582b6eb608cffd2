using System.CommandLine;
using System.Text.Json;
using SpatialPlan.Records.Auditing;

namespace SpatialPlan.Cli.Commands;

/// <summary>
/// <c>spatialplan audit verify</c>: recomputes the audit trail's hash chain and checks every record against it; exit 0
/// when it holds, 3 when it is broken (naming the first broken entry). <c>spatialplan audit export --from --to</c>: CSV.
/// </summary>
internal static class AuditCommand
{
    /// <summary>Exit code of a broken audit trail.</summary>
    public const int Broken = 3;

    public static Command Create() => new("audit", "留痕：核验哈希链，导出 CSV。The audit trail: verify the hash chain, export CSV.") { Verify(), Export() };

    private static Command Verify()
    {
        var data = CommonOptions.Data();
        var database = RecordsContext.Database();
        var command = new Command("verify", "重新计算留痕哈希链并核对台账；完好退出码 0，被破坏退出码 3 并指出第一条被破坏的记录。Verify the chain (exit 0 intact, 3 broken).")
        {
            data, database,
        };
        command.SetAction(parsed =>
        {
            var (_, store) = RecordsContext.Open(parsed.GetValue(data), parsed.GetValue(database));
            using (store)
            {
                var result = new AuditLog(store).Verify();
                if (result.Intact)
                {
                    parsed.InvocationConfiguration.Output.WriteLine(result.ToString());
                    return ExitCodes.Ok;
                }

                parsed.InvocationConfiguration.Error.WriteLine(result.ToString());
                parsed.InvocationConfiguration.Output.WriteLine(JsonSerializer.Serialize(new AuditBrokenPayload(false, result.FirstBrokenSeq, result.ProblemZh, result.ProblemEn), CliJson.Records.AuditBrokenPayload));
                return Broken;
            }
        });
        return command;
    }

    private static Command Export()
    {
        var from = new Option<string?>("--from") { Description = "自该日（含，本地日期），yyyy-MM-dd。From this local date." };
        var to = new Option<string?>("--to") { Description = "至该日（含），yyyy-MM-dd。To this local date (inclusive)." };
        var output = new Option<string?>("--out") { Description = "写出的 CSV 文件；不给则写到标准输出。CSV file; default stdout." };
        var data = CommonOptions.Data();
        var database = RecordsContext.Database();
        var command = new Command("export", "导出留痕为 CSV（UTF-8，含重算哈希链所需的全部字段）。Export the audit trail as CSV.") { from, to, output, data, database };
        command.SetAction(parsed =>
        {
            var fromUtc = RecordsContext.Date(parsed.GetValue(from), "--from", endOfDay: false);
            var toUtc = RecordsContext.Date(parsed.GetValue(to), "--to", endOfDay: true);
            var path = parsed.GetValue(output);
            if (path is not null)
            {
                RenderCommand.CheckFolder(path);
            }

            var (_, store) = RecordsContext.Open(parsed.GetValue(data), parsed.GetValue(database));
            using (store)
            {
                var log = new AuditLog(store);
                var entries = log.Entries(fromUtc, toUtc);
                using var text = new StringWriter();
                AuditLog.WriteCsv(entries, text);
                var csv = text.ToString();
                if (path is null)
                {
                    parsed.InvocationConfiguration.Output.Write(csv);
                }
                else
                {
                    File.WriteAllText(path, csv, new System.Text.UTF8Encoding(false));
                    parsed.InvocationConfiguration.Error.WriteLine($"已写出 {entries.Count} 条留痕到 {Path.GetFullPath(path)}。");
                }

                log.Append(new AuditDraft(AuditActions.Export, "audit.csv", AuditHash.Sha256(csv),
                    JsonSerializer.Serialize(new AuditExportDetail(parsed.GetValue(from), parsed.GetValue(to), entries.Count), CliJson.Records.AuditExportDetail)), RecordsContext.User);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
