using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace SpatialPlan.App.Tests;

/// <summary>
/// The web 台账 in Chromium, over a data folder of the test's own (not the repository's gis-data, whose records/ store
/// other runs share): check an uploaded footprint, "保存到台账" with the identity, open the record at /records/{id}, see its
/// map and versions; save a changed footprint through the API and see both versions compared side by side; search the list;
/// re-check in one click.
/// </summary>
public sealed class RecordsBrowserTests : IAsyncLifetime
{
    private readonly RecordsTestData _data = new();
    private RecordsKestrelFactory? _factory;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string _baseUrl = string.Empty;

    public async Task InitializeAsync()
    {
        _factory = new RecordsKestrelFactory(_data.Path);
        _baseUrl = _factory.StartOnFreePort();
        _playwright = await Playwright.CreateAsync();
        _browser = await BrowserFixture.LaunchChromium(_playwright);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        _data.Dispose();
    }

    [Fact]
    public async Task SaveAfterACheckOpenTheRecordAndSeeItsVersionsSideBySide()
    {
        var context = await _browser!.NewContextAsync(new() { ViewportSize = new() { Width = 1600, Height = 900 }, Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") { errors.Add(m.Text); } };
        page.PageError += (_, e) => errors.Add(e);
        await page.GotoAsync(_baseUrl + "/");
        await page.WaitForSelectorAsync("body[data-ready='true']", new() { Timeout = 30000 });

        await page.Locator("#check-file").SetInputFilesAsync(RecordsTestData.Sample);
        await page.ClickAsync("#check-run");
        await page.Locator(".verdict-banner").WaitForAsync(new() { Timeout = 30000 });
        await page.Locator("#records-save").WaitForAsync(new() { Timeout = 5000 });
        Assert.Equal("测试光伏项目", await page.InputValueAsync("#save-name"));
        await page.FillAsync("#save-name", "浏览器保存的光伏项目");
        await page.FillAsync("#save-builder", "巴彦淖尔某能源有限公司");
        await page.FillAsync("#save-code", "2026-150826-44-01-000077");
        await page.ClickAsync("#save-record");
        await page.Locator("#save-open").WaitForAsync(new() { Timeout = 30000 });
        Assert.Contains("第 1 版", await page.TextContentAsync("#save-status"));

        await page.ClickAsync("#save-open");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/records/\d+$"));
        var id = long.Parse(page.Url.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        await page.Locator("#record-verdict").WaitForAsync();
        Assert.Contains("禁止", await page.TextContentAsync("#record-verdict"));
        Assert.Contains("2026-150826-44-01-000077", await page.TextContentAsync("#records-view"));
        Assert.True(await page.Locator("#record-map canvas").CountAsync() > 0, "the record's map has no canvas");
        Assert.Equal(1, await page.Locator("#record-versions tbody tr").CountAsync());
        Assert.Equal($"/api/records/{id}/versions/1/report.pdf", await page.GetAttributeAsync("#record-pdf", "href"));

        // A changed footprint (as a second planner might save it), then the page again: two versions, side by side.
        var smaller = Encoding.UTF8.GetBytes(File.ReadAllText(RecordsTestData.Sample).Replace("106.82", "106.76", StringComparison.Ordinal));
        using (var client = _factory!.CreateClient())
        {
            var second = await client.PostAsync($"/api/records/{id}/versions", RecordsTestData.SaveForm("浏览器保存的光伏项目", file: smaller));
            Assert.Equal(System.Net.HttpStatusCode.Created, second.StatusCode);
        }

        await page.ReloadAsync();
        await page.Locator("#record-compare-table").WaitForAsync(new() { Timeout = 30000 });
        Assert.Equal(2, await page.Locator("#record-versions tbody tr").CountAsync());
        Assert.Equal("2", await page.TextContentAsync("#record-version"));
        var compared = await page.TextContentAsync("#record-compare-table");
        Assert.Contains("版本 1", compared);
        Assert.Contains("版本 2", compared);
        Assert.True(await page.Locator("#record-compare-table tr.differs").CountAsync() >= 2, "the footprint change shows no differing rows");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "records-detail.png"), FullPage = true });

        // Re-check in one click: the data did not change, so nothing changes and the page says so.
        await page.ClickAsync("#record-recheck");
        await page.WaitForFunctionAsync("() => (document.querySelector('#record-message')?.textContent ?? '').length > 0", null, new() { Timeout = 30000 });
        Assert.Contains("没有变化", await page.TextContentAsync("#record-message"));

        // The list, searched by project code.
        await page.GotoAsync(_baseUrl + "/records");
        await page.Locator("#records-search").WaitForAsync(new() { Timeout = 30000 });
        await page.FillAsync("#records-search input[name=q]", "000077");
        await page.ClickAsync("#records-search button[type=submit]");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#records-list tbody tr').length === 1", null, new() { Timeout = 30000 });
        Assert.Contains("浏览器保存的光伏项目", await page.TextContentAsync("#records-list"));
        await page.FillAsync("#records-search input[name=q]", "没有这个项目");
        await page.ClickAsync("#records-search button[type=submit]");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#records-list tbody tr').length === 0", null, new() { Timeout = 30000 });

        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "records-list.png") });
        Assert.Empty(errors);
        await context.DisposeAsync();
    }

    [Fact]
    public async Task InServerModeThePageSignsInChecksAndSavesWithTheAntiforgeryToken()
    {
        using (var store = SpatialPlan.Records.Store.RecordStore.Open(SpatialPlan.Records.Store.StoreLocation.Embedded(_data.Path)))
        {
            new SpatialPlan.Records.Accounts.AccountBook(store).Add("qian.checker", "checker", "checker-pass-1", new SpatialPlan.Records.Auditing.Actor("setup", "os"));
        }

        await using var server = new RecordsKestrelFactory(_data.Path, requireSignIn: true);
        var baseUrl = server.StartOnFreePort();
        var context = await _browser!.NewContextAsync(new() { ViewportSize = new() { Width = 1600, Height = 900 }, Locale = "zh-CN" });
        var page = await context.NewPageAsync();

        await page.GotoAsync(baseUrl + "/records");
        Assert.Contains("/signin?returnUrl=%2Frecords", page.Url, StringComparison.Ordinal);
        await page.FillAsync("#signin-name", "qian.checker");
        await page.FillAsync("#signin-password", "wrong-password");
        await page.ClickAsync("#signin-submit");
        Assert.Contains("用户名或密码不对", await page.TextContentAsync("#signin-error"));
        await page.FillAsync("#signin-name", "qian.checker");
        await page.FillAsync("#signin-password", "checker-pass-1");
        await page.ClickAsync("#signin-submit");
        await page.WaitForSelectorAsync("body[data-ready='true']", new() { Timeout = 30000 });
        Assert.EndsWith("/records", page.Url, StringComparison.Ordinal);
        Assert.Contains("qian.checker", await page.TextContentAsync("#account-user"));

        await page.ClickAsync("[data-go='/']");
        await page.Locator("#check-file").SetInputFilesAsync(RecordsTestData.Sample);
        await page.ClickAsync("#check-run");
        await page.Locator(".verdict-banner").WaitForAsync(new() { Timeout = 30000 });
        await page.FillAsync("#save-name", "办公网络上保存的项目");
        await page.ClickAsync("#save-record");
        await page.Locator("#save-open").WaitForAsync(new() { Timeout = 30000 });
        await page.ClickAsync("#save-open");
        await page.Locator("#record-verdict").WaitForAsync(new() { Timeout = 30000 });
        Assert.Contains("qian.checker", await page.TextContentAsync("#records-view"));

        await page.ClickAsync("#sign-out");
        await page.Locator("#signin-name").WaitForAsync(new() { Timeout = 30000 });
        Assert.Contains("/signin", page.Url, StringComparison.Ordinal);
        await page.GotoAsync(baseUrl + "/records/1");
        Assert.Contains("/signin?returnUrl=%2Frecords%2F1", page.Url, StringComparison.Ordinal); // signed out for real
        await context.DisposeAsync();
    }

    private sealed class RecordsKestrelFactory(string dataDir, bool requireSignIn = false) : AppFactory
    {
        protected override string DataDir => dataDir;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("SpatialPlan:MaxUploadMegabytes", "20");
            builder.UseSetting("SpatialPlan:RequireSignIn", requireSignIn ? "true" : "false");
        }
    }
}
