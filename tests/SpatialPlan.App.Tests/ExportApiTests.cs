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
}
