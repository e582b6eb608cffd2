using System.Text.Json;
using Microsoft.Playwright;

namespace SpatialPlan.App.Tests;

/// <summary>The check panel of issue 7 §10, in real Chromium over the repository's gis-data.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CheckPanelBrowserTests(BrowserFixture fixture)
{
    private IReadOnlyList<SampleEntry> Samples => SampleIndex.Read(fixture.Factory.DataDirectory);

    [Fact]
    public async Task KindsAreGroupedAndADrawnFootprintIsNotCheckedUntilAKindIsChosen()
    {
        var map = await fixture.MapAsync();
        var kinds = await KindsAsync(map);

        var groups = await map.Page.Locator("#check-type optgroup").EvaluateAllAsync<string[]>("gs => gs.map(g => g.label)");
        Assert.Equal(["建设", "基础设施", "农业", "生态", "特殊"], groups);
        Assert.Equal(kinds.GetProperty("kinds").GetArrayLength(), await map.Page.Locator("#check-type optgroup option").CountAsync());
        Assert.Equal(string.Empty, await map.Page.Locator("#check-type").InputValueAsync());

        // Draw a small polygon in the middle of the map, as a planner would.
        await map.Page.ClickAsync("button[data-draw='Polygon']");
        var box = (await map.Page.Locator("#map").BoundingBoxAsync())!;
        float cx = box.X + (box.Width / 2), cy = box.Y + (box.Height / 2);
        await map.Page.Mouse.ClickAsync(cx, cy);
        await map.Page.Mouse.ClickAsync(cx + 40, cy);
        await map.Page.Mouse.ClickAsync(cx + 40, cy + 40);
        await map.Page.Mouse.DblClickAsync(cx, cy + 40);

        // The run button is disabled and says why beside it; the kind select is marked as the missing choice.
        Assert.True(await map.Page.Locator("#check-run").IsDisabledAsync());
        Assert.Contains("请先选择项目类型", await map.Page.Locator("#check-run-reason").TextContentAsync());
        Assert.Equal("true", await map.Page.Locator("#check-type").GetAttributeAsync("aria-invalid"));
        Assert.Equal(0, await map.Page.Locator(".verdict-banner").CountAsync());

        await map.Page.SelectOptionAsync("#check-type", "point-infrastructure");
        await map.Page.ClickAsync("#check-run");
        await map.Page.Locator(".verdict-banner").WaitForAsync(new() { Timeout = 20000 });
        Assert.Contains("点状基础设施", await map.Page.Locator(".project-kind").TextContentAsync());
        Assert.Empty(map.ConsoleErrors);
    }

    [Fact]
    public async Task EachMajorListHasItsOwnSelectorWithTheDocumentOfEachCategory()
    {
        var map = await fixture.MapAsync();
        var kinds = await KindsAsync(map);
        var categories = kinds.GetProperty("majorCategories").EnumerateArray().ToList();

        var lists = await map.Page.Locator("details.major-list").EvaluateAllAsync<string[]>("ds => ds.map(d => d.dataset.list)");
        Assert.Equal(["farmland", "redline", "wetland"], lists);
        foreach (var c in categories)
        {
            var label = map.Page.Locator($"details.major-list[data-list='{c.GetProperty("list").GetString()}'] label.major[data-major='{c.GetProperty("id").GetString()}']");
            Assert.Equal(1, await label.CountAsync());
            var doc = await label.Locator(".major-doc").TextContentAsync();
            Assert.Contains(c.GetProperty("basis").GetProperty("titleZh").GetString()!, doc);
        }

        // The HSR sample is a category of two lists: each list's selector shows its own.
        var hsr = Samples.Single(s => s.Majors.Count >= 2);
        await PickSampleAsync(map, hsr);
        foreach (var id in hsr.Majors)
        {
            Assert.True(await map.Page.Locator($"input[name='major'][value='{id}']").IsCheckedAsync(), id);
        }

        Assert.Equal("已选 1 项", await map.Page.Locator("details.major-list[data-list='farmland'] .major-count").TextContentAsync());
        Assert.Equal(string.Empty, await map.Page.Locator("details.major-list[data-list='wetland'] .major-count").TextContentAsync());
        await map.Page.Locator("details.major-list[data-list='redline'] summary").ClickAsync();
        await map.Page.Locator("fieldset.options").ScrollIntoViewIfNeededAsync();
        await map.ScreenshotAsync("10-panel-majors");
    }

    [Fact]
    public async Task TheResultShowsConditionsAuthoritiesGuidanceDataAreaAndWhatWasNotChecked()
    {
        var map = await fixture.MapAsync();
        var hsr = Samples.Single(s => s.Majors.Count >= 2);
        var report = await PickSampleAsync(map, hsr);

        await map.Page.Locator(".verdict-banner").ScrollIntoViewIfNeededAsync();
        await map.ScreenshotAsync("11-panel-result");
        await map.Page.Locator("#side-panel").EvaluateAsync("p => p.scrollTop = p.scrollHeight");
        await map.ScreenshotAsync("12-panel-sections");

        Assert.Equal(report.GetProperty("reportNumber").GetString(), await map.Page.Locator(".report-number").TextContentAsync());
        foreach (var zone in report.GetProperty("zones").EnumerateArray())
        {
            var layer = zone.GetProperty("layerId").GetString();
            var conditions = await map.Page.Locator($"tr.zone-detail[data-layer='{layer}'] .condition").AllTextContentsAsync();
            var expected = zone.GetProperty("conditions").EnumerateArray()
                .Select(c => $"须办理：{c.GetProperty("authorityZh").GetString()} — {c.GetProperty("requirementZh").GetString()}").ToList();
            Assert.Equal(expected, conditions);
        }

        var authorities = await map.Page.Locator(".report-section.approvals .authority-group h4").AllTextContentsAsync();
        Assert.Equal(report.GetProperty("approvals").EnumerateArray().Select(a => a.GetProperty("authorityZh").GetString()!), authorities);
        Assert.NotEmpty(authorities);

        var guidance = await map.Page.Locator(".report-section.guidance").TextContentAsync() ?? string.Empty;
        Assert.NotEmpty(report.GetProperty("guidance").EnumerateArray());
        Assert.All(report.GetProperty("guidance").EnumerateArray(), g => Assert.Contains(g.GetProperty("featureName").GetString()!, guidance));
        // Guidance sits in its own section, after the zone table and apart from the verdict.
        Assert.True(await map.Page.EvaluateAsync<bool>(
            "() => !document.querySelector('table.zones').contains(document.querySelector('.report-section.guidance'))"));

        var j = report.GetProperty("jurisdiction");
        Assert.Equal(j.GetProperty("figuresZh").GetString(), await map.Page.Locator(".jurisdiction-figures").TextContentAsync());
        Assert.Equal(j.GetProperty("noteZh").GetString(), await map.Page.Locator(".jurisdiction-note").TextContentAsync());
        var notChecked = await map.Page.Locator(".report-section.not-checked summary").AllTextContentsAsync();
        Assert.Equal(report.GetProperty("notChecked").EnumerateArray().Select(n => n.GetProperty("nameZh").GetString()!), notChecked);
        Assert.Empty(map.ConsoleErrors);
    }

    [Fact]
    public async Task EnglishModeNamesKindsListsAuthoritiesAndVerdictsInEnglishAndKeepsTheChoices()
    {
        var map = await fixture.MapAsync();
        var hsr = Samples.Single(s => s.Majors.Count >= 2);
        var report = await PickSampleAsync(map, hsr);

        await map.Page.ClickAsync("#lang-switch");
        await map.Page.WaitForFunctionAsync("() => document.documentElement.lang === 'en'");
        await map.ScreenshotAsync("13-panel-english");

        // The choices survive the switch.
        Assert.Equal(hsr.Type, await map.Page.Locator("#check-type").InputValueAsync());
        foreach (var id in hsr.Majors)
        {
            Assert.True(await map.Page.Locator($"input[name='major'][value='{id}']").IsCheckedAsync(), id);
        }

        var texts = new List<string>();
        foreach (var selector in new[] { "#check-type optgroup", "details.major-list summary", "label.major .major-name", ".authority-group h4", ".verdict-banner", "tr.zone-row .zone-title", "tr.zone-row .relation", "td.verdict-cell", ".report-section h3", "td.figures", ".footprint-figures", ".report-section.not-checked summary" })
        {
            texts.AddRange(await map.Page.Locator(selector).EvaluateAllAsync<string[]>("es => es.map(e => e.label || e.textContent)"));
        }

        Assert.Equal(report.GetProperty("approvals").EnumerateArray().Select(a => a.GetProperty("authorityEn").GetString()!),
            await map.Page.Locator(".authority-group h4").AllTextContentsAsync());
        // The figures are the report's own English strings, the numbers of the Chinese ones (Core's EnglishFiguresTests).
        Assert.Equal(report.GetProperty("zones").EnumerateArray().Select(z => z.GetProperty("figuresEn").GetString()!),
            await map.Page.Locator("td.figures").AllTextContentsAsync());
        Assert.Equal(report.GetProperty("footprint").GetProperty("figuresEn").GetString(), await map.Page.Locator(".footprint-figures").TextContentAsync());
        Assert.Contains("Infrastructure", texts);
        Assert.Contains("Approval required", await map.Page.Locator(".verdict-banner strong").TextContentAsync());
        Assert.All(texts, t => Assert.DoesNotMatch(@"\p{IsCJKUnifiedIdeographs}", t));
        var overflow = await map.Page.EvaluateAsync<int>("() => document.querySelector('table.zones').scrollWidth - document.querySelector('#check-result').clientWidth");
        Assert.True(overflow <= 0, $"the result table is {overflow} px wider than the side panel");
        Assert.Empty(map.ConsoleErrors);
    }

    private static async Task<JsonElement> KindsAsync(MapPage map) =>
        JsonDocument.Parse(await map.Page.EvaluateAsync<string>("() => fetch('/api/kinds').then(r => r.text())")).RootElement;

    /// <summary>Chooses a sample in the panel's list, waits for its check, and returns the report JSON the panel shows.</summary>
    [Fact]
    public async Task AfterACheckTheMeetingSheetAndTheGisLayersAreOneClickEachAndHoldThisCheck()
    {
        var map = await fixture.MapAsync();
        var sample = Samples.First(s => s.ExpectedVerdict == "prohibited");
        var report = await PickSampleAsync(map, sample);

        var sheet = await map.Page.RunAndWaitForDownloadAsync(async () =>
        {
            await map.Page.ClickAsync("#check-sheet");
            await map.Page.FillAsync("#export-title", "会议出图测试图名");
            await map.Page.ClickAsync("#export-dialog-ok");
        }, new() { Timeout = 90000 });
        var pdf = (await sheet.PathAsync())!;
        Assert.Equal("site-check-sheet.pdf", sheet.SuggestedFilename);
        var text = SpatialPlan.TestSupport.ExternalTool.PdfText(pdf);
        Assert.Contains("会议出图测试图名", text, StringComparison.Ordinal);
        Assert.Contains(report.GetProperty("verdictZh").GetString()!, text, StringComparison.Ordinal);

        var layers = await map.Page.RunAndWaitForDownloadAsync(() => map.Page.ClickAsync("#check-layers"), new() { Timeout = 90000 });
        var gpkg = await File.ReadAllBytesAsync((await layers.PathAsync())!);
        Assert.Equal("site-check-layers.gpkg", layers.SuggestedFilename);
        Assert.Equal("SQLite format 3\0"u8.ToArray(), gpkg[..16]);
        Assert.Empty(map.ConsoleErrors);
    }

    internal static async Task<JsonElement> PickSampleAsync(MapPage map, SampleEntry sample)
    {
        await map.Page.EvaluateAsync(
            """
            () => { window.__checkDone = new Promise(resolve => {
              document.getElementById('check-panel').addEventListener('checkdone', e => resolve(JSON.stringify(e.detail)), { once: true });
              setTimeout(() => resolve(null), 30000); }); }
            """);
        await map.Page.SelectOptionAsync("#check-sample", sample.Index.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var json = await map.Page.EvaluateAsync<string?>("() => window.__checkDone");
        Assert.True(json is not null, $"{sample.File}: no result; {await map.Page.Locator("#check-status").TextContentAsync()} {await map.Page.Locator("#upload-error").TextContentAsync()}");
        return JsonDocument.Parse(json).RootElement;
    }
}
