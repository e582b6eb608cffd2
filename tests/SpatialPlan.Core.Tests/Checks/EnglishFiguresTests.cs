using System.Text.RegularExpressions;
using SpatialPlan.Core.Checks;

namespace SpatialPlan.Core.Tests.Checks;

/// <summary>
/// The report's English strings (figuresEn, relationEn, verdictEn) carry the very numbers of the Chinese ones for every
/// sample project: the English web panel and <c>check --lang en</c> print the same figures, never a second computation.
/// </summary>
public sealed partial class EnglishFiguresTests
{
    public static TheoryData<string> Files => [.. SampleProjects.Index().Select(s => s.GetProperty("file").GetString()!)];

    [Theory]
    [MemberData(nameof(Files))]
    public void EveryEnglishFigureLineHasTheNumbersOfTheChineseOne(string file)
    {
        var report = SampleProjects.Run(file);

        Assert.Equal(Numbers(report.FootprintFiguresZh), Numbers(report.FootprintFiguresEn));
        Assert.Equal(Names.En(report.Verdict, report.InPrinciple), report.VerdictEn);
        foreach (var z in report.Zones)
        {
            Assert.Equal(Numbers(z.FiguresZh), Numbers(z.FiguresEn));
            Assert.False(HasHan(z.FiguresEn) && z.Levels.Count == 0, $"{z.LayerId}: {z.FiguresEn}");
            Assert.False(HasHan(z.RelationEn), z.RelationEn);
        }

        if (report.Jurisdiction is { } j)
        {
            Assert.Equal(Numbers(j.FiguresZh), Numbers(j.FiguresEn));
            Assert.Equal(j.NoteZh is null, j.NoteEn is null);
        }
    }

    [Fact]
    public void AnOccupationByLevelNamesTheLevelsInEnglish()
    {
        var z = SampleProjects.Run("tushenze-visitor-centre.geojson").Zones.Single(z => z.LayerId == "wetlands");

        Assert.StartsWith("占用 32.42 亩（100.0%）：一般湿地 32.42 亩", z.FiguresZh, StringComparison.Ordinal);
        Assert.StartsWith("Occupies 32.42 mu (100.0%): General wetland 32.42 mu", z.FiguresEn, StringComparison.Ordinal);
        Assert.Equal("Approval required", z.VerdictEn);
    }

    private static string[] Numbers(string text) => [.. Number().Matches(text).Select(m => m.Value)];

    private static bool HasHan(string text) => text.Any(c => c is >= '\u4e00' and <= '\u9fff');

    [GeneratedRegex(@"\d[\d,]*(\.\d+)?")]
    private static partial Regex Number();
}
