using System.Text.Json;

namespace SpatialPlan.Core.Checks;

/// <summary>
/// The policy's kinds and major categories (<c>spatialplan kinds --format json</c>, <c>GET /api/kinds</c>) and the
/// expanded rules table (<c>spatialplan rules --format json</c>) as JSON, in the shapes of docs/rules-model.md §2 and §5.
/// </summary>
public static class PolicyJson
{
    /// <summary><c>{"policyVersion","groups","kinds","ambiguousKinds","majorCategories"}</c>.</summary>
    public static string Kinds(CheckPolicy policy, bool indented = true) => Write(indented, w =>
    {
        ArgumentNullException.ThrowIfNull(policy);
        w.WriteString("policyVersion", policy.PolicyVersion);
        w.WriteStartArray("groups");
        foreach (var g in KindGroup.All)
        {
            w.WriteStartObject();
            w.WriteString("id", g.Id);
            w.WriteString("nameZh", g.NameZh);
            w.WriteString("nameEn", g.NameEn);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("kinds");
        foreach (var k in policy.Kinds)
        {
            w.WriteStartObject();
            w.WriteString("id", k.Id);
            w.WriteString("nameZh", k.NameZh);
            w.WriteString("nameEn", k.NameEn);
            w.WriteString("group", k.Group);
            w.WriteStartArray("aliases");
            k.Aliases.ToList().ForEach(w.WriteStringValue);
            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartObject("ambiguousKinds");
        foreach (var (name, ids) in policy.AmbiguousKinds)
        {
            w.WriteStartArray(name);
            (ids.Contains(ZoneLevel.Any) ? policy.Kinds.Select(k => k.Id) : ids).ToList().ForEach(w.WriteStringValue);
            w.WriteEndArray();
        }

        w.WriteEndObject();
        w.WriteStartArray("majorCategories");
        foreach (var m in policy.MajorCategories)
        {
            w.WriteStartObject();
            w.WriteString("id", m.Id);
            w.WriteString("list", m.List);
            w.WriteString("listZh", MajorCategory.ListNamesZh.GetValueOrDefault(m.List, m.List));
            w.WriteString("nameZh", m.NameZh);
            w.WriteString("nameEn", m.NameEn);
            CheckReportJson.WriteCitation(w, "basis", m.Basis);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    });

    /// <summary><c>{"policyVersion","rules":[{"kind","zone","level","situation","verdict","verdictZh","inPrinciple","conditions","basis","ruleZh"}]}</c>.</summary>
    public static string Rules(CheckPolicy policy, bool indented = true) => Write(indented, w =>
    {
        ArgumentNullException.ThrowIfNull(policy);
        w.WriteString("policyVersion", policy.PolicyVersion);
        w.WriteStartArray("rules");
        foreach (var cell in RulesTable.Expand(policy))
        {
            w.WriteStartObject();
            w.WriteString("kind", cell.Kind);
            w.WriteString("zone", cell.Zone);
            w.WriteString("level", cell.Level);
            w.WriteString("situation", Names.Of(cell.Situation));
            w.WriteString("verdict", Names.Of(cell.Rule.Verdict));
            w.WriteString("verdictZh", cell.VerdictZh);
            w.WriteBoolean("inPrinciple", cell.Rule.Verdict == Verdict.Prohibited && cell.Rule.InPrinciple);
            ZoneJson.WriteConditions(w, "conditions", cell.Rule.Conditions);
            w.WriteStartArray("basis");
            foreach (var b in cell.Rule.Basis)
            {
                CheckReportJson.WriteCitation(w, null, b);
            }

            w.WriteEndArray();
            w.WriteString("ruleZh", cell.Rule.RuleZh);
            w.WriteNumber("ruleIndex", cell.Rule.Index);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    });

    private static string Write(bool indented, Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented, Encoder = CheckReportJson.Encoder }))
        {
            w.WriteStartObject();
            body(w);
            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
