using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using SpatialPlan.TestSupport;

namespace SpatialPlan.App.Tests;

/// <summary>POST /api/checks/export (issue 9 §3): the check as GIS layers, the CLI's <c>check --export</c>; read back with ogrinfo.</summary>
public sealed class CheckExportApiTests(AppFactory factory) : IClassFixture<AppFactory>, IDisposable
{
    private static readonly string SamplePath = Path.Combine(AppFactory.FixtureData, "samples", "projects", "solar-test.geojson");
    private readonly HttpClient _client = factory.CreateClient();
    private readonly string _dir = Directory.CreateTempSubdirectory("sp-export-api-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task AGeoPackageHoldsOnePiecePerOverlappedFeatureOfTheSameCheck()
    {
        var report = JsonDocument.Parse(await (await _client.PostAsync("/api/checks", Form())).Content.ReadAsStringAsync()).RootElement;
        var response = await _client.PostAsync("/api/checks/export", Form());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/geopackage+sqlite3", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("site-check-layers.gpkg", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var path = Path.Combine(_dir, "layers.gpkg");
        await File.WriteAllBytesAsync(path, await response.Content.ReadAsByteArrayAsync());

        var pieces = report.GetProperty("zones").EnumerateArray().Where(z => z.GetProperty("mode").GetString() == "avoid")
            .Sum(z => z.GetProperty("features").GetArrayLength());
        Assert.True(pieces > 0);
        var info = ExternalTool.OgrInfo("-so", "-al", path);
        Assert.Contains("Layer name: footprint", info, StringComparison.Ordinal);
        Assert.Contains("Layer name: nearby", info, StringComparison.Ordinal);
        var sql = ExternalTool.OgrInfo("-q", "-dialect", "SQLite", "-sql", "SELECT count(*) AS n FROM overlaps WHERE feature_id <> ''", path);
        Assert.Contains($"n (Integer) = {pieces}", sql, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AShapefileZipAndGeoJsonAreServedAndAnUnknownFormatIsA400()
    {
        var shp = await _client.PostAsync("/api/checks/export?format=shp", Form());
        Assert.Equal(HttpStatusCode.OK, shp.StatusCode);
        Assert.Equal("application/zip", shp.Content.Headers.ContentType?.MediaType);
        using (var zip = new ZipArchive(await shp.Content.ReadAsStreamAsync()))
        {
            Assert.Contains("overlaps.prj", zip.Entries.Select(e => e.FullName));
        }

        var geojson = await _client.PostAsync("/api/checks/export?format=geojson", Form());
        Assert.Equal(HttpStatusCode.OK, geojson.StatusCode);
        var root = JsonDocument.Parse(await geojson.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("urn:ogc:def:crs:EPSG::4490", root.GetProperty("crs").GetProperty("properties").GetProperty("name").GetString());
        Assert.Contains(root.GetProperty("features").EnumerateArray(), f => f.GetProperty("properties").GetProperty("layer").GetString() == "footprint");

        var bad = await _client.PostAsync("/api/checks/export?format=kml", Form());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        Assert.Contains("gpkg", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static MultipartFormDataContent Form()
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(File.ReadAllBytes(SamplePath));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/geo+json");
        form.Add(file, "file", "solar-test.geojson");
        form.Add(new StringContent("energy"), "type");
        form.Add(new StringContent("EPSG:4490"), "crs");
        return form;
    }
}
