using System.Net.Http.Headers;
using System.Text;

namespace SpatialPlan.App.Tests;

/// <summary>Sheets and report PDFs come from SpatialPlan.Rendering, the same renderer as the CLI.</summary>
public sealed class ExportApiTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task CurrentViewExportsAsAPngSheet()
    {
        var response = await _client.GetAsync("/api/sheets?format=png&dpi=36&paper=A4&layers=boundary,eco-redline&extent=380000,4480000,480000,4570000");

        response.EnsureSuccessStatusCode();
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
    }

    [Fact]
    public async Task BadSheetExtentIsA400Problem()
    {
        var response = await _client.GetAsync("/api/sheets?extent=1,2,3");

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ASheetTitleTheFontCannotDrawIsA400SayingWhichCharacter()
    {
        var title = Uri.EscapeDataString("ᠬᠠᠩᠭᠢᠨ 杭锦后旗");
        var response = await _client.GetAsync($"/api/sheets?format=png&dpi=36&paper=A4&layers=boundary&extent=380000,4480000,480000,4570000&title={title}");

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("字体缺少字符", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckReportDownloadsAsAPdf()
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(await File.ReadAllBytesAsync(Path.Combine(AppFactory.FixtureData, "samples", "projects", "solar-test.geojson")));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/geo+json");
        form.Add(file, "file", "solar-test.geojson");

        var response = await _client.PostAsync("/api/checks/report", form);

        response.EnsureSuccessStatusCode();
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("%PDF", Encoding.ASCII.GetString((await response.Content.ReadAsByteArrayAsync())[..4]));
    }

    [Fact]
    public async Task ThePlainSheetsLegendListsOnlyWhatTheViewShowsWithTitleUnitAndPaper()
    {
        // The view holds the red line and the banner, not the wetland or the towns (fixture coordinates, cs2cs EPSG:4490 → EPSG:4545).
        var title = Uri.EscapeDataString("红线片区示意图");
        var unit = Uri.EscapeDataString("杭锦后旗自然资源局");
        var response = await _client.GetAsync(
            $"/api/sheets?paper=A4&orientation=portrait&layers=boundary,eco-redline,wetlands,towns&extent=381000,4500000,400000,4522000&title={title}&unit={unit}");

        response.EnsureSuccessStatusCode();
        var text = await PdfText(response);
        Assert.Contains("红线片区示意图", text, StringComparison.Ordinal);
        Assert.Contains("制图单位：杭锦后旗自然资源局", text, StringComparison.Ordinal);
        Assert.Contains("生态保护红线", text, StringComparison.Ordinal);
        Assert.Contains("旗界", text, StringComparison.Ordinal);
        Assert.DoesNotContain("湿地", text, StringComparison.Ordinal);
        Assert.DoesNotContain("城镇", text, StringComparison.Ordinal);
        Assert.DoesNotContain("制图：SpatialPlan", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEnglishPlainSheetHasAnEnglishLegendAndNotes()
    {
        var response = await _client.GetAsync("/api/sheets?paper=A4&layers=boundary,eco-redline&extent=381000,4500000,400000,4522000&lang=en&unit=Test%20Bureau");

        response.EnsureSuccessStatusCode();
        var text = await PdfText(response);
        Assert.Contains("Legend", text, StringComparison.Ordinal);
        Assert.Contains("Mappedby:TestBureau", text, StringComparison.Ordinal);
        Assert.Contains("Scale", text, StringComparison.Ordinal);
        Assert.DoesNotContain("图例", text, StringComparison.Ordinal);
        Assert.DoesNotContain("比例尺", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACheckSheetIsThePdfOfTheUploadedProjectWithItsVerdictTitleAndUnit()
    {
        using var form = SolarForm(("title", "测试光伏项目会议用图"), ("unit", "测试规划院"), ("paper", "A4"), ("orientation", "landscape"));

        var response = await _client.PostAsync("/api/checks/sheet", form);

        response.EnsureSuccessStatusCode();
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var text = await PdfText(response);
        Assert.Contains("测试光伏项目会议用图", text, StringComparison.Ordinal);
        Assert.Contains("制图单位：测试规划院", text, StringComparison.Ordinal);
        Assert.Contains("核查结论", text, StringComparison.Ordinal);
        Assert.Contains("项目占地范围", text, StringComparison.Ordinal);
        Assert.Contains("详图1", text, StringComparison.Ordinal); // the solar site lies in the red line: one conflicting zone
    }

    [Fact]
    public async Task TheConfiguredMapUnitIsPrintedWhenTheRequestGivesNone()
    {
        using var app = factory.WithWebHostBuilder(b => b.UseSetting("SpatialPlan:MapUnit", "巴彦淖尔市测试单位"));
        using var client = app.CreateClient();
        using var form = SolarForm(("format", "pdf"));

        var response = await client.PostAsync("/api/checks/sheet", form);

        response.EnsureSuccessStatusCode();
        Assert.Contains("制图单位：巴彦淖尔市测试单位", await PdfText(response), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("paper", "B5", "paper")]
    [InlineData("lang", "fr", "lang")]
    [InlineData("format", "svg", "format")]
    [InlineData("dpi", "9000", "dpi")]
    public async Task ABadCheckSheetFieldIsA400ThatNamesIt(string field, string value, string named)
    {
        using var form = SolarForm((field, value));

        var response = await _client.PostAsync("/api/checks/sheet", form);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(named, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static MultipartFormDataContent SolarForm(params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(File.ReadAllBytes(Path.Combine(AppFactory.FixtureData, "samples", "projects", "solar-test.geojson")));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/geo+json");
        form.Add(file, "file", "solar-test.geojson");
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        return form;
    }

    /// <summary>The PDF's text through poppler's pdftotext (an independent reader), without white space.</summary>
    private static async Task<string> PdfText(HttpResponseMessage response)
    {
        var path = Path.Combine(Path.GetTempPath(), $"spatialplan-sheet-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(path, await response.Content.ReadAsByteArrayAsync());
        try
        {
            using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("pdftotext", ["-raw", path, "-"])
            {
                RedirectStandardOutput = true, UseShellExecute = false,
            })!;
            var text = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.Equal(0, process.ExitCode);
            return System.Text.RegularExpressions.Regex.Replace(text, @"\s+", string.Empty);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
