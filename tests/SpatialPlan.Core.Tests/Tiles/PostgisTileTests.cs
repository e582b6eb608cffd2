using Npgsql;
using NetTopologySuite.Geometries;
using SpatialPlan.Core.Crs;
using SpatialPlan.Core.Layers;
using SpatialPlan.Core.Layers.Sources;
using SpatialPlan.Core.Sources;
using SpatialPlan.Core.Styles;
using SpatialPlan.Core.Tests.Checks;
using SpatialPlan.Core.Tests.Support;
using SpatialPlan.Core.Tiles;
using SpatialPlan.TestSupport;

namespace SpatialPlan.Core.Tests.Tiles;

/// <summary>
/// PostGIS layers' tiles made by the database (ST_AsMVT over the custom grid, docs/tiles.md §7) hold what the app's
/// <see cref="TileBuilder"/> makes from the same table's rows: the same fids, each drawn feature within a pixel, the same
/// merged cells and counts. Both tiles are decoded by GDAL's MVT driver. The data is the embedded farmland (44 491 图斑)
/// loaded into a throw-away PostGIS.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgisTileTests(PostgresFixture postgres)
{
    private static readonly object Gate = new();
    private static readonly Dictionary<string, List<Coordinate>> Centres = [];
    private static string? _connection;

    private static readonly LayerDefinition Farmland = LayerCatalog.Load(CheckFixtures.DataDir).Get("farmland");

    [SkippableTheory]
    [InlineData(5)]
    [InlineData(8)]
    public void A_database_tile_holds_what_the_app_builds_from_the_same_rows(int z) => SameAsApp(z);

    /// <summary>Small scales read thousands of rows twice (database and app) and decode thousands of features: slow.</summary>
    [SkippableTheory]
    [Trait("Category", "Slow")]
    [InlineData(1)]
    [InlineData(3)]
    public void A_small_scale_database_tile_holds_what_the_app_builds_from_the_same_rows(int z) => SameAsApp(z);

    [SkippableFact]
    [Trait("Category", "Slow")]
    public void Merged_parcels_are_grouped_by_the_styles_filter_values_as_the_app_groups_them()
    {
        using var source = Open("public.farmland");
        var style = new LayerStyle
        {
            Fill = "#f0c83c",
            Rules = [new StyleRule(new StyleFilter { Property = "landClass", EqualsValue = "旱地" }, new LayerStyle { Fill = "#c8a050" })],
        };
        var schema = new TileSchema(Farmland, style);
        Assert.Contains("landClass", schema.FilterProperties);
        var grid = Grid(source);
        var (x, y) = Busiest(source, grid, 2).First();
        var merged = AssertSame(source, grid, 2, x, y, schema);
        Assert.True(merged >= 2, $"both land classes are merged at level 2 ({merged} merged features)");
    }

    private void SameAsApp(int z)
    {
        using var source = Open("public.farmland");
        var schema = new TileSchema(Farmland, null);
        var grid = Grid(source);
        foreach (var (x, y) in Busiest(source, grid, z).Take(z <= 1 ? 4 : 2))
        {
            AssertSame(source, grid, z, x, y, schema);
        }
    }

    [SkippableFact]
    public void A_table_stored_in_lon_lat_gives_the_tiles_of_the_working_CRS()
    {
        var connection = Load();
        using (var c = new NpgsqlConnection(connection))
        {
            c.Open();
            using var command = new NpgsqlCommand(
                "DROP TABLE IF EXISTS farmland_lonlat; CREATE TABLE farmland_lonlat AS SELECT fid, id, \"landClass\", ST_Transform(geom, 4490)::geometry(Geometry, 4490) AS geom FROM farmland; " +
                "CREATE INDEX ON farmland_lonlat USING gist (geom); ANALYZE farmland_lonlat", c);
            command.ExecuteNonQuery();
        }

        using var source = Open("public.farmland_lonlat");
        var schema = new TileSchema(Farmland, null);
        var grid = Grid(source);
        foreach (var z in new[] { 4, 6 })
        {
            var (x, y) = Busiest(source, grid, z).First();
            AssertSame(source, grid, z, x, y, schema);
        }
    }

    [SkippableFact]
    public void An_empty_tile_is_empty_and_a_lost_database_is_a_clear_input_error()
    {
        using var source = Open("public.farmland");
        var schema = new TileSchema(Farmland, null);
        var grid = Grid(source);
        // The grid's top-left tile at the finest level is far from every parcel.
        Assert.Empty(source.Tile(grid, grid.MaxZoom, 0, 0, "farmland", schema)!);

        // A database of its own, with one parcel, that goes away while the source is open.
        var gone = postgres.Require().CreateDatabase("farmland_gone");
        using (var c = new NpgsqlConnection(gone))
        {
            c.Open();
            using var command = new NpgsqlCommand(
                "CREATE TABLE farmland (fid serial PRIMARY KEY, id text, geom geometry(Geometry, 4545)); " +
                "INSERT INTO farmland (id, geom) SELECT 'JBNT-1', ST_Expand(ST_Centroid(ST_MakeEnvelope(@x0, @y0, @x1, @y1, 4545)), 100); " +
                "CREATE INDEX ON farmland USING gist (geom)", c);
            var t = grid.TileExtent(5, 10, 10);
            command.Parameters.AddWithValue("x0", t.MinX);
            command.Parameters.AddWithValue("y0", t.MinY);
            command.Parameters.AddWithValue("x1", t.MaxX);
            command.Parameters.AddWithValue("y1", t.MaxY);
            command.ExecuteNonQuery();
        }

        using var doomed = PostgisLayerSource.Open(Farmland, Epsg.GaussKruger108, "PostGIS public.farmland（catalog.json：farmland）",
            new LayerSourceSpec { Type = LayerSourceSpec.PostgisType, Table = "public.farmland", Connection = gone });
        var one = GdalMvt.Read(grid, 5, 10, 10, doomed.Tile(grid, 5, 10, 10, "farmland", schema)!);
        Assert.Equal("JBNT-1", Assert.Single(one).Properties["fid"]);
        using (var c = new NpgsqlConnection(postgres.Require().ConnectionString))
        {
            c.Open();
            using var command = new NpgsqlCommand("DROP DATABASE farmland_gone WITH (FORCE)", c);
            command.ExecuteNonQuery();
        }

        var e = Assert.Throws<InputException>(() => doomed.Tile(grid, 5, 0, 0, "farmland", schema));
        Assert.Contains("无法连接 PostGIS", e.Message, StringComparison.Ordinal);
        Assert.Contains("catalog.json：farmland", e.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// The database's tile and the app's tile of the same rows, decoded by GDAL: the same fids and properties, each drawn
    /// geometry within a pixel of the app's, and per combination of filter values the same merged count and cells.
    /// Returns how many merged features there were.
    /// </summary>
    private static int AssertSame(PostgisLayerSource source, TileGrid grid, int z, long x, long y, TileSchema schema)
    {
        var app = TileBuilder.Build(grid, z, x, y, "farmland", source.Query(TileBuilder.QueryExtent(grid, z, x, y)), schema);
        var db = source.Tile(grid, z, x, y, "farmland", schema);
        Assert.NotNull(db);
        Assert.InRange(db!.Length, 0, TileBuilder.MaxTileBytes);
        var (differences, merged) = TileComparison.Compare(grid, z, x, y, app, db, "farmland", schema.FilterProperties);
        Assert.True(differences.Count == 0, string.Join('\n', differences));
        return merged;
    }

    /// <summary>The tiles of level z that meet the layer, those holding the most features first.</summary>
    private static List<(long X, long Y)> Busiest(ILayerSource source, TileGrid grid, int z)
    {
        var extent = source.Extent;
        var span = grid.TileSpan(z);
        var tiles = new List<(long X, long Y, int N)>();
        var x0 = (long)Math.Floor((extent.MinX - grid.OriginX) / span);
        var x1 = (long)Math.Floor((extent.MaxX - grid.OriginX) / span);
        var y0 = (long)Math.Floor((grid.OriginY - extent.MaxY) / span);
        var y1 = (long)Math.Floor((grid.OriginY - extent.MinY) / span);
        List<Coordinate> features;
        lock (Gate)
        {
            var key = ((PostgisLayerSource)source).Where;
            if (!Centres.TryGetValue(key, out features!))
            {
                features = [.. source.Query(extent).Select(f => f.Geometry.EnvelopeInternal.Centre)];
                Centres[key] = features;
            }
        }

        for (var x = x0; x <= x1; x++)
        {
            for (var y = y0; y <= y1; y++)
            {
                var e = grid.TileExtent(z, x, y);
                tiles.Add((x, y, features.Count(e.Contains)));
            }
        }

        return [.. tiles.OrderByDescending(t => t.N).ThenBy(t => t.X).ThenBy(t => t.Y).Select(t => (t.X, t.Y))];
    }

    private static TileGrid Grid(ILayerSource source)
    {
        var area = new Envelope(source.Extent);
        area.ExpandBy(5000);
        return TileGrid.Covering(area, Epsg.GaussKruger108);
    }

    private PostgisLayerSource Open(string table) =>
        PostgisLayerSource.Open(Farmland, Epsg.GaussKruger108, $"PostGIS {table}",
            new LayerSourceSpec { Type = LayerSourceSpec.PostgisType, Table = table, Connection = Load() });

    /// <summary>The embedded farmland in the cluster's database <c>tiles</c> (loaded once).</summary>
    private string Load()
    {
        var cluster = postgres.Require();
        lock (Gate)
        {
            if (_connection is null)
            {
                var connection = cluster.CreateDatabase("tiles");
                using var folder = new TempFolder("sp-pgtiles");
                SourceFolders.AsPostgis(CheckFixtures.DataDir, folder.Path, connection, only: ["farmland"]);
                _connection = connection;
            }

            return _connection;
        }
    }
}
