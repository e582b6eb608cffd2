using System.Net;
using System.Text.Json.Nodes;
using Npgsql;
using SpatialPlan.Core.Layers;
using SpatialPlan.Core.Layers.Sources;
using SpatialPlan.Core.Styles;
using SpatialPlan.Core.Tiles;
using SpatialPlan.TestSupport;

namespace SpatialPlan.App.Tests;

/// <summary>
/// The tiles of a PostGIS layer are made by the database (ST_AsMVT over the custom grid, docs/tiles.md §7) and served by
/// <c>/api/tiles/…</c> as before: what they hold is what the app's builder makes from the same table (decoded by GDAL),
/// with the same ETag / 304 behaviour; a database that has gone away is a problem+json, not a 500. The data is the
/// repository's gis-data with the embedded farmland (44 491 图斑) moved into a throw-away PostGIS.
/// </summary>
public sealed class PostgisTilesApiTests(PostgisTilesApiTests.PostgisData data) : IClassFixture<PostgisTilesApiTests.PostgisData>
{
    // A parcel of the embedded farmland (fixed seed: the same in every clone).
    private const string Parcel = "JBNT-037583";

    [SkippableFact]
    public async Task A_farmland_tile_at_three_levels_holds_what_the_app_builds_from_the_same_table()
    {
        var factory = data.Require();
        using var client = factory.CreateClient();
        var grid = await Grid(client);
        using var source = data.OpenSource();
        var definition = LayerCatalog.Load(factory.DataDirectory).Get("farmland");
        var schema = new TileSchema(definition, StyleBook.Load(factory.DataDirectory).Get(definition.Style));
        var centre = source.Query(source.Extent).Single(f => f.Id == Parcel).Geometry.InteriorPoint.Coordinate;

        var merged = 0;
        foreach (var z in new[] { 3, 6, 9 })
        {
            var span = grid.TileSpan(z);
            var x = (long)Math.Floor((centre.X - grid.OriginX) / span);
            var y = (long)Math.Floor((grid.OriginY - centre.Y) / span);
            var response = await client.GetAsync($"/api/tiles/farmland/{z}/{x}/{y}.mvt");
            response.EnsureSuccessStatusCode();
            Assert.Equal(TileEndpointsMediaType, response.Content.Headers.ContentType?.MediaType);
            var served = await response.Content.ReadAsByteArrayAsync();
            Assert.InRange(served.Length, 1, TileBuilder.MaxTileBytes);

            // Made by the database: the bytes ST_AsMVT writes (the app's writer orders keys and values otherwise).
            Assert.Equal(source.Tile(grid, z, x, y, "farmland", schema), served);
            var built = TileBuilder.Build(grid, z, x, y, "farmland", source.Query(TileBuilder.QueryExtent(grid, z, x, y)), schema);
            var (differences, m) = TileComparison.Compare(grid, z, x, y, built, served, "farmland", schema.FilterProperties);
            Assert.True(differences.Count == 0, string.Join('\n', differences));
            merged += m;
            if (z >= 6)
            {
                // At level 3 the parcel (about 2 px across) is merged into the filled cells; from level 6 it is drawn.
                Assert.Contains(GdalMvt.Read(grid, z, x, y, served), d => d.Properties.GetValueOrDefault("fid") == Parcel);
            }
        }

        // Level 3 (32 m a pixel) merges the smaller parcels into filled cells.
        Assert.True(merged > 0, "no merged feature at level 3");
    }

    [SkippableFact]
    public async Task A_database_tile_revalidates_with_its_ETag_and_says_how_long_the_server_took()
    {
        using var client = data.Require().CreateClient();
        var grid = await Grid(client);
        using var source = data.OpenSource();
        var centre = source.Query(source.Extent).Single(f => f.Id == Parcel).Geometry.InteriorPoint.Coordinate;
        var url = $"/api/tiles/farmland/4/{(long)Math.Floor((centre.X - grid.OriginX) / grid.TileSpan(4))}/{(long)Math.Floor((grid.OriginY - centre.Y) / grid.TileSpan(4))}.mvt";
        var first = await client.GetAsync(url);
        first.EnsureSuccessStatusCode();
        Assert.NotEmpty(await first.Content.ReadAsByteArrayAsync());
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.True(first.Headers.CacheControl?.NoCache);
        Assert.Matches(@"^tile;dur=\d+(\.\d+)?", string.Join(",", first.Headers.GetValues("Server-Timing")));

        using var again = new HttpRequestMessage(HttpMethod.Get, url);
        again.Headers.IfNoneMatch.Add(etag!);
        var revalidated = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        Assert.Empty(await revalidated.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, revalidated.Headers.ETag);

        // An empty tile is a 200 with an empty body (the grid's top-left corner at the finest level holds no parcel).
        var empty = await client.GetAsync($"/api/tiles/farmland/{grid.MaxZoom}/0/0.mvt");
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Empty(await empty.Content.ReadAsByteArrayAsync());
    }

    [SkippableFact]
    public async Task A_database_gone_away_is_a_problem_that_says_what_to_check_not_a_500()
    {
        using var factory = data.RequireDoomed();
        using var client = factory.CreateClient();
        (await client.GetAsync("/api/tiles/farmland/6/40/40.mvt")).EnsureSuccessStatusCode();
        data.DropDoomed();

        var response = await client.GetAsync("/api/tiles/farmland/7/80/80.mvt");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var detail = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["detail"]!.GetValue<string>();
        Assert.Contains("无法连接 PostGIS", detail, StringComparison.Ordinal);
        Assert.Contains("PostGIS unreachable", detail, StringComparison.Ordinal);
    }

    private const string TileEndpointsMediaType = "application/vnd.mapbox-vector-tile";

    private static async Task<TileGrid> Grid(HttpClient client)
    {
        var catalog = JsonNode.Parse(await client.GetStringAsync("/api/layers"))!;
        var t = catalog["layers"]!.AsArray().Single(l => l!["id"]!.GetValue<string>() == "farmland")!["tiles"]!;
        // The grid the app gives, rebuilt from its origin and side (an area from the origin to just past half the side).
        var originX = t["origin"]![0]!.GetValue<double>();
        var originY = t["origin"]![1]!.GetValue<double>();
        var side = t["resolutions"]![0]!.GetValue<double>() * TileGrid.TileSize;
        var grid = TileGrid.Covering(new NetTopologySuite.Geometries.Envelope(originX, originX + (side / 2) + 1, originY - 1, originY),
            int.Parse(t["crs"]!.GetValue<string>()["EPSG:".Length..], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(t["origin"]![0]!.GetValue<double>(), grid.OriginX);
        Assert.Equal(t["origin"]![1]!.GetValue<double>(), grid.OriginY);
        Assert.Equal(side, grid.Side);
        return grid;
    }

    /// <summary>
    /// A throw-away PostgreSQL cluster holding the embedded farmland (database <c>tiles</c>, and a copy <c>tiles_gone</c>
    /// for the test that drops it), and the app over the repository's gis-data with the farmland read from PostGIS.
    /// </summary>
    public sealed class PostgisData : IDisposable
    {
        private readonly PostgresCluster? _cluster;
        private readonly string? _skipReason;
        private readonly TempFolder _folder = new("sp-pgtiles-app");
        private readonly TempFolder _doomedFolder = new("sp-pgtiles-gone");
        private readonly string? _connection;
        private readonly Factory? _factory;

        public PostgisData()
        {
            _cluster = PostgresCluster.Start(out _skipReason);
            if (_cluster is null)
            {
                return;
            }

            var repo = BrowserFixture.KestrelAppFactory.RepoData
                ?? throw new InvalidOperationException("the repository's gis-data (with the generated farmland) was not found above the test assembly");
            _connection = _cluster.CreateDatabase("tiles");
            SourceFolders.AsPostgis(repo, _folder.Path, _connection, only: ["farmland"]);
            NpgsqlConnection.ClearAllPools();
            Execute(_cluster.ConnectionString, "CREATE DATABASE tiles_gone TEMPLATE tiles");
            SourceFolders.Copy(_folder.Path, _doomedFolder.Path);
            var catalog = Path.Combine(_doomedFolder.Path, LayerCatalog.FileName);
            File.WriteAllText(catalog, File.ReadAllText(catalog).Replace("Database=tiles", "Database=tiles_gone", StringComparison.Ordinal));
            _factory = new Factory(_folder.Path);
        }

        /// <summary>The app over the PostGIS-backed data, or a skip saying why there is no PostgreSQL.</summary>
        public Factory Require()
        {
            Skip.If(_factory is null, _skipReason);
            return _factory!;
        }

        /// <summary>A new app whose farmland is in the database <see cref="DropDoomed"/> drops.</summary>
        public Factory RequireDoomed()
        {
            Skip.If(_cluster is null, _skipReason);
            return new Factory(_doomedFolder.Path);
        }

        /// <summary>Drops the database the doomed app reads, its connections with it.</summary>
        public void DropDoomed() => Execute(_cluster!.ConnectionString, "DROP DATABASE tiles_gone WITH (FORCE)");

        /// <summary>The farmland table as a layer source of the test's own.</summary>
        public PostgisLayerSource OpenSource()
        {
            var definition = LayerCatalog.Load(_folder.Path).Get("farmland");
            return PostgisLayerSource.Open(definition, Core.Crs.Epsg.GaussKruger108, "PostGIS public.farmland", definition.SourceSpec!);
        }

        public void Dispose()
        {
            _factory?.Dispose();
            _cluster?.Dispose();
            _folder.Dispose();
            _doomedFolder.Dispose();
        }

        private static void Execute(string connection, string sql)
        {
            using var c = new NpgsqlConnection(connection);
            c.Open();
            using var command = new NpgsqlCommand(sql, c);
            command.ExecuteNonQuery();
        }
    }

    /// <summary>The app over a data folder, with no warm copy in memory (as for a layer too big to copy): tiles come from the database.</summary>
    public sealed class Factory(string dataDirectory) : AppFactory
    {
        public string DataDirectory => dataDirectory;

        protected override string DataDir => dataDirectory;

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("SpatialPlan:WarmIndexMaxFeatures", "0");
        }
    }
}
