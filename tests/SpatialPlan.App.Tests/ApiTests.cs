using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace SpatialPlan.App.Tests;

public sealed class ApiTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private static async Task<JsonElement> ProblemOf(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    [Fact]
    public async Task LayersListsTheCatalogGroupsAndStyles()
    {
        var json = JsonDocument.Parse(await _client.GetStringAsync("/api/layers")).RootElement;

        var groups = json.GetProperty("groups").EnumerateArray().Select(g => g.GetProperty("titleZh").GetString()).ToList();
        Assert.Equal(["城镇体系（一心一带三轴）", "三条控制线", "湿地", "乡村振兴示范带", "基础地理"], groups);
        var eco = json.GetProperty("layers").EnumerateArray().Single(l => l.GetProperty("id").GetString() == "eco-redline");
        Assert.True(eco.GetProperty("schematic").GetBoolean());
        Assert.Equal("control-lines", eco.GetProperty("group").GetString());
        Assert.False(string.IsNullOrEmpty(eco.GetProperty("provenanceZh").GetString()));
        Assert.Equal("#c81e1e", json.GetProperty("styles").GetProperty("eco-redline").GetProperty("stroke").GetString());
        var rule = json.GetProperty("styles").GetProperty("towns").GetProperty("rules")[0];
        Assert.Equal("core", rule.GetProperty("filter").GetProperty("equals").GetString());
    }

    [Fact]
    public async Task ConfigGivesTheWorkingCrsDerivedFromTheAreaBoundary()
    {
        // The fixture's catalog names its area layer (杭锦后旗's boundary) but no workingCrs: CM 108°E from its centre.
        var config = JsonDocument.Parse(await _client.GetStringAsync("/api/config")).RootElement;

        Assert.Equal(4545, config.GetProperty("crs").GetProperty("epsg").GetInt32());
        Assert.Equal("+proj=tmerc +lat_0=0 +lon_0=108 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs +type=crs",
            config.GetProperty("crs").GetProperty("proj4").GetString());
        Assert.Equal("杭锦后旗", config.GetProperty("area").GetProperty("nameZh").GetString());
    }

    [Fact]
    public async Task LayerIsServedAsGeoJsonInLonLat()
    {
        var response = await _client.GetAsync("/api/layers/wetlands");

        response.EnsureSuccessStatusCode();
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("FeatureCollection", json.GetProperty("type").GetString());
        var first = json.GetProperty("features")[0].GetProperty("geometry").GetProperty("coordinates")[0][0];
        Assert.InRange(first[0].GetDouble(), 106.5, 107.5);
        Assert.InRange(first[1].GetDouble(), 40.4, 41.3);
    }

    [Fact]
    public async Task UnknownLayerIsA404Problem()
    {
        var response = await _client.GetAsync("/api/layers/no-such-layer");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("no-such-layer", (await ProblemOf(response)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task SamplesListTheProjectsWithTheirFootprintUrl()
    {
        var json = JsonDocument.Parse(await _client.GetStringAsync("/api/samples")).RootElement;
        var url = json[0].GetProperty("url").GetString()!;

        var footprint = await _client.GetAsync(url);
        footprint.EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/api/samples/..%2Fcatalog.json")).StatusCode);
    }

    [Fact]
    public async Task UnknownProjectTypeIsA400NamingTheAllowedTypes()
    {
        var response = await _client.PostAsync("/api/checks?type=factory", new StringContent("{}", Encoding.UTF8, "application/geo+json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var detail = (await ProblemOf(response)).GetProperty("detail").GetString()!;
        Assert.Contains("factory", detail);
        Assert.Contains("linear", detail);
    }

    [Fact]
    public async Task ACommaListOfProjectTypesIsRefusedNotCombined()
    {
        // Enum.TryParse would OR "linear,agriculture" into ecological and run the wrong rules.
        var response = await _client.PostAsync("/api/checks?type=linear,agriculture", new StringContent("{}", Encoding.UTF8, "application/geo+json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("linear,agriculture", (await ProblemOf(response)).GetProperty("detail").GetString()!);
    }

    [Fact]
    public async Task OversizedUploadIsA413ThatStatesTheLimit()
    {
        var big = new byte[(AppFactory.UploadLimitMegabytes * 1024 * 1024) + 10];
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(big);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/geo+json");
        form.Add(file, "file", "huge.geojson");

        var response = await _client.PostAsync("/api/checks", form);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var detail = (await ProblemOf(response)).GetProperty("detail").GetString()!;
        Assert.Contains($"{AppFactory.UploadLimitMegabytes} MB", detail);
        Assert.DoesNotContain("   at ", detail);
    }

    [Fact]
    public async Task OversizedBodyIsA413Too()
    {
        var big = new string(' ', (AppFactory.UploadLimitMegabytes * 1024 * 1024) + 10);

        var response = await _client.PostAsync("/api/checks", new StringContent(big, Encoding.UTF8, "application/geo+json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }
}
