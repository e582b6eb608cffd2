using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using SpatialPlan.Cli.Output;
using SpatialPlan.Records.Book;

namespace SpatialPlan.Cli.Commands;

/// <summary>
/// <c>spatialplan recheck</c> (影响分析): re-runs the latest version of every live record against the current data and
/// rules and lists those whose verdict, conditions or overlap areas changed, old beside new. Each change appends a version.
/// JSON: <c>{"changed":[{"id","oldVerdict","newVerdict",…}],"unchanged":N,"failed":[…]}</c>.
/// </summary>
internal static class RecheckCommand
{
    private static readonly string[] Formats = ["table", "json", "csv"];

    public static Command Create()
    {
        var format = new Option<string?>("--format") { Description = "输出格式 table | json | csv（默认 table）。Output format." };
        var data = CommonOptions.Data();
        var database = RecordsContext.Database();
        var command = new Command("recheck", "规划数据或规则更新后，复核全部有效台账，列出结论、条件或重叠面积有变化的项目。Re-check every live record against the current data.")
        {
            format, data, database,
        };
        command.SetAction(parsed =>
        {
            var output = CommonOptions.ParseFormat(parsed.GetValue(format), Formats);
            var (dir, store) = RecordsContext.Open(parsed.GetValue(data), parsed.GetValue(database));
            using (store)
            {
                var summary = new Rechecker(new RecordBook(store), RecordsContext.Maker(dir)).RecheckAll(RecordsContext.User);
                Write(summary, output, parsed.InvocationConfiguration.Output);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static void Write(RecheckSummary summary, string format, TextWriter o)
    {
        var changed = summary.Changed.ToList();
        switch (format)
        {
            case "json":
                o.WriteLine(JsonSerializer.Serialize(new RecheckPayload(
                    changed.Select(r => new RecheckChangedPayload(r.Id, r.ProjectName, r.ProjectCode, r.OldVersion, r.NewVersion, r.OldVerdict, r.NewVerdict,
                        r.OldVerdictZh, r.NewVerdictZh, r.OldDataVersion, r.NewDataVersion,
                        r.Changes.Select(c => new RecheckChangePayload(c.Zone, c.What, c.Old, c.New, c.TextZh)))),
                    summary.Unchanged,
                    summary.Failed.Select(r => new RecheckFailedPayload(r.Id, r.ProjectName, r.ErrorZh)),
                    summary.DataVersion), CliJson.Records.RecheckPayload));
                break;
            case "csv":
                o.Write('\uFEFF');
                o.Write("id,projectName,projectCode,oldVersion,newVersion,oldVerdict,newVerdict,zone,what,old,new,change\r\n");
                foreach (var r in changed)
                {
                    foreach (var c in r.Changes)
                    {
                        o.Write(string.Join(',', new[]
                        {
                            r.Id.ToString(CultureInfo.InvariantCulture), r.ProjectName, r.ProjectCode, r.OldVersion.ToString(CultureInfo.InvariantCulture),
                            r.NewVersion?.ToString(CultureInfo.InvariantCulture), r.OldVerdict, r.NewVerdict, c.Zone, c.What, c.What == "conditions" ? null : c.Old,
                            c.What == "conditions" ? null : c.New, c.TextZh,
                        }.Select(RecordsContext.Csv)) + "\r\n");
                    }
                }

                break;
            default:
                o.WriteLine($"复核完成（数据版本 {summary.DataVersion ?? "—"}）：{changed.Count} 个项目有变化，{summary.Unchanged} 个无变化" +
                    (summary.Failed.Any() ? $"，{summary.Failed.Count()} 个无法复核" : string.Empty) + "。");
                if (changed.Count > 0)
                {
                    var table = new TextTable(["编号", "项目名称", "原结论", "新结论", "新版本", "变化"], [true, false, false, false, true, false]);
                    foreach (var r in changed)
                    {
                        table.Add(r.Id.ToString(CultureInfo.InvariantCulture), r.ProjectName, r.OldVerdictZh, r.NewVerdictZh ?? "—",
                            r.NewVersion?.ToString(CultureInfo.InvariantCulture) ?? "—", string.Join("；", r.Changes.Select(c => c.TextZh)));
                    }

                    table.WriteTo(o);
                }

                foreach (var r in summary.Failed)
                {
                    o.WriteLine($"  台账 {r.Id}（{r.ProjectName}）无法复核：{r.ErrorZh}");
                }

                break;
        }
    }
}
