using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using SpatialPlan.App.Layers;
using SpatialPlan.Core.Layers.Sources;
using SpatialPlan.TestSupport;

namespace SpatialPlan.App.Tests;

/// <summary>
/// The app over a data folder whose layers are GeoPackage tables (docs/data-sources.md §3): <c>/api/layers</c> answers
/// without reading them, <c>/api/layers/{id}</c> streams them as GeoJSON (with a working <c>bbox</c>), checks give the
/// same report as over GeoJSON, indexed layers are warmed into memory in the background, and a source that cannot be
/// opened stops the start-up naming the layer.
/// </summary>
public sealed class IndexedLayerApiTests : IClassFixture<IndexedLayerApiTests.GpkgFolder>, IDisposable
{
    private readonly GpkgAppFactory _app;
    private readonly HttpClient _client;

    public IndexedLayerApiTests(GpkgFolder folder)
    {
        _app = new GpkgAppFactory(folder.Path);
        _client = _app.CreateClient();
    }

    public void Dispose()
    {
        _client.Dispose();
        _app.Dispose();
    }

    [Fact]
    public async Task TheCatalogSaysWhichLayersAreIndexedAndHidesTheirSources()
    {
        var json = await _client.GetStringAsync("/api/layers");

        var layers = JsonDocument.Parse(json).RootElement.GetProperty("layers").EnumerateArray().ToList();
        Assert.All(layers, l => Assert.Equal("gpkg", l.GetProperty("sourceType").GetString()));
        Assert.DoesNotContain(".gpkg", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnIndexedLayerIsStreamedAsTheSameGeoJsonInLonLat()
    {
        var original = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(AppFactory.FixtureData, "layers", "eco-redline.geojson"))).RootElement;

        var response = await _client.GetAsync("/api/layers/eco-redline");

        response.EnsureSuccessStatusCode();
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        var streamed = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("FeatureCollection", streamed.GetProperty("type").GetString());
        var expected = original.GetProperty("features").EnumerateArray().ToList();
        var actual = streamed.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(expected.Select(Id), actual.Select(Id));
        foreach (var (e, a) in expected.Zip(actual))
        {
            Assert.Equal(e.GetProperty("properties").GetProperty("name").GetString(), a.GetProperty("properties").GetProperty("name").GetString());
            var ec = Coordinates(e.GetProperty("geometry")).ToList();
            var ac = Coordinates(a.GetProperty("geometry")).ToList();
            Assert.Equal(ec.Count, ac.Count);
            Assert.All(ec.Zip(ac), p => Assert.True(Math.Abs(p.First - p.Second) < 2e-7, $"{p.First} vs {p.Second}"));
        }
    }

    [Fact]
    public async Task ABboxKeepsOnlyTheFeaturesInIt()
    {
        var all = JsonDocument.Parse(await _client.GetStringAsync("/api/layers/towns")).RootElement.GetProperty("features").EnumerateArray().ToList();
        Assert.True(all.Count >= 2, "the fixture has several towns");
        var first = Coordinates(all[0].GetProperty("geometry")).Chunk(2).ToList();
        var (minLon, maxLon) = (first.Min(c => c[0]) - 0.001, first.Max(c => c[0]) + 0.001);
        var (minLat, maxLat) = (first.Min(c => c[1]) - 0.001, first.Max(c => c[1]) + 0.001);
        var bbox = FormattableString.Invariant($"{minLon},{minLat},{maxLon},{maxLat}");

        var some = JsonDocument.Parse(await _client.GetStringAsync($"/api/layers/towns?bbox={bbox}")).RootElement.GetProperty("features").EnumerateArray().ToList();

        Assert.Contains(Id(all[0]), some.Select(Id));
        Assert.True(some.Count < all.Count, $"{some.Count} of {all.Count}");
        var none = JsonDocument.Parse(await _client.GetStringAsync("/api/layers/towns?bbox=100,30,100.1,30.1")).RootElement;
        Assert.Empty(none.GetProperty("features").EnumerateArray());
    }

    [Theory]
    [InlineData("1,2,3")]
    [InlineData("107.2,40.9,107.1,40.8")]
    [InlineData("a,b,c,d")]
    [InlineData("107,40,NaN,41")]
    public async Task ABadBboxIsABadRequestThatSaysHowToWriteIt(string bbox)
    {
        var response = await _client.GetAsync($"/api/layers/wetlands?bbox={Uri.EscapeDataString(bbox)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("最小经度", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACheckOverIndexedLayersGivesTheSameReportAsOverGeoJsonBeforeAndAfterWarming()
    {
        using var geoJsonApp = new AppFactory();
        using var geoJson = geoJsonApp.CreateClient();
        var sample = Path.Combine(AppFactory.FixtureData, "samples", "projects", "solar-test.geojson");
        async Task<string> Check(HttpClient client) =>
            await (await client.PostAsync("/api/checks?type=energy", new StringContent(await File.ReadAllTextAsync(sample), Encoding.UTF8, "application/geo+json")))
                .Content.ReadAsStringAsync();

        var expected = await Check(geoJson);
        var cold = await Check(_client);
        var data = _app.Services.GetRequiredService<PlanData>();
        Assert.NotNull(data.Warming);
        await data.Warming!.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.All(data.Catalog.Layers, l => Assert.True(((WarmingLayerSource)data.Store.Source(l.Id)).IsWarm, $"{l.Id} is warm"));
        var warm = await Check(_client);

        Assert.Equal("prohibited", JsonDocument.Parse(expected).RootElement.GetProperty("verdict").GetString());
        Assert.Empty(JsonSame.Differences(expected, cold, 1e-9, "$.settings.dataVersion", "$.settings.checkedAt"));
        Assert.Empty(JsonSame.Differences(expected, warm, 1e-9, "$.settings.dataVersion", "$.settings.checkedAt"));
    }

    [Fact]
    public async Task AfterWarmingTheMapStillGetsEveryAttributeWithAndWithoutABbox()
    {
        var original = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(AppFactory.FixtureData, "layers", "towns.geojson"))).RootElement
            .GetProperty("features").EnumerateArray().ToDictionary(Id, f => Names(f));
        var data = _app.Services.GetRequiredService<PlanData>();
        Assert.NotNull(data.Warming);
        await data.Warming!.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(((WarmingLayerSource)data.Store.Source("towns")).IsWarm, "towns is warm");

        var all = JsonDocument.Parse(await _client.GetStringAsync("/api/layers/towns")).RootElement.GetProperty("features").EnumerateArray().ToList();
        var boxed = JsonDocument.Parse(await _client.GetStringAsync("/api/layers/towns?bbox=105,39,109,42")).RootElement.GetProperty("features").EnumerateArray().ToList();

        Assert.Equal(original.Count, all.Count);
        Assert.Equal(original.Count, boxed.Count);
        Assert.All(all.Concat(boxed), f => Assert.Equal(original[Id(f)], Names(f)));
        Assert.Contains("nameEn", original.Values.First());

        static string[] Names(JsonElement f) => [.. f.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];
    }

    [Fact]
    public void ALayerSourceThatCannotBeOpenedStopsTheStartNamingIt()
    {
        using var folder = new TempFolder("sp-app-down");
        SourceFolders.Copy(AppFactory.FixtureData, folder.Path);
        var catalog = JsonNode.Parse(File.ReadAllText(Path.Combine(folder.Path, "catalog.json")))!;
        var wetlands = catalog["layers"]!.AsArray().Single(l => l!["id"]!.GetValue<string>() == "wetlands")!.AsObject();
        wetlands.Remove("file");
        wetlands["source"] = new JsonObject { ["type"] = "postgis", ["connection"] = "env:SPATIALPLAN_TEST_APP_NO_PG", ["table"] = "public.wetlands" };
        File.WriteAllText(Path.Combine(folder.Path, "catalog.json"), catalog.ToJsonString());
        using var app = new GpkgAppFactory(folder.Path);

        var e = Assert.Throws<Core.Sources.InputException>(() => app.CreateClient());

        Assert.Contains("wetlands", e.Message, StringComparison.Ordinal);
        Assert.Contains("SPATIALPLAN_TEST_APP_NO_PG", e.Message, StringComparison.Ordinal);
    }

    private static string Id(JsonElement feature) => feature.GetProperty("properties").GetProperty("id").GetString()!;

    private static IEnumerable<double> Coordinates(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Number => [e.GetDouble()],
        JsonValueKind.Array => e.EnumerateArray().SelectMany(Coordinates),
        JsonValueKind.Object when e.TryGetProperty("coordinates", out var c) => Coordinates(c),
        _ => [],
    };

    /// <summary>The app fixture's data folder with every layer as a GeoPackage table.</summary>
    public sealed class GpkgFolder : IDisposable
    {
        private readonly TempFolder _folder = new("sp-app-gpkg");

        public GpkgFolder() => SourceFolders.AsGeoPackage(AppFactory.FixtureData, _folder.Path);

        public string Path => _folder.Path;

        public void Dispose() => _folder.Dispose();
    }

    private sealed class GpkgAppFactory(string dataDir) : AppFactory
    {
        protected override string DataDir => dataDir;
    }
}
