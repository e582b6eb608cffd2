using System.Globalization;
using System.Text.RegularExpressions;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using SpatialPlan.Core.Crs;

namespace SpatialPlan.Core.Sources;

/// <summary>
/// Reads a 界址点 (boundary point) coordinate list: one point per line, <c>name,X,Y</c> or <c>name,ring,X,Y</c>,
/// X = northing and Y = easting in metres (CGCS2000 3-degree Gauss-Kruger; a Y of nnxxxxxx.xxx is zone-prefixed with zone
/// nn, EPSG:4513–4533, else it is in the data area's working zone, EPSG:4534–4554). Separators: comma, full-width comma, semicolon or whitespace. <c>#</c> starts a comment; a blank
/// line or a changed ring number starts a new ring; each ring closes itself; one header line is skipped.
/// The first ring is a shell; a later ring inside an earlier shell is its hole, otherwise another polygon.
/// Output coordinates are x = easting, y = northing. A zone prefix (e.g. 36xxxxxx.xxx) in either column makes the list
/// zone-prefixed (a list written Y first is then recognised as swapped); numbers with a decimal comma are refused,
/// never re-read as extra columns.
/// </summary>
internal static partial class BoundaryPointListReader
{
    public const string Where = "界址点坐标表（X=北坐标、Y=东坐标）";

    public static RawFeatures Read(string text, string file, InputBudget budget)
    {
        var rings = ParseRings(text, file, budget);
        if (rings.Count == 0)
        {
            throw new InputException("界址点坐标表中没有坐标行（no coordinate lines）。",
                "每行写一个点：点号,X,Y（X 为北坐标、Y 为东坐标，单位米），例如 J1,4528378.741,427688.472。", file);
        }

        // The easting is the only value that can reach 10 000 000 m here (northings are 4.3–4.8 million), in whichever
        // column it was written: Y first is a swapped list, recognised as such by the CRS check.
        var eastings = rings.SelectMany(r => r.Points).Select(p => Math.Max(p.Coordinate.X, p.Coordinate.Y)).ToList();
        var zoned = eastings.Select(e => e >= 10_000_000).Distinct().ToList();
        if (zoned.Count > 1)
        {
            throw new InputException("部分点的 Y（东坐标）带带号前缀、部分不带，无法确定坐标系（mixed zone prefixes）。",
                "请统一为带带号（如 36xxxxxx.xxx）或不带带号（xxxxxx.xxx）的东坐标。", file);
        }

        var zones = zoned[0] ? eastings.Select(e => Math.Floor(e / 1_000_000)).Distinct().ToList() : [];
        if (zones.Count > 1)
        {
            throw new InputException(
                string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"各点东坐标的带号不一致（{string.Join("、", zones.Order().Take(5))}），无法确定坐标系（mixed zones）。"),
                "一个界址点坐标表的点应在同一个 3 度带：检查带号是否录错，或换算到同一带后再检查。", file);
        }

        var polygon = Assemble(rings, file);
        var attributes = new AttributesTable
        {
            { "name", Path.GetFileNameWithoutExtension(file) },
            { "pointCount", rings.Sum(r => r.Points.Count) },
            { "source", "界址点坐标表" },
        };
        if (!zoned[0])
        {
            // No prefix: the easting says nothing of its zone; the data area's working zone is meant (FeatureFileReader).
            return new RawFeatures([new Feature(polygon, attributes)], null, Where) { WorkingZoneGaussKruger = true };
        }

        // A prefix of a 3-degree zone of China declares that zone; any other prefix is left to the CRS check to explain.
        var zone = CrsGuesser.ZoneOfPrefixed(eastings[0]);
        return new RawFeatures([new Feature(polygon, attributes)], zone?.ZonedEpsg, zone is null ? null : Where);
    }

    private static List<PointRing> ParseRings(string text, string file, InputBudget budget)
    {
        var rings = new List<PointRing>();
        var current = new PointRing();
        string? ringId = null;
        var sawData = false;
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            var lineNo = i + 1;
            if ((i & 0xFFF) == 0)
            {
                budget.CancellationToken.ThrowIfCancellationRequested();
            }

            if (line.StartsWith('#'))
            {
                continue;
            }

            if (DecimalComma(line) is { } example)
            {
                throw new InputException(
                    $"第 {lineNo} 行的数字用逗号作小数点（如“{example}”），程序不会猜测它的含义（decimal comma on line {lineNo}）。",
                    $"请把小数点改为“.”（如 {example.Replace(',', '.')}），列之间用逗号、空格或制表符分隔；在 Excel 中可把区域设置改为中文（中国）后重新导出。", file);
            }

            if (line.Length == 0)
            {
                current = Flush(rings, current);
                continue;
            }

            var fields = Separators().Split(line).Where(f => f.Length > 0).ToArray();
            if (!sawData && IsHeader(fields))
            {
                sawData = true;
                continue;
            }

            sawData = true;
            var (name, ring, x, y) = Fields(fields, lineNo, file);
            if (ring is not null && ringId is not null && ring != ringId)
            {
                current = Flush(rings, current);
            }

            ringId = ring ?? ringId;
            budget.Vertices(1);
            // X is northing, Y easting: store as GIS x = easting, y = northing.
            current.Points.Add(new BoundaryPoint(name, lineNo, new Coordinate(y, x)));
        }

        Flush(rings, current);
        budget.Parts(rings.Count);
        return rings;
    }

    /// <summary>
    /// The first number written with a decimal comma, or null: a quoted field like "4511488,384", a token such as
    /// 4511488,384 between spaces, tabs or semicolons, or a comma-only line whose numbers alternate between long
    /// integer parts and short fraction parts (J1,4511488,384,36415402,449).
    /// </summary>
    private static string? DecimalComma(string line)
    {
        if (QuotedDecimalComma().Match(line) is { Success: true } quoted)
        {
            return quoted.Groups[1].Value;
        }

        if (OtherSeparators().IsMatch(line))
        {
            return OtherSeparators().Split(line).FirstOrDefault(t => CommaNumber().IsMatch(t));
        }

        var numbers = line.Split(',', '，').Select(f => f.Trim()).SkipWhile(f => !IntegerField().IsMatch(f)).ToList();
        if (numbers.Count < 4 || numbers.Count % 2 != 0 || !numbers.All(f => IntegerField().IsMatch(f)))
        {
            return null;
        }

        for (var k = 0; k < numbers.Count; k += 2)
        {
            if (numbers[k].TrimStart('-', '+').Length < 5 || numbers[k + 1].Length > 4)
            {
                return null;
            }
        }

        return $"{numbers[0]},{numbers[1]}";
    }

    private static PointRing Flush(List<PointRing> rings, PointRing current)
    {
        if (current.Points.Count > 0)
        {
            rings.Add(current);
            return new PointRing();
        }

        return current;
    }

    /// <summary>A header (e.g. <c>点号,X,Y</c>) has no number after its first column.</summary>
    private static bool IsHeader(string[] fields) =>
        fields.Length >= 2 && !fields.Skip(1).Any(f => TryNumber(f, out _));

    private static (string Name, string? Ring, double X, double Y) Fields(string[] f, int lineNo, string file) => f.Length switch
    {
        2 => ($"第{lineNo}行", null, Number(f[0], "X", lineNo, file), Number(f[1], "Y", lineNo, file)),
        3 => (f[0], null, Number(f[1], "X", lineNo, file), Number(f[2], "Y", lineNo, file)),
        4 => (f[0], f[1], Number(f[2], "X", lineNo, file), Number(f[3], "Y", lineNo, file)),
        _ => throw new InputException(
            $"第 {lineNo} 行有 {f.Length} 列，界址点坐标表每行应为 3 列（点号,X,Y）或 4 列（点号,圈号,X,Y）（line {lineNo}: {f.Length} columns）。",
            "请删除多余的列（如边长、备注），或把备注放到以 # 开头的注释行。", file),
    };

    private static double Number(string text, string axis, int lineNo, string file)
    {
        if (TryNumber(text, out var value))
        {
            return value;
        }

        var meaning = axis == "X" ? "北坐标" : "东坐标";
        throw new InputException($"第 {lineNo} 行的 {axis}（{meaning}）“{text}”不是数字（或为无穷大、超出范围）（line {lineNo}: {axis} is not a finite number）。",
            "请改正该行的坐标，只保留数字和小数点（如 4528378.741）。", file);
    }

    /// <summary>A finite number that is what it says: 1e-400 (non-zero digits that underflow to 0) is not.</summary>
    private static bool TryNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value) &&
        (value != 0 || !text.Split('e', 'E')[0].Any(c => c is >= '1' and <= '9'));

    private static Geometry Assemble(List<PointRing> rings, string file)
    {
        var factory = GeometryDefaults.Factory;
        var shells = new List<(LinearRing Shell, Polygon Area, List<LinearRing> Holes)>();
        foreach (var ring in rings)
        {
            var linear = factory.CreateLinearRing(ring.Closed(file));
            var area = factory.CreatePolygon(linear);
            var parent = shells.FindIndex(s => s.Area.EnvelopeInternal.Contains(area.EnvelopeInternal) && s.Area.Contains(area));
            if (parent >= 0)
            {
                shells[parent].Holes.Add(linear);
            }
            else
            {
                shells.Add((linear, area, []));
            }
        }

        var polygons = shells.Select(s => factory.CreatePolygon(s.Shell, [.. s.Holes])).ToArray();
        return polygons.Length == 1 ? polygons[0] : factory.CreateMultiPolygon(polygons);
    }

    [GeneratedRegex(@"[,，;；\s]+")]
    private static partial Regex Separators();

    [GeneratedRegex(@"[;；\s]+")]
    private static partial Regex OtherSeparators();

    [GeneratedRegex(@"^[-+]?\d+,\d+$")]
    private static partial Regex CommaNumber();

    [GeneratedRegex(@"""\s*([-+]?\d+,\d+)\s*""")]
    private static partial Regex QuotedDecimalComma();

    [GeneratedRegex(@"^[-+]?\d+$")]
    private static partial Regex IntegerField();
}
