using System.Text.Json;
using SpatialPlan.Core.Sources;

namespace SpatialPlan.Core.Checks;

/// <summary>
/// Reads policy.json version 2 and refuses, naming the file and the place (e.g. <c>zones.wetland.rules[3].kinds</c>),
/// everything docs/rules-model.md §5 forbids: unknown ids, a missing condition, bad numbers, and holes.
/// </summary>
internal sealed class PolicyReader
{
    private const string Fix = "对照 docs/rules-model.md §5 的 policy.json 第 2 版格式修正。Fix it against the version-2 schema in docs/rules-model.md §5.";
    private static readonly string[] MajorLists = ["farmland", "redline", "wetland"];
    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private readonly string _file;
    private Dictionary<string, PolicyDocument> _documents = [];
    private Dictionary<string, Authority> _authorities = [];
    private List<ProjectKind> _kinds = [];

    private PolicyReader(string file) => _file = file;

    public static CheckPolicy Read(string json, string fileName)
    {
        try
        {
            using var doc = JsonDocument.Parse(json, Options);
            return new PolicyReader(fileName).Policy(doc.RootElement);
        }
        catch (JsonException e)
        {
            throw new InputException($"规则文件不是有效的 JSON（malformed policy，第 {e.LineNumber + 1} 行附近）：{e.Message}", Fix, fileName, inner: e);
        }
    }

    private CheckPolicy Policy(JsonElement root)
    {
        Expect(root, JsonValueKind.Object, "（根）");
        var version = root.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) ? n : 0;
        if (version != CheckPolicy.SchemaVersion)
        {
            throw Bad("version", $"版本为 {(version == 0 ? "（缺失）" : version)}，本程序读取第 {CheckPolicy.SchemaVersion} 版（项目种类、重大项目清单、级别、情形）");
        }

        var sliver = root.TryGetProperty("tolerances", out var tol) && tol.ValueKind == JsonValueKind.Object && tol.TryGetProperty("sliverM2", out var s)
            ? Number(s, "tolerances.sliverM2") : 1.0;
        _documents = Items(root, "documents").Select(e => Document(e.Item, e.Place)).ToDictionaryUnique(d => d.Id, "documents", Bad);
        _authorities = Items(root, "authorities").Select(e => AuthorityOf(e.Item, e.Place)).ToDictionaryUnique(a => a.Id, "authorities", Bad);
        _kinds = [.. Items(root, "kinds").Select(e => Kind(e.Item, e.Place))];
        CheckKindNames();
        var ambiguous = Ambiguous(root);
        var majors = Items(root, "majorCategories").Select(e => Major(e.Item, e.Place)).ToList();
        majors.ToDictionaryUnique(m => m.Id, "majorCategories", Bad);
        var notChecked = Items(root, "notChecked", required: false)
            .Select(e => new NotCheckedCategory(Text(e.Item, "category", e.Place, true), Text(e.Item, "nameZh", e.Place, true), Text(e.Item, "reason", e.Place))
            {
                NameEn = Text(e.Item, "nameEn", e.Place) is { Length: > 0 } en ? en : Text(e.Item, "category", e.Place, true),
                ReasonEn = Text(e.Item, "reasonEn", e.Place),
            }).ToList();
        var guidance = new Dictionary<string, GuidanceNote>(StringComparer.Ordinal);
        if (root.TryGetProperty("guidance", out var g) && g.ValueKind != JsonValueKind.Null)
        {
            Expect(g, JsonValueKind.Object, "guidance");
            foreach (var p in g.EnumerateObject())
            {
                var place = $"guidance.{p.Name}";
                guidance[p.Name] = new GuidanceNote(p.Name, Text(p.Value, "noteZh", place, true), Text(p.Value, "noteEn", place),
                    p.Value.TryGetProperty("proximityM", out var gp) && gp.ValueKind != JsonValueKind.Null ? Number(gp, place + ".proximityM") : 0);
            }
        }

        var zones = new Dictionary<string, ZonePolicy>(StringComparer.Ordinal);
        var zonesElement = Required(root, "zones", "（根）");
        Expect(zonesElement, JsonValueKind.Object, "zones");
        foreach (var z in zonesElement.EnumerateObject())
        {
            zones[z.Name] = Zone(z.Name, z.Value);
        }

        return new CheckPolicy
        {
            PolicyVersion = root.TryGetProperty("policyVersion", out var pv) && pv.ValueKind == JsonValueKind.String ? pv.GetString()! : string.Empty,
            SliverM2 = sliver,
            Documents = _documents,
            Authorities = _authorities,
            Kinds = _kinds,
            AmbiguousKinds = ambiguous,
            MajorCategories = majors,
            NotChecked = notChecked,
            Guidance = guidance,
            Zones = zones,
        };
    }

    private PolicyDocument Document(JsonElement e, string place) =>
        new(Text(e, "id", place, true), Text(e, "titleZh", place, true), Text(e, "titleEn", place), Text(e, "readAt", place));

    private Authority AuthorityOf(JsonElement e, string place) =>
        new(Text(e, "id", place, true), Text(e, "nameZh", place, true), Text(e, "nameEn", place));

    private ProjectKind Kind(JsonElement e, string place)
    {
        var group = Text(e, "group", place, true);
        if (KindGroup.All.All(g => g.Id != group))
        {
            throw Bad(place + ".group", $"分组“{group}”未知，应为 {string.Join("、", KindGroup.All.Select(k => k.Id))} 之一");
        }

        return new ProjectKind(Text(e, "id", place, true), group, Text(e, "nameZh", place, true), Text(e, "nameEn", place), Strings(e, "aliases", place));
    }

    private void CheckKindNames()
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in _kinds.Select(k => k.Id).Concat(_kinds.SelectMany(k => k.Aliases)))
        {
            if (!seen.Add(name))
            {
                throw Bad("kinds", $"项目种类或别名“{name}”重复");
            }
        }
    }

    private Dictionary<string, IReadOnlyList<string>> Ambiguous(JsonElement root)
    {
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (!root.TryGetProperty("ambiguousKinds", out var a) || a.ValueKind == JsonValueKind.Null)
        {
            return result;
        }

        Expect(a, JsonValueKind.Object, "ambiguousKinds");
        foreach (var p in a.EnumerateObject())
        {
            var place = $"ambiguousKinds.{p.Name}";
            if (_kinds.Any(k => string.Equals(k.Id, p.Name, StringComparison.OrdinalIgnoreCase) || k.Aliases.Contains(p.Name, StringComparer.OrdinalIgnoreCase)))
            {
                throw Bad(place, $"“{p.Name}”已是某个项目种类或别名，不能同时含义不明");
            }

            Expect(p.Value, JsonValueKind.Array, place);
            var ids = p.Value.EnumerateArray().Select(x => x.GetString() ?? string.Empty).ToList();
            foreach (var id in ids.Where(id => id != ZoneLevel.Any))
            {
                KnownKind(id, place);
            }

            result[p.Name] = ids;
        }

        return result;
    }

    private MajorCategory Major(JsonElement e, string place)
    {
        var list = Text(e, "list", place, true);
        if (!MajorLists.Contains(list))
        {
            throw Bad(place + ".list", $"清单“{list}”未知，应为 {string.Join("、", MajorLists)} 之一");
        }

        var basis = e.TryGetProperty("basis", out var b) && b.ValueKind == JsonValueKind.Object ? CitationOf(b, place + ".basis") : null;
        return new MajorCategory(Text(e, "id", place, true), list, Text(e, "nameZh", place, true), Text(e, "nameEn", place), basis);
    }

    private ZonePolicy Zone(string key, JsonElement z)
    {
        var place = $"zones.{key}";
        Expect(z, JsonValueKind.Object, place);
        var mode = Text(z, "mode", place, true) switch
        {
            "avoid" => ZoneMode.Avoid,
            "contain" => ZoneMode.Contain,
            var other => throw Bad(place + ".mode", $"模式为“{other}”，应为 avoid 或 contain"),
        };
        var majorList = z.TryGetProperty("majorList", out var ml) && ml.ValueKind == JsonValueKind.String ? ml.GetString() : null;
        if (majorList is not null && (mode == ZoneMode.Contain || !MajorLists.Contains(majorList)))
        {
            throw Bad(place + ".majorList", $"“{majorList}”无效：只有避让（avoid）类管控区可有重大项目清单，且应为 {string.Join("、", MajorLists)} 之一");
        }

        var levels = Levels(z, place);
        if (mode == ZoneMode.Contain && levels is not null)
        {
            throw Bad(place + ".levels", "包含（contain）类管控区不分级别，应为 null");
        }

        var proximity = z.TryGetProperty("proximityM", out var p) && p.ValueKind != JsonValueKind.Null ? Number(p, place + ".proximityM") : 0;
        var zone = new ZonePolicy
        {
            Key = key,
            Mode = mode,
            ProximityM = proximity,
            MajorList = majorList,
            FeaturesDisjoint = z.TryGetProperty("featuresDisjoint", out var d) && d.ValueKind == JsonValueKind.True,
            Levels = levels,
            Basis = Citations(z, "basis", place),
            Rules = [],
        };
        var rules = Items(z, "rules", place: place).Select((r, i) => Rule(r.Item, r.Place, i, zone)).ToList();
        zone = zone with { Rules = rules };
        CheckCovered(zone);
        return zone;
    }

    private List<ZoneLevel>? Levels(JsonElement z, string place)
    {
        if (!z.TryGetProperty("levels", out var l) || l.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var levels = Items(z, "levels", place: place).Select(e => new ZoneLevel(Text(e.Item, "id", e.Place, true), Text(e.Item, "nameZh", e.Place, true), Text(e.Item, "nameEn", e.Place))).ToList();
        levels.ToDictionaryUnique(x => x.Id, place + ".levels", Bad);
        return levels.Count == 0 ? throw Bad(place + ".levels", "级别列表为空：不分级别请写 null") : levels;
    }

    private ZoneRule Rule(JsonElement r, string place, int index, ZonePolicy zone)
    {
        var situations = Strings(r, "situation", place, required: true).Select(s => Names.ParseSituation(s) is { } x && zone.SituationsToCover.Contains(x) ? x
            : throw Bad(place + ".situation", $"情形“{s}”不适用于该管控区（{(zone.Mode == ZoneMode.Contain ? "包含类" : "避让类")}{(zone.MajorList is null ? "，无重大项目清单" : string.Empty)}）；可用：{string.Join("、", zone.SituationsToCover.Select(Names.Of))}")).ToHashSet();
        var kinds = Selector(r, "kinds", place, id => KnownKind(id, place + ".kinds"));
        var levels = Selector(r, "levels", place, id =>
        {
            if (!zone.LevelIds.Contains(id))
            {
                throw Bad(place + ".levels", $"级别“{id}”不是该管控区的级别（{string.Join("、", zone.LevelIds)}）");
            }
        });
        var verdictName = Text(r, "verdict", place, true);
        var verdict = Names.ParseVerdict(verdictName) ?? throw Bad(place + ".verdict", $"结论“{verdictName}”未知，应为 clear、advisory、approval-required、prohibited 之一");
        var conditions = Items(r, "conditions", required: false, place: place).Select(c => Condition(c.Item, c.Place)).ToList();
        CheckVerdict(situations, verdict, conditions.Count, place);
        return new ZoneRule
        {
            Index = index,
            Situations = situations,
            Kinds = kinds,
            Levels = levels,
            Verdict = verdict,
            InPrinciple = r.TryGetProperty("inPrinciple", out var ip) && ip.ValueKind == JsonValueKind.True,
            RuleZh = Text(r, "ruleZh", place, true),
            RuleEn = Text(r, "ruleEn", place),
            Basis = Citations(r, "basis", place),
            Conditions = conditions,
        };
    }

    private void CheckVerdict(HashSet<Situation> situations, Verdict verdict, int conditions, string place)
    {
        if (verdict == Verdict.ApprovalRequired && conditions == 0)
        {
            throw Bad(place + ".conditions", "有条件准入（approval-required）的规则没有条件：须写明由谁批准或出具意见（conditions，至少一条）");
        }

        if (verdict == Verdict.Clear && (situations.Contains(Situation.Sliver) || situations.Contains(Situation.OutsideSliver)))
        {
            throw Bad(place + ".verdict", "微小重叠（sliver / outside-sliver）至少为提示关注（advisory）：任何重叠都须核实，不能判为不涉及");
        }

        if (verdict > Verdict.Advisory && situations.Contains(Situation.Near))
        {
            throw Bad(place + ".verdict", "邻近（near）至多为提示关注（advisory）：邻近提示距离是系统设置，不是法律规定");
        }

        if (verdict != Verdict.Clear && situations.Contains(Situation.None))
        {
            throw Bad(place + ".verdict", "不相交（none）只能是不涉及（clear）");
        }
    }

    private PolicyCondition Condition(JsonElement c, string place)
    {
        var id = Text(c, "authority", place, true);
        var authority = _authorities.GetValueOrDefault(id) ?? throw Bad(place + ".authority", $"机关“{id}”不在 authorities 中（unknown authority）");
        Citation? basis = null;
        if (c.TryGetProperty("basis", out var b) && b.ValueKind != JsonValueKind.Null)
        {
            basis = b.ValueKind == JsonValueKind.Array
                ? b.EnumerateArray().Select((x, i) => CitationOf(x, $"{place}.basis[{i}]")).FirstOrDefault()
                : CitationOf(b, place + ".basis");
        }

        return new PolicyCondition(authority, Text(c, "requirementZh", place, true), Text(c, "requirementEn", place), basis);
    }

    private List<Citation> Citations(JsonElement e, string name, string place) =>
        [.. Items(e, name, required: false, place: place).Select(x => CitationOf(x.Item, x.Place))];

    private Citation CitationOf(JsonElement e, string place)
    {
        var id = Text(e, "doc", place, true);
        var doc = _documents.GetValueOrDefault(id) ?? throw Bad(place + ".doc", $"文件“{id}”不在 documents 中（unknown document）");
        bool? verified = e.TryGetProperty("verified", out var v) ? v.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => null,
        } : null;
        return new Citation(doc.Id, doc.TitleZh, doc.TitleEn, Text(e, "article", place), Text(e, "paraphraseZh", place), verified);
    }

    private void CheckCovered(ZonePolicy zone)
    {
        var holes = (from kind in _kinds
                     from level in zone.LevelIds
                     from situation in zone.SituationsToCover
                     where !zone.Rules.Any(r => r.Matches(kind.Id, level, situation))
                     select $"{kind.Id} × {level} × {Names.Of(situation)}").ToList();
        if (holes.Count > 0)
        {
            throw Bad($"zones.{zone.Key}.rules",
                $"有 {holes.Count} 个格子没有任何规则匹配（hole：项目种类 × 级别 × 情形）：{string.Join("；", holes.Take(12))}{(holes.Count > 12 ? "……" : string.Empty)}；" +
                "每个格子都须有结论，请补上规则或用 \"*\" 覆盖");
        }
    }

    private HashSet<string>? Selector(JsonElement r, string name, string place, Action<string> check)
    {
        if (!r.TryGetProperty(name, out var e) || e.ValueKind == JsonValueKind.Null || (e.ValueKind == JsonValueKind.String && e.GetString() == ZoneLevel.Any))
        {
            return null;
        }

        var ids = Strings(r, name, place);
        if (ids.Contains(ZoneLevel.Any))
        {
            return null;
        }

        ids.ForEach(check);
        return [.. ids];
    }

    private void KnownKind(string id, string place)
    {
        if (_kinds.All(k => k.Id != id))
        {
            throw Bad(place, $"项目种类“{id}”未知（unknown kind；别名不能用在规则里），应为 kinds 中的 id");
        }
    }

    private double Number(JsonElement e, string place)
    {
        if (e.ValueKind != JsonValueKind.Number || !e.TryGetDouble(out var value) || !double.IsFinite(value))
        {
            throw Bad(place, $"“{e.GetRawText()}”不是有限的数（NaN、无穷大或非数字）");
        }

        return value < 0 ? throw Bad(place, $"{value} 为负数，应 ≥ 0") : value;
    }

    private IEnumerable<(JsonElement Item, string Place)> Items(JsonElement e, string name, bool required = true, string place = "")
    {
        var where = place.Length == 0 ? name : $"{place}.{name}";
        if (!e.TryGetProperty(name, out var array) || array.ValueKind == JsonValueKind.Null)
        {
            return required ? throw Bad(where, "缺失") : [];
        }

        Expect(array, JsonValueKind.Array, where);
        return array.EnumerateArray().Select((item, i) => (item, $"{where}[{i}]")).ToList();
    }

    private List<string> Strings(JsonElement e, string name, string place, bool required = false)
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return required ? throw Bad($"{place}.{name}", "缺失") : [];
        }

        if (v.ValueKind == JsonValueKind.String)
        {
            return [v.GetString()!];
        }

        Expect(v, JsonValueKind.Array, $"{place}.{name}");
        return [.. v.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.String ? x.GetString()! : throw Bad($"{place}.{name}", "应为文字列表"))];
    }

    private string Text(JsonElement e, string name, string place, bool required = false)
    {
        Expect(e, JsonValueKind.Object, place);
        if (e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetString()))
        {
            return v.GetString()!;
        }

        return required ? throw Bad($"{place}.{name}", "缺失或为空") : string.Empty;
    }

    private JsonElement Required(JsonElement e, string name, string place) =>
        e.TryGetProperty(name, out var v) ? v : throw Bad(name, $"{place}缺少“{name}”");

    private void Expect(JsonElement e, JsonValueKind kind, string place)
    {
        if (e.ValueKind != kind)
        {
            throw Bad(place, $"应为 {(kind == JsonValueKind.Array ? "数组" : "对象")}，实为 {e.ValueKind}");
        }
    }

    private InputException Bad(string place, string problem) => new($"规则文件有误，位置 {place}：{problem}。", Fix, _file);
}
