using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using SpatialPlan.Core.Checks;
using SpatialPlan.Core.Sources;

namespace SpatialPlan.App.Tests;

/// <summary>POST /api/checks returns exactly what Core (and so the CLI's <c>check --format json</c>) writes; its fields.</summary>
public sealed partial class CheckApiTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private static readonly string SamplePath = Path.Combine(AppFactory.FixtureData, "samples", "projects", "solar-test.geojson");
    /// <summary>The CLI's assembly name (SpatialPlan.Cli.csproj's AssemblyName), copied next to the tests by the project reference.</summary>
    private const string CliAssembly = "spatialplan";

    private readonly HttpClient _client = factory.CreateClient();

    private static string CoreJson(ProjectSettings given, string uploadName, int? declaredEpsg = null)
    {
        // As the CLI and the app read a footprint: against the data folder's area, in its working CRS.
        var check = SiteCheck.Load(AppFactory.FixtureData);
        var load = FeatureFileReader.Read(SamplePath, new ReadOptions(declaredEpsg) { Area = check.Area });
        var input = CheckInput.Of(uploadName, File.ReadAllBytes(SamplePath));
        return CheckReportJson.Serialize(check.Run(load, given, input, declaredEpsg));
    }

    /// <summary>The report with its check time (to the minute, so two runs may straddle a minute) blanked.</summary>
    private static string WithoutTime(string report) => CheckedAt().Replace(report, "\"checkedAt\": \"…\"");

    [GeneratedRegex("\"checkedAt\": ?\"[^\"]*\"")]
    private static partial Regex CheckedAt();

    private static JsonElement Detail(string problem) => JsonDocument.Parse(problem).RootElement.GetProperty("detail");

    [Fact]
    public async Task GeoJsonBodyGivesTheSameReportAsCore()
    {
        var body = new StringContent(await File.ReadAllTextAsync(SamplePath), Encoding.UTF8, "application/geo+json");

        var response = await _client.PostAsync("/api/checks?type=energy", body);

        response.EnsureSuccessStatusCode();
        var json = await response.Content.ReadAsStringAsync();
        Assert.Equal(WithoutTime(CoreJson(new ProjectSettings("energy"), "upload.geojson")), WithoutTime(json));
        Assert.Equal("prohibited", JsonDocument.Parse(json).RootElement.GetProperty("verdict").GetString());
    }

    [Fact]
    public async Task MultipartUploadWithFieldsGivesTheSameReportAsCore()
    {
        using var form = Form("solar-test.geojson", ("type", "ecological"), ("major", "redline-central"), ("major", "wetland-protection"), ("crs", "EPSG:4490"),
            ("projectName", "测试光伏"), ("builder", "某某新能源公司"), ("projectCode", "2025-150826-44-02-000002"));

        var response = await _client.PostAsync("/api/checks", form);

        response.EnsureSuccessStatusCode();
        var json = await response.Content.ReadAsStringAsync();
        var given = new ProjectSettings("ecological", ["redline-central", "wetland-protection"], Name: "测试光伏", Builder: "某某新能源公司", ProjectCode: "2025-150826-44-02-000002");
        Assert.Equal(WithoutTime(CoreJson(given, "solar-test.geojson", 4490)), WithoutTime(json));
        var project = JsonDocument.Parse(json).RootElement.GetProperty("project");
        Assert.Equal("ecological-restoration", project.GetProperty("kind").GetString());
        Assert.Equal("ecological", project.GetProperty("kindAlias").GetString());
        Assert.Equal(["redline-central", "wetland-protection"], project.GetProperty("majors").EnumerateArray().Select(m => m.GetProperty("id").GetString()));
        Assert.Equal("某某新能源公司", project.GetProperty("builder").GetString());
        Assert.Equal("2025-150826-44-02-000002", project.GetProperty("projectCode").GetString());
        Assert.Equal("测试光伏", project.GetProperty("name").GetString());
    }

    [Fact]
    public async Task RepeatedMajorQueryValuesAreAllRead()
    {
        var body = new StringContent(await File.ReadAllTextAsync(SamplePath), Encoding.UTF8, "application/geo+json");

        var response = await _client.PostAsync("/api/checks?type=linear&major=redline-central&major=farmland-water", body);

        response.EnsureSuccessStatusCode();
        var majors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("project").GetProperty("majors");
        Assert.Equal(["redline-central", "farmland-water"], majors.EnumerateArray().Select(m => m.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task TheUploadIsNamedAndHashedInTheSettings()
    {
        using var form = Form("solar-test.geojson", ("type", "energy"));

        var response = await _client.PostAsync("/api/checks", form);

        var settings = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("settings");
        Assert.Equal("solar-test.geojson", settings.GetProperty("inputFile").GetString());
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(await File.ReadAllBytesAsync(SamplePath))),
            settings.GetProperty("inputSha256").GetString());
        Assert.Equal(64, settings.GetProperty("dataVersion").GetString()!.Length);
    }

    [Theory]
    [InlineData("", "项目类型必填")]
    [InlineData("type=agriculture", "orchard-fishpond")]
    [InlineData("type=other", "monitoring-relief")]
    [InlineData("type=energy&nationalMajor=true", "major")]
    [InlineData("type=energy&nationalMajor=false", "major")]
    [InlineData("type=energy&major=expressway", "farmland-transport")]
    public async Task AMissingAmbiguousOrRetiredProjectSettingIsA400ThatSaysWhatToGive(string query, string mentioned)
    {
        // The fixture's footprint without its projectType, so that nothing but the query gives the kind.
        var text = (await File.ReadAllTextAsync(SamplePath)).Replace(", \"projectType\": \"energy\"", string.Empty, StringComparison.Ordinal);
        Assert.DoesNotContain("projectType", text, StringComparison.Ordinal);
        var body = new StringContent(text, Encoding.UTF8, "application/geo+json");

        var response = await _client.PostAsync("/api/checks?" + query, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var detail = Detail(await response.Content.ReadAsStringAsync()).GetString()!;
        Assert.Contains(mentioned, detail, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KindsAreServedAsTheCliPrintsThem()
    {
        var served = await _client.GetStringAsync("/api/kinds");

        Assert.Equal(CliStdout("kinds", "--format", "json", "--data", AppFactory.FixtureData).TrimEnd(), served.TrimEnd());
        Assert.Equal(17, JsonDocument.Parse(served).RootElement.GetProperty("kinds").GetArrayLength());
    }

    [Fact]
    public async Task MalformedUploadIsA400WithAReadableDetailAndNoStackTrace()
    {
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes("{\"type\": \"FeatureCollection\", \"features\": [ {")), "file", "broken.geojson");

        var response = await _client.PostAsync("/api/checks", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var detail = Detail(await response.Content.ReadAsStringAsync()).GetString()!;
        Assert.Contains("broken.geojson", detail, StringComparison.Ordinal);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", detail);
        Assert.DoesNotContain("   at ", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LineWithoutWidthIsA400ThatAsksForTheWidth()
    {
        const string line = """{"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[107.0,40.8],[107.1,40.85]]}}""";

        var response = await _client.PostAsync("/api/checks?type=linear", new StringContent(line, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("width", Detail(await response.Content.ReadAsStringAsync()).GetString()!, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task CsvFromTheMapIsByteForByteTheClisCsv()
    {
        // Equal byte for byte but for the check time and the 报告编号 made from it (the two runs may fall in two minutes).
        var cli = CliStdout("check", SamplePath, "--type", "ecological", "--major", "redline-central", "--crs", "EPSG:4490", "--format", "csv", "--data", AppFactory.FixtureData);
        using var form = Form("solar-test.geojson", ("type", "ecological"), ("major", "redline-central"), ("crs", "EPSG:4490"));

        var response = await _client.PostAsync("/api/checks?format=csv", form);

        response.EnsureSuccessStatusCode();
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(CsvWithoutTime(cli), CsvWithoutTime(new UTF8Encoding(false).GetString(bytes)));
        Assert.Contains("\r\n#核查时间 checkedAt,", cli, StringComparison.Ordinal);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Contains("生态保护红线", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AcceptTextCsvGivesTheCsvAndAnUnknownFormatIsA400()
    {
        var body = await File.ReadAllTextAsync(SamplePath);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/checks?type=energy") { Content = new StringContent(body, Encoding.UTF8, "application/geo+json") };
        request.Headers.Accept.ParseAdd("text/csv");

        var csv = await _client.SendAsync(request);
        var bad = await _client.PostAsync("/api/checks?format=xml&type=energy", new StringContent(body, Encoding.UTF8, "application/geo+json"));

        csv.EnsureSuccessStatusCode();
        Assert.StartsWith("#SpatialPlan 核查结果 check,", (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("csv", Detail(await bad.Content.ReadAsStringAsync()).GetString()!, StringComparison.Ordinal);
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

    private static MultipartFormDataContent Form(string fileName, params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(File.ReadAllBytes(SamplePath));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/geo+json");
        form.Add(file, "file", fileName);
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        return form;
    }

    [Fact]
    public async Task AFootprintFilesOwnProjectSettingsApplyWhenTheRequestGivesNone()
    {
        // The real sample carries projectType and widthM 40 in its properties: without them it would be refused (no kind, no width).
        var sample = Path.Combine(SpatialPlan.Core.Layers.DataDirectory.Resolve(), "samples", "projects", "shanlin-expressway.geojson");
        var body = new StringContent(await File.ReadAllTextAsync(sample), Encoding.UTF8, "application/geo+json");

        var fromFile = await _client.PostAsync("/api/checks", body);
        var overridden = await _client.PostAsync("/api/checks?type=cropping",
            new StringContent(await File.ReadAllTextAsync(sample), Encoding.UTF8, "application/geo+json"));

        fromFile.EnsureSuccessStatusCode();
        overridden.EnsureSuccessStatusCode();
        var project = JsonDocument.Parse(await fromFile.Content.ReadAsStringAsync()).RootElement.GetProperty("project");
        Assert.Equal("linear-infrastructure", project.GetProperty("kind").GetString());
        Assert.Equal("file", project.GetProperty("from").GetProperty("kind").GetString());
        var overriddenProject = JsonDocument.Parse(await overridden.Content.ReadAsStringAsync()).RootElement.GetProperty("project");
        Assert.Equal("cropping", overriddenProject.GetProperty("kind").GetString());
    }

    /// <summary>The CSV without its two time-dependent header lines (check time, 报告编号).</summary>
    private static string CsvWithoutTime(string csv) => string.Join("\r\n", csv.Split("\r\n")
        .Where(l => !l.StartsWith("#核查时间 checkedAt,", StringComparison.Ordinal) && !l.StartsWith("#报告编号 reportNumber,", StringComparison.Ordinal)));
}
