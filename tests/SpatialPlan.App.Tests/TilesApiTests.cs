using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using SpatialPlan.TestSupport;

namespace SpatialPlan.App.Tests;

/// <summary>
/// Vector tiles, identify by query and the 413 on big layers (docs/tiles.md), over the repository's own data (the embedded
/// farmland: 44 491 图斑 in a GeoPackage). What the app answers is compared with what GDAL reads from the same GeoPackage
/// (ogrinfo) and how PROJ moves it (cs2cs): tiles are decoded by GDAL's MVT driver.
/// </summary>
public sealed partial class TilesApiTests(TilesApiTests.RepoDataFactory factory) : IClassFixture<TilesApiTests.RepoDataFactory>
{
    // A parcel of the embedded farmland (fixed seed: the same in every clone).
    private const string Parcel = "JBNT-037583";

    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task The_catalog_gives_each_big_layer_one_grid_in_the_areas_working_CRS()
    {
        var catalog = JsonNode.Parse(await _client.GetStringAsync("/api/layers"))!;
        var workingCrs = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(factory.DataDirectory, "catalog.json")))!["area"]!["workingCrs"]!.GetValue<string>();
        var layers = catalog["layers"]!.AsArray().Select(l => l!).ToList();

        var tiled = layers.Where(l => l["tiles"] is not null).ToList();
        Assert.Equal(["farmland", "general-farmland"], tiled.Select(l => l["id"]!.GetValue<string>()).Order());
        // Small GeoJSON layers stay whole.
        Assert.Null(layers.Single(l => l["id"]!.GetValue<string>() == "towns")["tiles"]);
        var grids = tiled.Select(l => l["tiles"]!.ToJsonString().Replace(l["id"]!.GetValue<string>(), "ID", StringComparison.Ordinal)).Distinct().ToList();
        Assert.Single(grids);

        var t = Grid(tiled.Single(l => l["id"]!.GetValue<string>() == "farmland"));
        Assert.Equal(workingCrs, t.Crs);
        Assert.Equal("/api/tiles/farmland/{z}/{x}/{y}.mvt", t.Url);
        Assert.Equal(512, t.TileSize);
        Assert.Equal(0.25, t.Resolutions[^1]);
        Assert.All(t.Resolutions.Skip(1).Zip(t.Resolutions), p => Assert.Equal(p.Second / 2, p.First));
        var side = t.Resolutions[0] * 512;
        Assert.Equal([t.OriginX, t.OriginY - side, t.OriginX + side, t.OriginY], t.Extent);
        Assert.Equal(0, t.OriginX % 1000);
        Assert.Equal(0, t.OriginY % 1000);

        // The grid covers the farmland (extent from GDAL).
        var extent = Regex.Match(ExternalTool.OgrInfo("-so", FarmlandGpkg, "farmland"), @"Extent: \(([\d.]+), ([\d.]+)\) - \(([\d.]+), ([\d.]+)\)");
        var e = Enumerable.Range(1, 4).Select(i => double.Parse(extent.Groups[i].Value, CultureInfo.InvariantCulture)).ToArray();
        Assert.True(t.Extent[0] <= e[0] && t.Extent[1] <= e[1] && t.Extent[2] >= e[2] && t.Extent[3] >= e[3], $"grid {string.Join(',', t.Extent)} misses {string.Join(',', e)}");
    }

    [Fact]
    public async Task A_tile_holds_the_parcel_where_GDAL_has_it_with_the_attributes_the_map_needs()
    {
        var t = await FarmlandGrid();
        var stored = StoredParcel();
        var centre = stored.Geometry.InteriorPoint.Coordinate;

        foreach (var z in new[] { 5, 7, 9 })
        {
            var res = t.Resolutions[z];
            var x = (long)Math.Floor((centre.X - t.OriginX) / (res * 512));
            var y = (long)Math.Floor((t.OriginY - centre.Y) / (res * 512));
            var response = await _client.GetAsync($"/api/tiles/farmland/{z}/{x}/{y}.mvt");
            response.EnsureSuccessStatusCode();
            Assert.Equal("application/vnd.mapbox-vector-tile", response.Content.Headers.ContentType?.MediaType);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            Assert.InRange(bytes.Length, 1, 500 * 1024);

            var decoded = GdalMvt.Read(t.Crs, t.OriginX, t.OriginY, t.Resolutions[0] * 512, z, x, y, bytes);
            Assert.All(decoded, d => Assert.Equal("farmland", d.Layer));
            var parcel = Assert.Single(decoded, d => d.Properties.GetValueOrDefault("fid") == Parcel);
            Assert.Equal(Parcel, parcel.Properties["id"]);
            Assert.Equal(stored.Attributes["landClass"], parcel.Properties["landClass"]);
            Assert.Equal(stored.Attributes["areaMu"], parcel.Properties["areaMu"]);
            Assert.False(parcel.Properties.ContainsKey("basis"));
            // Within a tile unit (and the 0.5 px simplification) of where GDAL reads it in the GeoPackage.
            var unit = res / 8;
            var tolerance = Math.Max(unit, res * 0.5) * 1.5;
            Assert.True(parcel.Geometry.Buffer(tolerance).Covers(stored.Geometry), $"z{z}: the tile's parcel is off");
            Assert.True(stored.Geometry.Buffer(tolerance).Covers(parcel.Geometry), $"z{z}: the tile's parcel is off");
        }
    }

    [Fact]
    public async Task Tiles_at_small_scale_show_the_farmland_as_a_filled_area_under_500_KB()
    {
        var t = await FarmlandGrid();
        double area = 0;
        for (long x = 0; x < 2; x++)
        {
            for (long y = 0; y < 2; y++)
            {
                var bytes = await _client.GetByteArrayAsync($"/api/tiles/farmland/1/{x}/{y}.mvt");
                Assert.InRange(bytes.Length, 0, 500 * 1024);
                if (bytes.Length > 0)
                {
                    area += GdalMvt.Read(t.Crs, t.OriginX, t.OriginY, t.Resolutions[0] * 512, 1, x, y, bytes, clip: true).Sum(d => d.Geometry.Area);
                }
            }
        }

        // At 128 m a pixel every parcel is under a pixel: merged coverage stands for them. The parcels' own area (GDAL):
        var parcels = double.Parse(Regex.Match(ExternalTool.OgrInfo(FarmlandGpkg, "-sql", "SELECT SUM(ST_Area(geom)) AS a FROM farmland"), @"a \(Real\) = ([\d.e+]+)").Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.InRange(area, parcels * 0.7, parcels * 2.5);
    }

    [Fact]
    public async Task Tiles_revalidate_with_an_ETag_and_say_how_long_the_server_took()
    {
        var first = await _client.GetAsync("/api/tiles/farmland/3/3/3.mvt");
        first.EnsureSuccessStatusCode();
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.True(first.Headers.CacheControl?.NoCache);
        Assert.Matches(@"^tile;dur=\d+(\.\d+)?", string.Join(",", first.Headers.GetValues("Server-Timing")));

        using var again = new HttpRequestMessage(HttpMethod.Get, "/api/tiles/farmland/3/3/3.mvt");
        again.Headers.IfNoneMatch.Add(etag!);
        var revalidated = await _client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        Assert.Empty(await revalidated.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, revalidated.Headers.ETag);

        var other = await _client.GetAsync("/api/tiles/farmland/3/3/4.mvt");
        Assert.NotEqual(etag, other.Headers.ETag);
        var otherLayer = await _client.GetAsync("/api/tiles/general-farmland/3/3/3.mvt");
        Assert.NotEqual(etag, otherLayer.Headers.ETag);
    }

    [Theory]
    [InlineData("/api/tiles/nope/0/0/0.mvt", HttpStatusCode.NotFound)]
    [InlineData("/api/tiles/towns/0/0/0.mvt", HttpStatusCode.NotFound)]
    [InlineData("/api/tiles/farmland/0/1/0.mvt", HttpStatusCode.NotFound)]
    [InlineData("/api/tiles/farmland/99/0/0.mvt", HttpStatusCode.NotFound)]
    [InlineData("/api/tiles/farmland/a/0/0.mvt", HttpStatusCode.BadRequest)]
    [InlineData("/api/tiles/farmland/1/-1/0.mvt", HttpStatusCode.BadRequest)]
    [InlineData("/api/tiles/farmland/1/0/99999999999999999999.mvt", HttpStatusCode.BadRequest)]
    public async Task A_bad_tile_address_is_a_problem_that_says_what_to_do(string url, HttpStatusCode status)
    {
        var response = await _client.GetAsync(url);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var detail = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["detail"]!.GetValue<string>();
        Assert.Contains("/api/layers", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_big_layer_asked_for_whole_is_a_413_that_points_to_its_tiles_and_the_features_query()
    {
        foreach (var url in new[] { "/api/layers/farmland", "/api/layers/farmland?bbox=105,39,109,42" })
        {
            var response = await _client.GetAsync(url);
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var detail = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["detail"]!.GetValue<string>();
            Assert.Contains("/api/tiles/farmland/{z}/{x}/{y}.mvt", detail, StringComparison.Ordinal);
            Assert.Contains("/api/layers/farmland/features", detail, StringComparison.Ordinal);
        }

        // A small box is answered, each feature with its id.
        var (lon, lat) = LonLat(StoredParcel().Geometry.InteriorPoint.Coordinate);
        var small = JsonNode.Parse(await _client.GetStringAsync(string.Create(CultureInfo.InvariantCulture, $"/api/layers/farmland?bbox={lon - 0.002},{lat - 0.002},{lon + 0.002},{lat + 0.002}")))!;
        Assert.Contains(small["features"]!.AsArray(), f => f!["id"]!.GetValue<string>() == Parcel);
    }

    [Fact]
    public async Task Identify_at_a_point_answers_the_parcel_there_with_its_full_geometry_and_every_attribute()
    {
        var stored = StoredParcel();
        var (lon, lat) = LonLat(stored.Geometry.InteriorPoint.Coordinate);
        var answer = JsonNode.Parse(await _client.GetStringAsync(string.Create(CultureInfo.InvariantCulture, $"/api/layers/farmland/features?at={lon:R},{lat:R}")))!;

        var feature = Assert.Single(answer["features"]!.AsArray())!;
        Assert.Equal(Parcel, feature["id"]!.GetValue<string>());
        Assert.Equal(stored.Attributes["basis"], feature["properties"]!["basis"]!.ToString());
        // Every vertex where PROJ puts the GeoPackage's vertex (7 decimals, about 1 cm); the ring may start elsewhere.
        var ring = feature["geometry"]!["coordinates"]![0]!.AsArray().Select(p => (Lon: p![0]!.GetValue<double>(), Lat: p[1]!.GetValue<double>())).ToList();
        var expected = stored.Geometry.Coordinates;
        Assert.Equal(expected.Length, ring.Count);
        foreach (var c in expected)
        {
            var (elon, elat) = LonLat(c);
            Assert.Contains(ring, p => Math.Abs(p.Lon - elon) < 2e-7 && Math.Abs(p.Lat - elat) < 2e-7);
        }

        // With a tolerance the neighbours come too; by ids, exactly those.
        var near = JsonNode.Parse(await _client.GetStringAsync(string.Create(CultureInfo.InvariantCulture, $"/api/layers/farmland/features?at={lon:R},{lat:R}&tol=100")))!;
        var ids = near["features"]!.AsArray().Select(f => f!["id"]!.GetValue<string>()).ToList();
        Assert.Contains(Parcel, ids);
        Assert.True(ids.Count > 1);
        var byIds = JsonNode.Parse(await _client.GetStringAsync("/api/layers/farmland/features?ids=" + string.Join(',', ids)))!;
        Assert.Equal(ids.Order(), byIds["features"]!.AsArray().Select(f => f!["id"]!.GetValue<string>()).Order());

        // A small GeoJSON layer answers the same query.
        var towns = await _client.GetAsync("/api/layers/towns/features?bbox=105,39,109,42");
        towns.EnsureSuccessStatusCode();
        Assert.NotEmpty(JsonNode.Parse(await towns.Content.ReadAsStringAsync())!["features"]!.AsArray());
    }

    [Theory]
    [InlineData("/api/layers/farmland/features?bbox=105,39,109,42", HttpStatusCode.RequestEntityTooLarge)]
    [InlineData("/api/layers/farmland/features", HttpStatusCode.BadRequest)]
    [InlineData("/api/layers/farmland/features?at=107.1", HttpStatusCode.BadRequest)]
    [InlineData("/api/layers/farmland/features?at=107.1,40.8&tol=-1", HttpStatusCode.BadRequest)]
    [InlineData("/api/layers/farmland/features?at=107.1,40.8&bbox=105,39,109,42", HttpStatusCode.BadRequest)]
    [InlineData("/api/layers/farmland/features?ids=", HttpStatusCode.BadRequest)]
    [InlineData("/api/layers/nope/features?at=107.1,40.8", HttpStatusCode.NotFound)]
    public async Task A_bad_or_too_big_features_query_is_a_problem_that_says_what_to_do(string url, HttpStatusCode status)
    {
        var response = await _client.GetAsync(url);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["detail"]!.GetValue<string>());
    }

    private string FarmlandGpkg => Path.Combine(factory.DataDirectory, "layers", "farmland.gpkg");

    private async Task<TilesGrid> FarmlandGrid()
    {
        var catalog = JsonNode.Parse(await _client.GetStringAsync("/api/layers"))!;
        return Grid(catalog["layers"]!.AsArray().Single(l => l!["id"]!.GetValue<string>() == "farmland")!);
    }

    private static TilesGrid Grid(JsonNode layer)
    {
        var t = layer["tiles"]!;
        return new TilesGrid(
            t["url"]!.GetValue<string>(), t["crs"]!.GetValue<string>(),
            t["origin"]![0]!.GetValue<double>(), t["origin"]![1]!.GetValue<double>(),
            [.. t["resolutions"]!.AsArray().Select(r => r!.GetValue<double>())],
            t["tileSize"]!.GetValue<int>(),
            [.. t["extent"]!.AsArray().Select(r => r!.GetValue<double>())]);
    }

    /// <summary>The parcel as GDAL reads it from the GeoPackage (EPSG:4545 metres).</summary>
    private (Geometry Geometry, Dictionary<string, string> Attributes) StoredParcel()
    {
        var text = ExternalTool.OgrInfo("-q", FarmlandGpkg, "-sql", $"SELECT * FROM farmland WHERE id = '{Parcel}'");
        var attributes = Regex.Matches(text, @"^  (\w+) \([^)]*\) = (.*)$", RegexOptions.Multiline).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value.TrimEnd('\r'));
        var wkt = Regex.Match(text, @"^  (POLYGON|MULTIPOLYGON) .*$", RegexOptions.Multiline).Value.Trim();
        return (new WKTReader().Read(wkt), attributes);
    }

    /// <summary>A working-CRS point in lon/lat by cs2cs (PROJ), not by the app's own transformer.</summary>
    private static (double Lon, double Lat) LonLat(Coordinate c)
    {
        var start = new System.Diagnostics.ProcessStartInfo("cs2cs", ["-f", "%.9f", "EPSG:4545", "EPSG:4490"]) { RedirectStandardInput = true, RedirectStandardOutput = true };
        using var process = System.Diagnostics.Process.Start(start)!;
        // EPSG:4545 is northing, easting; EPSG:4490 latitude, longitude.
        process.StandardInput.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{c.Y:R} {c.X:R}"));
        process.StandardInput.Close();
        var parts = process.StandardOutput.ReadToEnd().Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        process.WaitForExit();
        return (double.Parse(parts[1], CultureInfo.InvariantCulture), double.Parse(parts[0], CultureInfo.InvariantCulture));
    }

    private sealed record TilesGrid(string Url, string Crs, double OriginX, double OriginY, double[] Resolutions, int TileSize, double[] Extent);

    /// <summary>The app over the repository's gis-data, whose farmland the build generates (DataGen).</summary>
    public sealed class RepoDataFactory : AppFactory
    {
        public string DataDirectory { get; } = BrowserFixture.KestrelAppFactory.RepoData
            ?? throw new InvalidOperationException("the repository's gis-data (with the generated farmland) was not found above the test assembly");

        protected override string DataDir => DataDirectory;
    }
}
