using System.CommandLine;
using SpatialPlan.Cli.Output;
using SpatialPlan.Core.Checks;
using SpatialPlan.Core.Layers;

namespace SpatialPlan.Cli.Commands;

/// <summary><c>spatialplan kinds</c>: the project kinds (with old aliases) and the major-project categories of each legal list.</summary>
internal static class KindsCommand
{
    private static readonly string[] Formats = ["table", "json"];

    public static Command Create()
    {
        var format = new Option<string?>("--format") { Description = "输出格式 table | json（默认 table）。Output format." };
        var data = CommonOptions.Data();
        var command = new Command("kinds", "列出项目类型（--type）与重大项目类别（--major）。List the project kinds and major-project categories.") { format, data };
        command.SetAction(parsed =>
        {
            var output = CommonOptions.ParseFormat(parsed.GetValue(format), Formats);
            var policy = CheckPolicy.LoadFromDirectory(DataDirectory.Resolve(parsed.GetValue(data)));
            var o = parsed.InvocationConfiguration.Output;
            if (output == "json")
            {
                o.WriteLine(PolicyJson.Kinds(policy));
            }
            else
            {
                WriteTable(policy, o);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static void WriteTable(CheckPolicy policy, TextWriter o)
    {
        o.WriteLine($"项目类型（--type KIND；规则版本 {policy.PolicyVersion}）");
        var kinds = new TextTable(["分组", "类型 id", "名称", "English", "旧名"], [false, false, false, false, false]);
        foreach (var group in KindGroup.All)
        {
            foreach (var k in policy.Kinds.Where(k => k.Group == group.Id))
            {
                kinds.Add(group.NameZh, k.Id, k.NameZh, k.NameEn, k.Aliases.Count == 0 ? "—" : string.Join(", ", k.Aliases));
            }
        }

        kinds.WriteTo(o);
        foreach (var (name, ids) in policy.AmbiguousKinds)
        {
            var replacing = ids.Contains(ZoneLevel.Any) ? "任一类型（every kind）" : string.Join("、", ids);
            o.WriteLine($"  “{name}”含义不明，不再接受：改用 {replacing}。");
        }

        o.WriteLine();
        o.WriteLine("重大项目类别（--major ID，可重复；每个类别只解除其所属清单对应的管控区）");
        var majors = new TextTable(["清单", "类别 id", "名称", "依据"], [false, false, false, false]);
        foreach (var m in policy.MajorCategories)
        {
            majors.Add(MajorCategory.ListNamesZh.GetValueOrDefault(m.List, m.List), m.Id, m.NameZh, m.Basis?.TextZh ?? "—");
        }

        majors.WriteTo(o);
    }
}
