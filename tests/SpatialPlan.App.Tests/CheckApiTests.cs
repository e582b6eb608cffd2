using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using SpatialPlan.Core.Checks;
using SpatialPlan.Core.Sources;

namespace SpatialPlan.App.Tests;

/// <summary>POST /api/checks returns exactly what Core (and so the CLI's <c>check --format json</c>) writes.</summary>
public sealed class CheckApiTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private static readonly string SamplePath = Path.Combine(AppFactory.FixtureData, "samples", "projects", "solar-test.geojson");
    private readonly HttpClient _client = factory.CreateClient();

    private static string CoreJson(CheckOptions options)
    {
        var load = FeatureFileReader.Read(SamplePath, new ReadOptions(options.DeclaredEpsg));
        var footprint = Footprint.From(load, options, Path.GetFileName(SamplePath));
        return CheckReportJson.Serialize(SiteCheck.Load(AppFactory.FixtureData).Run(footprint, options));
    }

    [Fact]
    public async Task GeoJsonBodyGivesTheSameReportAsCore()
    {
        var body = new StringContent(await File.ReadAllTextAsync(SamplePath), Encoding.UTF8, "application/geo+json");

        var response = await _client.PostAsync("/api/checks?type=urban&nationalMajor=false", body);

        response.EnsureSuccessStatusCode();
        var json = await response.Content.ReadAsStringAsync();
        Assert.Equal(CoreJson(new CheckOptions(ProjectType.Urban)), json);
        Assert.Equal("prohibited", JsonDocument.Parse(json).RootElement.GetProperty("verdict").GetString());
    }

    [Fact]
    public async Task MultipartUploadWithFieldsGivesTheSameReportAsCore()
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(await File.ReadAllBytesAsync(SamplePath));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/geo+json");
        form.Add(file, "file", "solar-test.geojson");
        form.Add(new StringContent("ecological"), "type");
        form.Add(new StringContent("true"), "nationalMajor");
        form.Add(new StringContent("EPSG:4490"), "crs");

        var response = await _client.PostAsync("/api/checks", form);

        response.EnsureSuccessStatusCode();
        Assert.Equal(CoreJson(new CheckOptions(ProjectType.Ecological, NationalMajor: true, DeclaredEpsg: 4490)), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task MalformedUploadIsA400WithAReadableDetailAndNoStackTrace()
    {
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes("{\"type\": \"FeatureCollection\", \"features\": [ {")), "file", "broken.geojson");

        var response = await _client.PostAsync("/api/checks", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var detail = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString()!;
        Assert.Contains("broken.geojson", detail);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", detail);
        Assert.DoesNotContain("   at ", detail);
        Assert.DoesNotContain("Exception", detail);
    }

    [Fact]
    public async Task LineWithoutWidthIsA400ThatAsksForTheWidth()
    {
        const string line = """{"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[107.0,40.8],[107.1,40.85]]}}""";

        var response = await _client.PostAsync("/api/checks?type=linear", new StringContent(line, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("width", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString()!, StringComparison.OrdinalIgnoreCase);
    }
}
