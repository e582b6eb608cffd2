using System.Globalization;
using System.Text.RegularExpressions;
using SpatialPlan.Core.Layers.GeoPackage;
using SpatialPlan.Core.Measurement;
using SpatialPlan.Core.Sources;

namespace SpatialPlan.Core.Import;

/// <summary>
/// The national databases' field names SpatialPlan recognises, per normalised column, in order of preference. Where each
/// comes from, and in which unit its areas are, is in docs/field-names.md.
/// </summary>
public static class NationalFieldNames
{
    /// <summary>图斑编号 → <c>id</c>: 永久基本农田图斑编号 (国土空间规划), 基本农田图斑编号 (TD/T 1019), 图斑编号 (国土调查 DLTB), 标识码.</summary>
    public static IReadOnlyList<string> Id { get; } = ["YJJBNTTBBH", "JBNTTBBH", "TBBH", "id", "BSM"];

    /// <summary>名称 → <c>name</c>: our own <c>name</c>, 红线名称, 坐落单位名称, 权属单位名称, 行政区名称.</summary>
    public static IReadOnlyList<string> Name { get; } = ["name", "HXMC", "ZLDWMC", "QSDWMC", "XZQMC"];

    /// <summary>地类 → <c>landClass</c>: 地类名称, else 地类编码.</summary>
    public static IReadOnlyList<string> LandClass { get; } = ["landClass", "DLMC", "DLBM"];

    /// <summary>
    /// 面积 → <c>areaMu</c>, with the unit each is in: our own <c>areaMu</c> (亩), 永久基本农田图斑面积 and 图斑面积 (m² in
    /// every standard: converted, 1 亩 = 10000/15 m²).
    /// </summary>
    public static IReadOnlyList<(string Field, AreaUnit Unit)> Area { get; } =
        [("areaMu", AreaUnit.Mu), ("YJJBNTTBMJ", AreaUnit.SquareMetre), ("JBNTTBMJ", AreaUnit.SquareMetre), ("TBMJ", AreaUnit.SquareMetre)];
}

/// <summary>The unit an area attribute is in.</summary>
public enum AreaUnit
{
    /// <summary>m² (国土调查 and 永久基本农田 databases).</summary>
    SquareMetre,

    /// <summary>亩.</summary>
    Mu,
}

/// <summary>An output column of the imported table and where its values come from.</summary>
/// <param name="Column">The GeoPackage column.</param>
/// <param name="Source">Index of the source column, or -1 for none (the feature number for <c>id</c>).</param>
/// <param name="Convert">How a source value becomes the column's value.</param>
internal sealed record MappedColumn(GpkgColumn Column, int Source, Func<object?, long, object?> Convert);

/// <summary>
/// Which source columns become the normalised <c>id</c>, <c>name</c>, <c>landClass</c> and <c>areaMu</c>
/// (docs/data-sources.md §2), and the original columns kept beside them (renamed only where a GeoPackage column name
/// needs it, and then reported).
/// </summary>
internal sealed partial class FieldMapping
{
    private FieldMapping(List<MappedColumn> columns, Dictionary<string, string> normalised, List<string> renamed, List<string> notes)
    {
        Columns = columns;
        AreaMuColumn = columns.FindIndex(c => c.Column.Name == "areaMu");
        Normalised = normalised;
        Renamed = renamed;
        Notes = notes;
    }

    /// <summary>Output columns in table order: the normalised ones, then every source column.</summary>
    public IReadOnlyList<MappedColumn> Columns { get; }

    /// <summary>Normalised column → the source field it was taken from (e.g. <c>areaMu</c> → “TBMJ（m² → 亩）”).</summary>
    public IReadOnlyDictionary<string, string> Normalised { get; }

    /// <summary>Source columns written under another name, “原名 → 新名”.</summary>
    public IReadOnlyList<string> Renamed { get; }

    /// <summary>What the reader should know about the mapping (e.g. no 图斑编号 found).</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>Index of the <c>id</c> output column (always present).</summary>
    public int IdColumn => 0;

    /// <summary>Index of the <c>areaMu</c> output column, or -1 (found once: the writer asks for every record).</summary>
    public int AreaMuColumn { get; }

    /// <summary>Builds the mapping for <paramref name="source"/>'s columns.</summary>
    /// <param name="source">The source's columns.</param>
    /// <param name="idField">The <c>--id-field</c> override (a source column name), or null.</param>
    /// <param name="nameField">The <c>--name-field</c> override, or null.</param>
    /// <param name="file">The source's name, for messages.</param>
    /// <exception cref="InputException">An override that names no column of the source.</exception>
    public static FieldMapping For(IReadOnlyList<SourceColumn> source, string? idField, string? nameField, string file)
    {
        var columns = new List<MappedColumn>();
        var normalised = new Dictionary<string, string>(StringComparer.Ordinal);
        var notes = new List<string>();

        var id = idField is null ? Find(source, NationalFieldNames.Id) : Require(source, idField, "--id-field", file);
        if (id >= 0)
        {
            columns.Add(new MappedColumn(new GpkgColumn("id", GpkgColumnType.Text), id, static (v, _) => Text(v)));
            normalised["id"] = source[id].Name;
        }
        else
        {
            columns.Add(new MappedColumn(new GpkgColumn("id", GpkgColumnType.Text), -1, static (_, n) => n.ToString(CultureInfo.InvariantCulture)));
            normalised["id"] = "要素序号（feature number）";
            notes.Add($"未找到图斑编号字段（{string.Join("、", NationalFieldNames.Id)}），id 取要素序号（1、2、3…）；可用 --id-field 指定。");
        }

        var name = nameField is null ? Find(source, NationalFieldNames.Name) : Require(source, nameField, "--name-field", file);
        if (name >= 0)
        {
            columns.Add(new MappedColumn(new GpkgColumn("name", GpkgColumnType.Text), name, static (v, _) => Text(v)));
            normalised["name"] = source[name].Name;
        }

        var landClass = Find(source, NationalFieldNames.LandClass);
        if (landClass >= 0)
        {
            columns.Add(new MappedColumn(new GpkgColumn("landClass", GpkgColumnType.Text), landClass, static (v, _) => Text(v)));
            normalised["landClass"] = source[landClass].Name;
        }

        foreach (var (field, unit) in NationalFieldNames.Area)
        {
            var area = Find(source, [field]);
            if (area < 0)
            {
                continue;
            }

            columns.Add(new MappedColumn(new GpkgColumn("areaMu", GpkgColumnType.Real), area,
                unit == AreaUnit.Mu ? static (v, _) => Number(v) : static (v, _) => Number(v) is { } m2 ? AreaUnits.ToMu(m2) : null));
            normalised["areaMu"] = unit == AreaUnit.Mu ? source[area].Name : $"{source[area].Name}（m² → 亩，÷ 666.67）";
            break;
        }

        // Every source column under its original name, unless that name is taken or is not a column name GeoPackage
        // (and our writer) accepts; a column identical to a normalised one it feeds is not repeated.
        var renamed = new List<string>();
        var taken = new HashSet<string>(columns.Select(c => c.Column.Name), StringComparer.OrdinalIgnoreCase) { "fid", GpkgLayerWriter.GeometryColumn };
        for (var i = 0; i < source.Count; i++)
        {
            var original = source[i].Name;
            if (columns.Any(c => c.Source == i && string.Equals(c.Column.Name, original, StringComparison.Ordinal) && c.Column.Type == source[i].Type))
            {
                continue;
            }

            var safe = Safe(original);
            var candidate = safe;
            for (var n = 1; !taken.Add(candidate); n++)
            {
                candidate = string.Create(CultureInfo.InvariantCulture, $"{safe}_{n}");
            }

            if (candidate != original)
            {
                renamed.Add($"{original} → {candidate}");
            }

            var type = source[i].Type;
            columns.Add(new MappedColumn(new GpkgColumn(candidate, type), i, type switch
            {
                GpkgColumnType.Real => static (v, _) => Number(v),
                GpkgColumnType.Integer => static (v, _) => Integer(v),
                GpkgColumnType.Boolean => static (v, _) => v as bool?,
                _ => static (v, _) => Text(v),
            }));
        }

        return new FieldMapping(columns, normalised, renamed, notes);
    }

    /// <summary>The values of one output row. A value that does not fit its column (text in a number column) becomes null and is counted.</summary>
    public object?[] Row(object?[] source, long featureNumber, ref int unfit)
    {
        var row = new object?[Columns.Count];
        for (var i = 0; i < row.Length; i++)
        {
            var c = Columns[i];
            var raw = c.Source >= 0 ? source[c.Source] : null;
            var value = c.Convert(raw, featureNumber);
            if (value is null && raw is not null && !(raw is string s && string.IsNullOrWhiteSpace(s)))
            {
                unfit++;
            }

            row[i] = value;
        }

        return row;
    }

    private static int Find(IReadOnlyList<SourceColumn> source, IReadOnlyList<string> names)
    {
        foreach (var name in names)
        {
            for (var i = 0; i < source.Count; i++)
            {
                if (string.Equals(source[i].Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    return i;
                }
            }
        }

        return -1;
    }

    private static int Require(IReadOnlyList<SourceColumn> source, string field, string option, string file)
    {
        var i = Find(source, [field]);
        return i >= 0 ? i : throw new InputException(
            $"{option} “{field}” 不是该图层的字段（no such field）。",
            $"该图层的字段有：{string.Join("、", source.Select(c => c.Name).Take(40))}。", file);
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        string s => s.Length == 0 ? null : s,
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static double? Number(object? value) => value switch
    {
        null => null,
        double d => double.IsFinite(d) ? d : null,
        string s => double.TryParse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? d : null,
        bool => null,
        IConvertible c => c.ToDouble(CultureInfo.InvariantCulture),
        _ => null,
    };

    private static long? Integer(object? value) => value switch
    {
        null => null,
        long l => l,
        int i => i,
        double d when d == Math.Floor(d) && Math.Abs(d) < 9e18 => (long)d,
        decimal m when m == decimal.Floor(m) && Math.Abs(m) < 9e18m => (long)m,
        string s => long.TryParse(s.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? l : null,
        _ => null,
    };

    /// <summary>A name GeoPackage and <see cref="GpkgColumn"/> accept: letters, digits, '_' and '-', not starting with a digit.</summary>
    private static string Safe(string name)
    {
        var s = Unsafe().Replace(name.Trim(), "_");
        if (s.Length == 0)
        {
            s = "field";
        }

        return char.IsDigit(s[0]) || s[0] == '-' ? "_" + s : s;
    }

    [GeneratedRegex(@"[^\p{L}\p{Nd}_\-]")]
    private static partial Regex Unsafe();
}
