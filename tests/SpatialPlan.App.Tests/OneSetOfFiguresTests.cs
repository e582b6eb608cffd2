using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit.Abstractions;
using SpatialPlan.TestSupport;

namespace SpatialPlan.App.Tests;

/// <summary>
/// Issue 7 §8, one set of figures everywhere: for every sample project of gis-data/samples/projects/index.json, the web
/// panel (Chromium), the CLI table, the JSON, the CSV and the report PDF (read back with pdftotext) print the same
/// overall verdict word, per zone the same verdict word and figures string, the same footprint area in 亩 and the same
/// data-area share. The JSON's strings are also held to its own numbers (a figure rounded differently fails).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class OneSetOfFiguresTests(BrowserFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task EverySampleShowsTheSameFiguresInThePanelTheCliTableTheJsonTheCsvAndThePdf()
    {
        var data = fixture.Factory.DataDirectory;
        var samples = SampleIndex.Read(data);
        var map = await fixture.MapAsync();
        var clock = Stopwatch.StartNew();
        // The CLI, JSON, CSV and PDF of every sample are made on a worker while the browser shows the same samples.
        var files = Task.Run(() => samples.Select(s => Run(data, s)).ToList());
        var panels = new List<Panel>();
        foreach (var sample in samples)
        {
            panels.Add(await PanelAsync(map, sample));
        }

        var outputs = await files;
        var problems = samples.SelectMany((s, i) => Compare(s.File, outputs[i], panels[i])).ToList();
        output.WriteLine($"{samples.Count} samples in {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.True(samples.Count >= 10, $"only {samples.Count} samples");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Empty(map.ConsoleErrors);
    }

    /// <summary>What the outputs other than the panel say about one sample.</summary>
    private sealed record SampleOutputs(JsonElement Json, string Table, IReadOnlyList<string[]> Csv, string Pdf);

    /// <summary>What the panel shows: the overall verdict, the footprint figures, per zone (layer, figures, verdict), the data area.</summary>
    private sealed record Panel(string Verdict, string Footprint, Dictionary<string, (string Figures, string Verdict)> Zones, string? Jurisdiction);

    private static SampleOutputs Run(string data, SampleEntry sample)
    {
        var file = Path.Combine(SampleIndex.Folder(data), sample.File);
        var pdf = Path.Combine(Path.GetTempPath(), $"spatialplan-consistency-{Environment.ProcessId}-{sample.Index}.pdf");
        string[] common = ["check", file, "--data", data, .. sample.CliOptions()];
        // One run gives the JSON and the PDF of the same check; the table and the CSV are two more runs of the same input.
        var json = Cli([.. common, "--format", "json", "--pdf", pdf]);
        var table = Cli([.. common, "--format", "table"]);
        var csv = Cli([.. common, "--format", "csv"]);
        try
        {
            return new SampleOutputs(JsonDocument.Parse(json).RootElement.Clone(), table, ParseCsv(csv.TrimStart('\uFEFF')), Squeeze(ExternalTool.PdfText(pdf)));
        }
        finally
        {
            File.Delete(pdf);
        }
    }

    private static async Task<Panel> PanelAsync(MapPage map, SampleEntry sample)
    {
        await CheckPanelBrowserTests.PickSampleAsync(map, sample);
        var shown = await map.Page.EvaluateAsync<JsonElement>(
            """
            () => ({
              verdict: document.querySelector('.verdict-banner strong').textContent,
              footprint: document.querySelector('.footprint-figures').textContent,
              zones: [...document.querySelectorAll('tr.zone-row')].map(r => [r.dataset.layer, r.querySelector('td.figures').textContent, r.querySelector('td.verdict-cell').textContent]),
              jurisdiction: document.querySelector('.jurisdiction-figures')?.textContent ?? null,
            })
            """);
        return new Panel(
            shown.GetProperty("verdict").GetString()!,
            shown.GetProperty("footprint").GetString()!,
            shown.GetProperty("zones").EnumerateArray().ToDictionary(z => z[0].GetString()!, z => (z[1].GetString()!, z[2].GetString()!)),
            shown.GetProperty("jurisdiction").GetString());
    }

    private static IEnumerable<string> Compare(string sample, SampleOutputs o, Panel panel)
    {
        var j = o.Json;
        var verdict = j.GetProperty("verdictZh").GetString()!;
        var footprint = j.GetProperty("footprint").GetProperty("figuresZh").GetString()!;
        var lines = o.Table.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var zoneRows = o.Csv.Where(r => r[0] == "管控要素 zone" && r[4].Length == 0 && r[7].Length == 0).ToDictionary(r => r[1]);
        var project = o.Csv.Single(r => r[0] == "项目 project");

        // The overall verdict word and the footprint area (in 亩) in every output.
        foreach (var problem in Check(sample, "overall verdict", verdict, [
            ("panel", panel.Verdict == verdict),
            ("table", lines.Contains($"总体结论：{verdict}")),
            ("csv", project[16] == verdict),
            ("pdf", o.Pdf.Contains(Squeeze($"总体结论：{verdict}"), StringComparison.Ordinal)),
        ]))
        {
            yield return problem;
        }

        foreach (var problem in Check(sample, "footprint area", footprint, [
            ("panel", panel.Footprint == footprint),
            ("table", lines.Any(l => l.StartsWith($"占地面积：{footprint}", StringComparison.Ordinal))),
            ("csv", project[17] == footprint),
            ("pdf", o.Pdf.Contains(Squeeze(footprint), StringComparison.Ordinal)),
            ("json numbers", Near(Number(footprint, 0), j.GetProperty("footprint").GetProperty("areaMu").GetDouble(), 0.005)),
        ]))
        {
            yield return problem;
        }

        foreach (var z in j.GetProperty("zones").EnumerateArray())
        {
            var id = z.GetProperty("layerId").GetString()!;
            var title = z.GetProperty("layerTitle").GetString()!;
            var figures = z.GetProperty("figuresZh").GetString()!;
            var word = z.GetProperty("verdictZh").GetString()!;
            var pdfRow = Squeeze(title + (z.GetProperty("schematic").GetBoolean() ? "（示意）" : string.Empty) + z.GetProperty("relationZh").GetString() + figures + word);
            foreach (var problem in Check(sample, $"zone {id}", $"{figures} / {word}", [
                ("panel", panel.Zones.TryGetValue(id, out var shown) && shown == (figures, word)),
                ("table", lines.Any(l => l.TrimStart().StartsWith(title + " ", StringComparison.Ordinal) && l.Contains(figures, StringComparison.Ordinal) && l.EndsWith(" " + word, StringComparison.Ordinal))),
                ("csv", zoneRows.TryGetValue(id, out var row) && row[16] == word && row[17] == figures),
                ("pdf", o.Pdf.Contains(pdfRow, StringComparison.Ordinal)),
                ("json numbers", FiguresAgree(z, figures, j.GetProperty("footprint").GetProperty("areaM2").GetDouble())),
            ]))
            {
                yield return problem;
            }
        }

        if (j.GetProperty("jurisdiction") is { ValueKind: JsonValueKind.Object } area)
        {
            var share = area.GetProperty("figuresZh").GetString()!;
            foreach (var problem in Check(sample, "data area", share, [
                ("panel", panel.Jurisdiction == share),
                ("table", lines.Any(l => l.StartsWith($"二、数据范围：{share}", StringComparison.Ordinal))),
                ("csv", o.Csv.Any(r => r[0] == "数据范围 jurisdiction" && r[17] == share)),
                ("pdf", o.Pdf.Contains(Squeeze(share), StringComparison.Ordinal)),
                ("json numbers", Near(Number(share, 0), 100 * area.GetProperty("insideShare").GetDouble(), 0.05)),
            ]))
            {
                yield return problem;
            }
        }
    }

    private static IEnumerable<string> Check(string sample, string what, string expected, IEnumerable<(string Output, bool Ok)> outputs) =>
        outputs.Where(x => !x.Ok).Select(x => $"{sample}: {what} “{expected}” not as the JSON says in the {x.Output}");

    /// <summary>The figures string against the zone's numbers: 占用 X 亩（P%）, 边界内 X 亩（P%）｜边界外 Y 亩（Q%）, 距最近… D m.</summary>
    private static bool FiguresAgree(JsonElement z, string figures, double footprintM2)
    {
        var n = Numbers().Matches(figures).Select(m => double.Parse(m.Value.Replace(",", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture)).ToList();
        if (figures.StartsWith("边界内", StringComparison.Ordinal))
        {
            return n.Count >= 4 && Near(n[0], z.GetProperty("insideAreaMu").GetDouble(), 0.005) && Near(n[1], z.GetProperty("insidePercent").GetDouble(), 0.05)
                && Near(n[2], z.GetProperty("outsideAreaMu").GetDouble(), 0.005) && Near(n[3], z.GetProperty("outsidePercent").GetDouble(), 0.05)
                && (n.Count == 4 || Near(n[4], z.GetProperty("distanceM").GetDouble(), 0.5));
        }

        if (figures.StartsWith("占用", StringComparison.Ordinal))
        {
            return n.Count >= 2 && Near(n[0], z.GetProperty("overlapAreaMu").GetDouble(), 0.005) && Near(n[1], z.GetProperty("overlapPercent").GetDouble(), 0.05)
                && Near(100 * z.GetProperty("overlapAreaM2").GetDouble() / footprintM2, z.GetProperty("overlapPercent").GetDouble(), 0.001);
        }

        if (figures.StartsWith("距最近", StringComparison.Ordinal))
        {
            return n.Count >= 1 && Near(n[0], z.GetProperty("distanceM").GetDouble(), 0.5);
        }

        return true; // 微小重叠 / 边界相邻: words with the tolerance, no figure of their own
    }

    private static bool Near(double printed, double exact, double half) => Math.Abs(printed - exact) <= half + 1e-9;

    private static double Number(string text, int index) =>
        double.Parse(Numbers().Matches(text)[index].Value.Replace(",", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture);

    private static string Cli(string[] args)
    {
        var (code, stdout, stderr) = CliInProcess.Run(args);
        Assert.True(code is 0 or 10 or 20, $"spatialplan {string.Join(' ', args)}: exit {code}: {stderr}");
        return stdout;
    }

    private static string Squeeze(string text) => WhiteSpace().Replace(text, string.Empty);

    /// <summary>RFC 4180 CSV (quoted fields may hold commas, quotes and line breaks).</summary>
    private static List<string[]> ParseCsv(string csv)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var cell = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < csv.Length; i++)
        {
            char c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(cell.ToString());
                cell.Clear();
            }
            else if (c == '\n')
            {
                row.Add(cell.ToString().TrimEnd('\r'));
                cell.Clear();
                rows.Add([.. row]);
                row.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        return rows;
    }

    [GeneratedRegex(@"\d[\d,]*(\.\d+)?")]
    private static partial Regex Numbers();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
