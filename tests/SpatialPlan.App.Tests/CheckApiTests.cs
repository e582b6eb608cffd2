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
    /// <summary>The CLI's assembly name (SpatialPlan.Cli.csproj's AssemblyName), copied next to the tests by the project reference.</summary>
    private const string CliAssembly = "spatialplan";

    private readonly HttpClient _client = factory.CreateClient();

    private static string CoreJson(ProjectSettings given, int? declaredEpsg = null)
    {
        var load = FeatureFileReader.Read(SamplePath, new ReadOptions(declaredEpsg));
        return CheckReportJson.Serialize(SiteCheck.Load(AppFactory.FixtureData).Run(load, given, declaredEpsg));
    }

    [Fact]
    public async Task GeoJsonBodyGivesTheSameReportAsCore()
    {
        var body = new StringContent(await File.ReadAllTextAsync(SamplePath), Encoding.UTF8, "application/geo+json");

        var response = await _client.PostAsync("/api/checks?type=urban&nationalMajor=false", body);

        response.EnsureSuccessStatusCode();
        var json = await response.Content.ReadAsStringAsync();
        Assert.Equal(CoreJson(new ProjectSettings(ProjectType.Urban, NationalMajor: false)), json);
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
        Assert.Equal(CoreJson(new ProjectSettings(ProjectType.Ecological, NationalMajor: true), 4490), await response.Content.ReadAsStringAsync());
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

    [Fact]
    public async Task CsvFromTheMapIsByteForByteTheClisCsv()
    {
        var cli = CliStdout("check", SamplePath, "--type", "ecological", "--national-major", "--crs", "EPSG:4490", "--format", "csv", "--data", AppFactory.FixtureData);
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(await File.ReadAllBytesAsync(SamplePath)), "file", "solar-test.geojson");
        form.Add(new StringContent("ecological"), "type");
        form.Add(new StringContent("true"), "nationalMajor");
        form.Add(new StringContent("EPSG:4490"), "crs");

        var response = await _client.PostAsync("/api/checks?format=csv", form);

        response.EnsureSuccessStatusCode();
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new UTF8Encoding(false).GetBytes(cli), bytes);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Contains("生态保护红线", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AcceptTextCsvGivesTheCsvAndAnUnknownFormatIsA400()
    {
        var body = await File.ReadAllTextAsync(SamplePath);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/checks?type=urban") { Content = new StringContent(body, Encoding.UTF8, "application/geo+json") };
        request.Headers.Accept.ParseAdd("text/csv");

        var csv = await _client.SendAsync(request);
        var bad = await _client.PostAsync("/api/checks?format=xml", new StringContent(body, Encoding.UTF8, "application/geo+json"));

        csv.EnsureSuccessStatusCode();
        Assert.StartsWith("图层ID layerId,", (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("csv", JsonDocument.Parse(await bad.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString()!, StringComparison.Ordinal);
    }

    /// <summary>
    /// Runs the real CLI in-process and returns its stdout. Through reflection on purpose: InternalsVisibleTo would also
    /// expose the CLI's top-level <c>Program</c>, which clashes with the app's <c>Program</c> that WebApplicationFactory needs.
    /// </summary>
    private static string CliStdout(params string[] args)
    {
        var app = System.Reflection.Assembly.Load(CliAssembly).GetType("SpatialPlan.Cli.CliApp", throwOnError: true)!;
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = (int)app.GetMethod("Run")!.Invoke(null, [args, stdout, stderr])!;
        Assert.True(code is 0 or 10 or 20, $"CLI exit {code}: {stderr}");
        return stdout.ToString();
    }

    [Fact]
    public async Task AFootprintFilesOwnProjectSettingsApplyWhenTheRequestGivesNone()
    {
        // The real sample carries projectType=linear, widthM=40 in its properties: without them it would be refused (no width).
        var sample = Path.Combine(SpatialPlan.Core.Layers.DataDirectory.Resolve(), "samples", "projects", "shanlin-expressway.geojson");
        var body = new StringContent(await File.ReadAllTextAsync(sample), Encoding.UTF8, "application/geo+json");

        var fromFile = await _client.PostAsync("/api/checks", body);
        var overridden = await _client.PostAsync("/api/checks?type=agriculture",
            new StringContent(await File.ReadAllTextAsync(sample), Encoding.UTF8, "application/geo+json"));

        fromFile.EnsureSuccessStatusCode();
        overridden.EnsureSuccessStatusCode();
        var project = JsonDocument.Parse(await fromFile.Content.ReadAsStringAsync()).RootElement.GetProperty("project");
        Assert.Equal("linear", project.GetProperty("type").GetString());
        var overriddenProject = JsonDocument.Parse(await overridden.Content.ReadAsStringAsync()).RootElement.GetProperty("project");
        Assert.Equal("agriculture", overriddenProject.GetProperty("type").GetString());
    }
}
