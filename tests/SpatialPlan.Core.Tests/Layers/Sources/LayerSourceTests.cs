using Microsoft.Data.Sqlite;
using Npgsql;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using SpatialPlan.Core.Crs;
using SpatialPlan.Core.Layers;
using SpatialPlan.Core.Layers.Sources;
using SpatialPlan.Core.Sources;
using SpatialPlan.Core.Tests.Support;
using SpatialPlan.TestSupport;

namespace SpatialPlan.Core.Tests.Layers.Sources;

/// <summary>
/// The layer sources answer the same questions the same way: the features whose envelope meets a window, and the
/// nearest feature, through memory (the reference: an STR-tree), a GeoPackage R-tree and a PostGIS GiST index.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class LayerSourceTests(PostgresFixture postgres) : IDisposable
{
    private static readonly Lazy<List<(Geometry Geometry, AttributesTable Attributes)>> Parcels = new(() => [.. TestParcels.Make(60, 50), .. TestParcels.Awkward()]);
    private readonly TempFolder _dir = new("sp-sources");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void AGeoPackageSourceAnswersLikeTheInMemoryOne()
    {
        using var gpkg = OpenGeoPackage(Parcels.Value);
        AssertSameAnswers(Reference(), gpkg);
    }

    [Fact]
    public void AWindowOverTheWholeLayerGetsEveryFeatureOnce()
    {
        // The in-memory source answers such a window from its stored list, not its tree: the answer must be what a plain
        // envelope test of every feature gives, and what the GeoPackage's R-tree gives.
        var memory = Reference();
        using var gpkg = OpenGeoPackage(Parcels.Value);
        var wider = new Envelope(memory.Extent);
        wider.ExpandBy(500);
        foreach (var window in new[] { memory.Extent, wider })
        {
            var expected = Ids(memory.Features.Where(f => !f.Geometry.IsEmpty && f.Geometry.EnvelopeInternal.Intersects(window)));
            Assert.Equal(expected, Ids(memory.Query(window)));
            Assert.Equal(expected, Ids(gpkg.Query(window)));
        }

        // A window short of the extent by a little still goes through the tree and misses the edge features.
        var inner = new Envelope(memory.Extent);
        inner.ExpandBy(-1);
        Assert.Equal(Ids(memory.Features.Where(f => !f.Geometry.IsEmpty && f.Geometry.EnvelopeInternal.Intersects(inner))), Ids(memory.Query(inner)));
    }

    [Fact]
    public void ALayerFeatureIsAReadOnlyFeatureThatKeepsItsEnvelope()
    {
        var (geometry, attributes) = Parcels.Value[0];
        var feature = new LayerFeature(7, geometry, attributes, FieldMap.Default);
        NetTopologySuite.Features.IFeature asFeature = feature;

        Assert.Same(geometry, asFeature.Geometry);
        Assert.Same(attributes, asFeature.Attributes);
        Assert.Equal(geometry.EnvelopeInternal, feature.Envelope);
        Assert.Same(feature.Envelope, feature.Envelope); // kept, not copied at each read as EnvelopeInternal is
        Assert.Same(feature.Envelope, feature.Slim().Envelope);
        Assert.Throws<NotSupportedException>(() => asFeature.Geometry = geometry);
        Assert.Throws<NotSupportedException>(() => asFeature.Attributes = attributes);
        Assert.True(new LayerFeature(8, geometry.Factory.CreatePolygon(), attributes, FieldMap.Default).Envelope.IsNull);
    }

    [SkippableFact]
    public void APostgisSourceAnswersLikeTheInMemoryOne()
    {
        var connection = postgres.Require().CreateDatabase("answers");
        using var source = OpenPostgis(connection, "parcels", Parcels.Value);
        Assert.False(source.IsInMemory);
        Assert.Equal(Parcels.Value.Count, source.Count);
        AssertSameAnswers(Reference(), source);
    }

    [Fact]
    public void AGeoPackageInLonLatIsReadInTheWorkingCrs()
    {
        var lonLat = Parcels.Value.Take(200).Select(p => (CrsTransformer.Transform(p.Geometry, Epsg.GaussKruger108, Epsg.Cgcs2000), p.Attributes)).ToList();
        var path = _dir["lonlat.gpkg"];
        TestParcels.WriteGeoPackage(path, "lonlat", lonLat, Epsg.Cgcs2000);
        using var source = GpkgLayerSource.Open(Definition("lonlat"), Epsg.GaussKruger108, "lonlat.gpkg", path, null);

        var window = new Envelope(TestParcels.Origin.X, TestParcels.Origin.X + 1000, TestParcels.Origin.Y, TestParcels.Origin.Y + 1000);
        var hits = source.Query(window);
        var expected = Parcels.Value.Take(200).Where(p => p.Geometry.EnvelopeInternal.Intersects(window)).ToList();

        Assert.Equal(expected.Select(p => (string)p.Attributes["id"]).Order(), hits.Select(h => h.Id!).Order());
        foreach (var hit in hits)
        {
            var original = expected.Single(p => (string)p.Attributes["id"] == hit.Id).Geometry;
            Assert.Equal(Epsg.GaussKruger108, hit.Geometry.SRID);
            Assert.True(hit.Geometry.Coordinates.Zip(original.Coordinates).All(c => c.First.Distance(c.Second) < 1e-3), $"{hit.Id} is where it was");
        }
    }

    [Fact]
    public void AGeoPackageLayerIsReadOnlyWhereAskedFor()
    {
        // A feature far from the window has a broken geometry blob: a source that read the whole table would stumble on it.
        var path = _dir["broken.gpkg"];
        TestParcels.WriteGeoPackage(path, "broken", Parcels.Value);
        using (var c = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            c.Open();
            using var drop = c.CreateCommand();
            drop.CommandText = "SELECT name FROM sqlite_master WHERE type = 'trigger'";
            var triggers = new List<string>();
            using (var r = drop.ExecuteReader())
            {
                while (r.Read())
                {
                    triggers.Add(r.GetString(0));
                }
            }

            foreach (var t in triggers)
            {
                using var d = c.CreateCommand();
                d.CommandText = $"DROP TRIGGER \"{t}\"";
                d.ExecuteNonQuery();
            }

            using var corrupt = c.CreateCommand();
            corrupt.CommandText = $"UPDATE broken SET geom = x'47500003deadbeef' WHERE fid = {Parcels.Value.Count}";
            corrupt.ExecuteNonQuery();
        }

        using var source = GpkgLayerSource.Open(Definition("broken"), Epsg.GaussKruger108, "layers/broken.gpkg（catalog.json layers[0]：broken）", path, null);
        var near = source.Query(new Envelope(TestParcels.Origin.X, TestParcels.Origin.X + 300, TestParcels.Origin.Y, TestParcels.Origin.Y + 300));
        Assert.NotEmpty(near);

        var last = Parcels.Value[^1].Geometry.EnvelopeInternal;
        Assert.False(last.Intersects(new Envelope(TestParcels.Origin.X, TestParcels.Origin.X + 300, TestParcels.Origin.Y, TestParcels.Origin.Y + 300)));
        var e = Assert.Throws<InputException>(() => source.Query(last));
        Assert.Contains("layers/broken.gpkg", e.Message, StringComparison.Ordinal);
        Assert.Contains("重新导入", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("wrong-table", "没有")]
    [InlineData("no-rtree", "没有空间索引")]
    [InlineData("not-gpkg", "无法打开")]
    [InlineData("odd-crs", "无法换算")]
    public void AGeoPackageThatCannotServeALayerIsRefusedNamingIt(string problem, string expected)
    {
        var path = _dir[$"{problem}.gpkg"];
        if (problem == "not-gpkg")
        {
            File.WriteAllText(path, "这不是 GeoPackage");
        }
        else
        {
            TestParcels.WriteGeoPackage(path, "farmland", Parcels.Value.Take(10), problem == "odd-crs" ? 32649 : Epsg.GaussKruger108);
        }

        if (problem == "no-rtree")
        {
            using var c = new SqliteConnection($"Data Source={path};Pooling=False");
            c.Open();
            using var drop = c.CreateCommand();
            drop.CommandText = "DROP TABLE rtree_farmland_geom";
            drop.ExecuteNonQuery();
        }

        var where = $"layers/{problem}.gpkg（catalog.json layers[0]：farmland）";
        var e = Assert.Throws<InputException>(() => GpkgLayerSource.Open(Definition("farmland"), Epsg.GaussKruger108, where,
            path, problem == "wrong-table" ? "parcels" : null).Dispose());

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.Contains(where, e.Message, StringComparison.Ordinal);
        Assert.Contains("处理办法", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheInMemoryQueryOfManyWindowsGivesEachFeatureMeetingAnyOfThemOnce()
    {
        // The in-memory source walks its tree once for all the windows (a road's cells); the answer must be the union of
        // the windows' own answers, each feature once, whether the windows overlap, touch or lie apart.
        var source = Reference();
        var random = new Random(1130_3);
        var o = TestParcels.Origin;
        var seen = 0;
        for (var i = 0; i < 200; i++)
        {
            var windows = Enumerable.Range(0, random.Next(2, 40)).Select(_ =>
            {
                var (x, y) = (o.X - 500 + (random.NextDouble() * 7000), o.Y - 500 + (random.NextDouble() * 6000));
                var w = Math.Pow(10, 0.5 + (random.NextDouble() * 2.5));
                return new Envelope(x, x + w, y, y + (w * (0.2 + random.NextDouble())));
            }).ToList();
            var expected = windows.SelectMany(w => source.Query(w)).Select(f => f.Key).Distinct().Order().ToList();
            var actual = source.Query(windows).Select(f => f.Key).ToList();
            Assert.Equal(actual.Count, actual.Distinct().Count());
            Assert.Equal(expected, actual.Order().ToList());
            seen += actual.Count;
        }

        Assert.True(seen > 2_000, $"{seen} features");
    }

    [Fact]
    public void AnUnreachablePostgisServerIsRefusedNamingTheLayer()
    {
        // Nothing listens on this port: the message names the layer and what to check, soon, without the password.
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var spec = new LayerSourceSpec
        {
            Type = LayerSourceSpec.PostgisType, Table = "public.farmland",
            Connection = $"Host=127.0.0.1;Port={port};Database=gis;Username=planner;Password=s3cret-pw",
        };
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var e = Assert.Throws<InputException>(() => PostgisLayerSource.Open(Definition("farmland"), Epsg.GaussKruger108, "PostGIS public.farmland（catalog.json layers[3]：farmland）", spec));

        Assert.Contains("无法连接 PostGIS", e.Message, StringComparison.Ordinal);
        Assert.Contains("layers[3]：farmland", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-pw", e.Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromMilliseconds(HangGuard.Milliseconds), $"took {clock.Elapsed}");
    }

    [Fact]
    public void APostgisConnectionFromAnUnsetVariableIsRefusedNamingIt()
    {
        var spec = new LayerSourceSpec { Type = LayerSourceSpec.PostgisType, Table = "farmland", Connection = "env:SPATIALPLAN_TEST_UNSET_PG" };

        var e = Assert.Throws<InputException>(() => PostgisLayerSource.Open(Definition("farmland"), Epsg.GaussKruger108, "PostGIS farmland", spec));

        Assert.Contains("SPATIALPLAN_TEST_UNSET_PG", e.Message, StringComparison.Ordinal);
        Assert.Contains("没有设置", e.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void APostgisTableThatCannotServeALayerIsRefusedNamingIt()
    {
        var connection = postgres.Require().CreateDatabase("refusals");
        using (OpenPostgis(connection, "indexed", Parcels.Value.Take(5)))
        {
        }

        using (var db = new Npgsql.NpgsqlConnection(connection))
        {
            db.Open();
            using var command = new Npgsql.NpgsqlCommand("CREATE TABLE unindexed AS SELECT * FROM indexed", db);
            command.ExecuteNonQuery();
        }

        var missing = Assert.Throws<InputException>(() => PostgisLayerSource.Open(Definition("x"), Epsg.GaussKruger108, "PostGIS public.nothere",
            new LayerSourceSpec { Type = LayerSourceSpec.PostgisType, Table = "public.nothere", Connection = connection }));
        Assert.Contains("没有表 public.nothere", missing.Message, StringComparison.Ordinal);

        var unindexed = Assert.Throws<InputException>(() => PostgisLayerSource.Open(Definition("x"), Epsg.GaussKruger108, "PostGIS public.unindexed",
            new LayerSourceSpec { Type = LayerSourceSpec.PostgisType, Table = "public.unindexed", Connection = connection }));
        Assert.Contains("没有 GiST 空间索引", unindexed.Message, StringComparison.Ordinal);
        Assert.Contains("CREATE INDEX", unindexed.Message, StringComparison.Ordinal);

        // The connection string may come from an environment variable (keeping passwords out of catalog.json).
        Environment.SetEnvironmentVariable("SPATIALPLAN_TEST_PG_REFUSALS", connection);
        using var fromEnv = PostgisLayerSource.Open(Definition("x"), Epsg.GaussKruger108, "PostGIS public.indexed",
            new LayerSourceSpec { Type = LayerSourceSpec.PostgisType, Table = "public.indexed", Connection = "env:SPATIALPLAN_TEST_PG_REFUSALS" });
        Assert.Equal(5, fromEnv.Count);
    }

    private static InMemoryLayerSource Reference() =>
        new(Definition("parcels"), Epsg.GaussKruger108, "parcels", [.. Parcels.Value.Select((p, i) => new LayerFeature(i, p.Geometry, p.Attributes, FieldMap.Default))]);

    private GpkgLayerSource OpenGeoPackage(IEnumerable<(Geometry, AttributesTable)> parcels)
    {
        var path = _dir["parcels.gpkg"];
        TestParcels.WriteGeoPackage(path, "parcels", parcels);
        var source = GpkgLayerSource.Open(Definition("parcels"), Epsg.GaussKruger108, "parcels.gpkg", path, null);
        Assert.False(source.IsInMemory);
        return source;
    }

    private static PostgisLayerSource OpenPostgis(string connection, string table, IEnumerable<(Geometry Geometry, AttributesTable Attributes)> parcels)
    {
        var builder = new Npgsql.NpgsqlDataSourceBuilder(connection);
        builder.UseNetTopologySuite();
        using (var db = builder.Build())
        using (var c = db.OpenConnection())
        {
            using (var create = new Npgsql.NpgsqlCommand($"CREATE TABLE {table} (fid serial PRIMARY KEY, geom geometry(Geometry, 4545), id text, name text, \"landClass\" text, \"areaMu\" double precision)", c))
            {
                create.ExecuteNonQuery();
            }

            using (var import = c.BeginBinaryImport($"COPY {table} (geom, id, name, \"landClass\", \"areaMu\") FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var (g, a) in parcels)
                {
                    import.StartRow();
                    import.Write(g, NpgsqlTypes.NpgsqlDbType.Geometry);
                    import.Write((string)a["id"], NpgsqlTypes.NpgsqlDbType.Text);
                    import.Write((string)a["name"], NpgsqlTypes.NpgsqlDbType.Text);
                    import.Write((string)a["landClass"], NpgsqlTypes.NpgsqlDbType.Text);
                    import.Write((double)a["areaMu"], NpgsqlTypes.NpgsqlDbType.Double);
                }

                import.Complete();
            }

            using var index = new Npgsql.NpgsqlCommand($"CREATE INDEX ON {table} USING gist (geom); ANALYZE {table}", c);
            index.ExecuteNonQuery();
        }

        return PostgisLayerSource.Open(Definition(table), Epsg.GaussKruger108, $"PostGIS public.{table}",
            new LayerSourceSpec { Type = LayerSourceSpec.PostgisType, Table = $"public.{table}", Connection = connection });
    }

    private static void AssertSameAnswers(ILayerSource reference, ILayerSource other)
    {
        var random = new Random(4545);
        var o = TestParcels.Origin;
        for (var i = 0; i < 300; i++)
        {
            // Windows anywhere over the grid and beyond it, from a few metres to kilometres across.
            var x = o.X - 1000 + (random.NextDouble() * 8000);
            var y = o.Y - 1000 + (random.NextDouble() * 7000);
            var w = Math.Pow(10, 0.5 + (random.NextDouble() * 3));
            var window = new Envelope(x, x + w, y, y + (w * (0.2 + random.NextDouble())));
            Assert.Equal(Ids(reference.Query(window)), Ids(other.Query(window)));
        }

        var windows = Enumerable.Range(0, 40).Select(i => new Envelope(o.X + (i * 130), o.X + (i * 130) + 90, o.Y + (i * 110), o.Y + (i * 110) + 60)).ToList();
        Assert.Equal(Ids(reference.Query(windows)), Ids(other.Query(windows)));

        var factory = new GeometryFactory(new PrecisionModel(), Epsg.GaussKruger108);
        for (var i = 0; i < 120; i++)
        {
            // Probes inside the gaps, beside the grid and far away (up to 30 km), points and small polygons.
            var x = o.X - 30000 + (random.NextDouble() * 66000);
            var y = o.Y - 30000 + (random.NextDouble() * 65000);
            Geometry probe = i % 2 == 0 ? factory.CreatePoint(new Coordinate(x, y)) : factory.CreatePoint(new Coordinate(x, y)).Buffer(20 + (random.NextDouble() * 200));
            var expected = reference.Nearest(probe, double.PositiveInfinity);
            var actual = other.Nearest(probe, double.PositiveInfinity);
            Assert.NotNull(expected);
            Assert.NotNull(actual);
            Assert.Equal(probe.Distance(expected!.Geometry), probe.Distance(actual!.Geometry), 9);

            // Within a limit: nothing when the nearest is farther.
            var limit = probe.Distance(expected.Geometry) * 0.5;
            Assert.Equal(reference.Nearest(probe, limit) is null, other.Nearest(probe, limit) is null);
        }
    }

    private static string[] Ids(IEnumerable<LayerFeature> features) => [.. features.Select(f => f.Id!).Order(StringComparer.Ordinal)];

    private static LayerDefinition Definition(string id) => new()
    {
        Id = id, TitleZh = "永久基本农田", TitleEn = "Farmland", Group = "g", Category = "permanent-farmland", Style = "s", Policy = "permanent-farmland",
    };
}
