using System.Net;
using System.Text.Json.Nodes;
using SpatialPlan.App.Tiles;
using SpatialPlan.TestSupport;

namespace SpatialPlan.App.Tests;

/// <summary>
/// The tile cache and the ETag never serve a changed layer stale (docs/tiles.md §3): a layer file changed while the app
/// runs gives its tiles new ETags (an old If-None-Match gets the new tile, not a 304), and the in-memory cache keeps
/// within its byte bound, least recently used out first.
/// </summary>
public sealed class TilesCacheTests
{
    [Fact]
    public async Task A_layer_file_changed_while_the_app_runs_gets_new_tile_ETags_and_no_304_on_the_old_one()
    {
        // The fixture with every layer as a GeoPackage table: indexed layers are tiled whatever their size.
        using var folder = new TempFolder("sp-tiles-stale");
        SourceFolders.AsGeoPackage(AppFactory.FixtureData, folder.Path);
        using var app = new FolderFactory(folder.Path);
        using var client = app.CreateClient();
        var layer = JsonNode.Parse(await client.GetStringAsync("/api/layers"))!["layers"]!.AsArray()
            .Single(l => l!["id"]!.GetValue<string>() == "eco-redline")!;
        Assert.NotNull(layer["tiles"]);
        const string url = "/api/tiles/eco-redline/0/0/0.mvt";
        var first = await client.GetAsync(url);
        first.EnsureSuccessStatusCode();
        Assert.NotEmpty(await first.Content.ReadAsByteArrayAsync());
        var etag = first.Headers.ETag!;

        // The same file: 304.
        using (var same = new HttpRequestMessage(HttpMethod.Get, url))
        {
            same.Headers.IfNoneMatch.Add(etag);
            Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(same)).StatusCode);
        }

        // The file is rewritten (here: its write time moves): the old ETag no longer matches.
        var gpkg = Directory.GetFiles(Path.Combine(folder.Path, "layers"), "*.gpkg").Single(f => Path.GetFileName(f).Contains("eco-redline", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(gpkg, File.GetLastWriteTimeUtc(gpkg).AddMinutes(5));
        using var old = new HttpRequestMessage(HttpMethod.Get, url);
        old.Headers.IfNoneMatch.Add(etag);
        var changed = await client.SendAsync(old);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);
        Assert.NotEmpty(await changed.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task The_cache_keeps_within_its_bound_dropping_the_least_recently_used_tile()
    {
        // Room for two 1 000-byte tiles (each counts 100 bytes of bookkeeping too).
        var cache = new TileCache(2_300);
        var made = 0;
        byte[] Make() { made++; return new byte[1_000]; }

        await cache.GetOrMake("a", Make);
        await cache.GetOrMake("b", Make);
        Assert.True((await cache.GetOrMake("a", Make)).Hit);   // a is now the most recently used
        await cache.GetOrMake("c", Make);                        // b goes
        Assert.Equal(2, cache.Count);
        Assert.InRange(cache.Bytes, 0, 2_300);
        Assert.True((await cache.GetOrMake("a", Make)).Hit);
        Assert.True((await cache.GetOrMake("c", Make)).Hit);
        Assert.False((await cache.GetOrMake("b", Make)).Hit);
        Assert.Equal(4, made);
    }

    [Theory]
    [InlineData(null, "hit")]
    [InlineData("0", "miss")]
    public async Task The_tile_cache_bound_is_a_setting(string? megabytes, string second)
    {
        using var folder = new TempFolder("sp-tiles-bound");
        SourceFolders.AsGeoPackage(AppFactory.FixtureData, folder.Path);
        using var app = new FolderFactory(folder.Path, megabytes);
        using var client = app.CreateClient();
        // A large-scale tile (never made ahead), asked for twice.
        const string url = "/api/tiles/eco-redline/9/0/0.mvt";
        var timings = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            timings.Add(string.Join(",", response.Headers.GetValues("Server-Timing")));
        }

        Assert.Contains("cache;desc=miss", timings[0], StringComparison.Ordinal);
        Assert.Contains("cache;desc=" + second, timings[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_layer_file_broken_while_the_app_runs_gives_a_problem_for_its_tiles_not_a_500()
    {
        using var folder = new TempFolder("sp-tiles-broken");
        SourceFolders.AsGeoPackage(AppFactory.FixtureData, folder.Path);
        // Read through the file's index (no warm copy in memory, no tile kept), as a layer too big to copy is.
        using var app = new FolderFactory(folder.Path, "0", warm: false);
        using var client = app.CreateClient();
        Assert.NotNull(JsonNode.Parse(await client.GetStringAsync("/api/layers"))!["layers"]!.AsArray()
            .Single(l => l!["id"]!.GetValue<string>() == "eco-redline")!["tiles"]);
        var gpkg = Directory.GetFiles(Path.Combine(folder.Path, "layers"), "*.gpkg").Single(f => Path.GetFileName(f).Contains("eco-redline", StringComparison.Ordinal));
        File.WriteAllText(gpkg, "not a GeoPackage any more");

        var response = await client.GetAsync("/api/tiles/eco-redline/0/0/0.mvt");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode is >= 400 and < 500 or 503, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public void A_negative_tile_cache_bound_stops_the_app_naming_the_setting()
    {
        using var app = new FolderFactory(AppFactory.FixtureData, "-1");
        var e = Assert.Throws<Core.Sources.InputException>(() => app.CreateClient());
        Assert.Contains("TileCacheMegabytes", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tile_made_ahead_is_kept_outside_the_bound_and_never_pushed_out()
    {
        var cache = new TileCache(2_300);
        var made = 0;
        byte[] Make() { made++; return new byte[1_000]; }

        await cache.GetOrMake("ahead", Make, keep: true);
        Assert.Equal(1_100, cache.KeptBytes);
        Assert.Equal(0, cache.Bytes);
        foreach (var key in new[] { "a", "b", "c", "d" })
        {
            await cache.GetOrMake(key, Make);
        }

        Assert.True((await cache.GetOrMake("ahead", Make)).Hit);
        Assert.InRange(cache.Bytes, 0, 2_300);
        Assert.Equal(5, made);
    }

    [Fact]
    public async Task A_tile_asked_for_many_times_at_once_is_made_once()
    {
        var cache = new TileCache();
        var made = 0;
        using var gate = new ManualResetEventSlim();
        byte[] Make()
        {
            Interlocked.Increment(ref made);
            gate.Wait(TimeSpan.FromSeconds(5));
            return [1, 2, 3];
        }

        var asks = Enumerable.Range(0, 8).Select(_ => cache.GetOrMake("t", Make)).ToList();
        gate.Set();
        var answers = await Task.WhenAll(asks);
        Assert.Equal(1, made);
        Assert.All(answers, a => Assert.Equal([1, 2, 3], a.Tile));
    }

    private sealed class FolderFactory(string dataDir, string? tileCacheMegabytes = null, bool warm = true) : AppFactory
    {
        protected override string DataDir => dataDir;

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            if (tileCacheMegabytes is not null)
            {
                builder.UseSetting("SpatialPlan:TileCacheMegabytes", tileCacheMegabytes);
            }

            if (!warm)
            {
                builder.UseSetting("SpatialPlan:WarmIndexMaxFeatures", "0");
            }
        }
    }
}
