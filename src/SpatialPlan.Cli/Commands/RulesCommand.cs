using System.CommandLine;
using SpatialPlan.Cli.Output;
using SpatialPlan.Core.Checks;
using SpatialPlan.Core.Layers;
using SpatialPlan.Core.Sources;

namespace SpatialPlan.Cli.Commands;

/// <summary>
/// <c>spatialplan rules</c>: the whole policy expanded, one row per kind × zone category × level × situation → verdict,
/// conditions (authority), basis, so that a planner or a lawyer can audit it (docs/rules-model.md §5).
/// </summary>
internal static class RulesCommand
{
    private static readonly string[] Formats = ["table", "json"];

    public static Command Create()
    {
        var format = new Option<string?>("--format") { Description = "输出格式 table | json（默认 table）。Output format." };
        var data = CommonOptions.Data();
        var kind = new Option<string?>("--kind") { Description = "只列出该项目类型的行（table 格式）。Only this kind's rows (table)." };
        var zone = new Option<string?>("--zone") { Description = "只列出该管控区的行（table 格式）。Only this zone's rows (table)." };
        var command = new Command("rules", "列出完整规则表：项目类型 × 管控区 × 级别 × 情形 → 结论、条件、审批机关、依据。Print the expanded rules table.")
        {
            format, data, kind, zone,
        };
        command.SetAction(parsed =>
        {
            var output = CommonOptions.ParseFormat(parsed.GetValue(format), Formats);
            var policy = CheckPolicy.LoadFromDirectory(DataDirectory.Resolve(parsed.GetValue(data)));
            var o = parsed.InvocationConfiguration.Output;
            if (output == "json")
            {
                o.WriteLine(PolicyJson.Rules(policy));
                return ExitCodes.Ok;
            }

            var kindId = parsed.GetValue(kind) is { } k ? policy.ResolveKind(k, "--kind").Kind.Id : null;
            var zoneKey = parsed.GetValue(zone);
            if (zoneKey is not null && !policy.Zones.ContainsKey(zoneKey))
            {
                throw new InputException($"--zone “{zoneKey}” 不是规则中的管控区。", $"可用：{string.Join("、", policy.Zones.Keys)}。");
            }

            WriteTable(policy, RulesTable.Expand(policy).Where(c => (kindId is null || c.Kind == kindId) && (zoneKey is null || c.Zone == zoneKey)), o);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void WriteTable(CheckPolicy policy, IEnumerable<RuleCell> cells, TextWriter o)
    {
        o.WriteLine($"规则表（规则版本 {policy.PolicyVersion}；容差 {Figures.SmallM2(policy.SliverM2)} 平方米；邻近提示距离为系统设置，非法定）");
        var table = new TextTable(["管控区", "级别", "情形", "项目类型", "结论", "条件（机关）", "依据", "规则"], [false, false, false, false, false, false, false, true]);
        var count = 0;
        foreach (var c in cells)
        {
            var zone = policy.Zones[c.Zone];
            var level = zone.Level(c.Level)?.NameZh ?? c.Level;
            var conditions = c.Rule.Conditions.Count == 0 ? "—" : string.Join("；", c.Rule.Conditions.Select(x => $"{x.Authority.NameZh}：{x.RequirementZh}"));
            var basis = c.Rule.Basis.Count == 0 ? "—" : string.Join("；", c.Rule.Basis.Select(b => b.TextZh));
            table.Add($"{LayerCategories.NamesZh.GetValueOrDefault(c.Zone, c.Zone)}（{c.Zone}）", level, $"{Names.Zh(c.Situation)}（{Names.Of(c.Situation)}）",
                c.Kind, c.VerdictZh, conditions, basis, $"#{c.Rule.Index}");
            count++;
        }

        table.WriteTo(o);
        o.WriteLine($"共 {count} 行。");
    }
}
