using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using SpatialPlan.Core.Layers;
using SpatialPlan.Core.Layers.Sources;
using SpatialPlan.Core.Styles;
using SpatialPlan.Core.Tiles;
using SpatialPlan.TestSupport;
using Xunit;

namespace SpatialPlan.Core.Tests.Tiles;

/// <summary>The tile grid, the MVT writer and the tile builder; tiles are decoded by GDAL's MVT driver, not by our code.</summary>
public sealed class TileTests
{
    private static readonly GeometryFactory F = new();

    // A 60 × 45 km area in EPSG:4545 metres, like a county.
    private static readonly TileGrid Grid = TileGrid.Covering(new Envelope(412_345, 472_345, 4_501_234, 4_546_234), 4545);

    [Fact]
    public void Grid_is_a_rounded_square_whose_resolutions_halve_down_to_a_quarter_metre()
    {
        Assert.Equal(412_000, Grid.OriginX);
        Assert.Equal(4_547_000, Grid.OriginY);
        // 61 km rounded → the smallest 128 m · 2ⁿ that holds it: 128 × 512 = 65 536 m.
        Assert.Equal(65_536, Grid.Side);
        Assert.Equal(128, Grid.Resolutions[0]);
        Assert.Equal(0.25, Grid.Resolutions[^1]);
        Assert.Equal(9, Grid.MaxZoom);
        for (var z = 1; z < Grid.Resolutions.Count; z++)
        {
            Assert.Equal(Grid.Resolutions[z - 1] / 2, Grid.Resolutions[z]);
        }

        Assert.Equal("EPSG:4545", Grid.Crs);
        Assert.Equal(new Envelope(412_000, 477_536, 4_547_000 - 65_536, 4_547_000), Grid.Extent);
    }

    [Fact]
    public void Tile_y_counts_down_from_the_origin_as_in_OpenLayers()
    {
        // Level 2: 4 × 4 tiles of 16 384 m.
        var e = Grid.TileExtent(2, 1, 3);
        Assert.Equal(new Envelope(412_000 + 16_384, 412_000 + 32_768, 4_547_000 - 65_536, 4_547_000 - 49_152), e);
        Assert.True(Grid.Contains(2, 3, 3));
        Assert.False(Grid.Contains(2, 4, 0));
        Assert.False(Grid.Contains(2, 0, -1));
        Assert.False(Grid.Contains(10, 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Grid.TileExtent(2, 4, 0));
    }

    [Fact]
    public void Writer_output_decodes_in_GDAL_to_the_same_geometry_holes_and_properties()
    {
        const int z = 4;
        const long x = 5, y = 6;
        var tile = Grid.TileExtent(z, x, y);
        var unit = tile.Width / MvtWriter.DefaultExtent;

        // A square with a square hole, a line and a point, placed in the tile.
        double ox = tile.MinX + 500, oy = tile.MinY + 500;
        var shell = Ring(ox, oy, ox + 2000, oy + 1500);
        var hole = Ring(ox + 500, oy + 500, ox + 1000, oy + 900);
        var polygon = F.CreatePolygon(shell, [hole]);
        var line = F.CreateLineString([new(ox, oy + 2000), new(ox + 1000, oy + 2500), new(ox + 1500, oy + 2100)]);
        var point = F.CreatePoint(new Coordinate(ox + 3000, oy + 3000));

        var writer = new MvtWriter("farmland", tile);
        Assert.True(writer.Add(polygon, Props(("fid", "A-1"), ("areaMu", 4.5), ("count", 3L), ("merged", true))));
        Assert.True(writer.Add(line, Props(("fid", "L"), ("name", "渠"))));
        Assert.True(writer.Add(point, Props(("fid", "P"))));
        var decoded = GdalMvt.Read(Grid, z, x, y, writer.ToArray());

        Assert.Equal(3, decoded.Count);
        Assert.All(decoded, d => Assert.Equal("farmland", d.Layer));
        var p = decoded.Single(d => d.Properties["fid"] == "A-1");
        Assert.Equal("4.5", p.Properties["areaMu"]);
        Assert.Equal("3", p.Properties["count"]);
        Assert.Equal("1", p.Properties["merged"]);
        // One polygon with its hole (a wrong winding would give two polygons, or none): area 2000·1500 − 500·400.
        var poly = Assert.IsAssignableFrom<IPolygonal>(p.Geometry);
        Assert.Equal(1, p.Geometry.NumGeometries);
        Assert.Equal(1, ((Polygon)p.Geometry.GetGeometryN(0)).NumInteriorRings);
        Assert.Equal((2000 * 1500) - (500 * 400), p.Geometry.Area, 2000 * unit * 4);
        Assert.True(p.Geometry.EnvelopeInternal.MinX >= ox - unit && p.Geometry.EnvelopeInternal.MinX <= ox + unit);
        Assert.True(p.Geometry.EnvelopeInternal.MaxY >= oy + 1500 - unit && p.Geometry.EnvelopeInternal.MaxY <= oy + 1500 + unit);

        var l = decoded.Single(d => d.Properties["fid"] == "L");
        Assert.Equal("渠", l.Properties["name"]);
        Assert.Equal(line.Length, l.Geometry.Length, unit * 3);
        var pt = decoded.Single(d => d.Properties["fid"] == "P");
        Assert.Equal(point.X, pt.Geometry.Coordinate.X, unit);
        Assert.Equal(point.Y, pt.Geometry.Coordinate.Y, unit);
    }

    [Fact]
    public void Nothing_in_the_tile_gives_an_empty_tile()
    {
        var tile = Grid.TileExtent(3, 0, 0);
        var writer = new MvtWriter("farmland", tile);
        // 0.2 m at 2 m a tile unit collapses to one point: nothing is left.
        Assert.False(writer.Add(F.ToGeometry(new Envelope(tile.MinX + 3.1, tile.MinX + 3.3, tile.MinY + 3.1, tile.MinY + 3.3)), Props(("fid", "x"))));
        Assert.Empty(writer.ToArray());
    }

    [Fact]
    public void Builder_clips_to_the_buffered_tile_and_keeps_the_style_properties()
    {
        const int z = 6;
        const long x = 20, y = 30;
        var tile = Grid.TileExtent(z, x, y);
        var res = Grid.Resolutions[z];
        // A long strip across three tiles, and a parcel wholly inside.
        var strip = F.ToGeometry(new Envelope(tile.MinX - tile.Width, tile.MaxX + tile.Width, tile.MinY + 100, tile.MinY + 300));
        var parcel = F.ToGeometry(new Envelope(tile.MinX + 200, tile.MinX + 400, tile.MinY + 400, tile.MinY + 600));
        var layer = Layer("water", new LayerStyle { Rules = [new StyleRule(new StyleFilter { Property = "level", EqualsValue = "floodplain" }, new LayerStyle())] });
        var features = new[]
        {
            Feature(1, strip, ("id", "S1"), ("level", "floodplain"), ("note", "not for tiles")),
            Feature(2, parcel, ("level", "river")),
        };

        var bytes = TileBuilder.Build(Grid, z, x, y, "water", features, new TileSchema(layer, layer.StyleFor()));
        var decoded = GdalMvt.Read(Grid, z, x, y, bytes);

        var s = decoded.Single(d => d.Properties["fid"] == "S1");
        Assert.Equal("floodplain", s.Properties["level"]);
        Assert.False(s.Properties.ContainsKey("note"));
        var buffer = TileBuilder.BufferPixels * res;
        Assert.Equal(tile.MinX - buffer, s.Geometry.EnvelopeInternal.MinX, 0.01);
        Assert.Equal(tile.MaxX + buffer, s.Geometry.EnvelopeInternal.MaxX, 0.01);
        // The second feature has no id attribute: its fid is its key.
        var p = decoded.Single(d => d.Properties["fid"] == "2");
        Assert.Equal("river", p.Properties["level"]);
        Assert.Equal(parcel.Area, p.Geometry.Area, 1e-6);
    }

    [Fact]
    public void Concave_parcels_holes_and_multipolygons_cut_by_the_tile_edge_cover_what_GEOS_intersection_covers()
    {
        // The builder cuts polygons ring by ring (no overlay): what is inside the tile must still be exactly what an
        // intersection gives. GDAL decodes and clips the tile to its own square (CLIP=YES); NTS's OverlayNG intersection
        // of the input with the tile is the oracle, in a pixel's tolerance.
        const int z = 7;
        const long x = 40, y = 60;
        var tile = Grid.TileExtent(z, x, y);
        var res = Grid.Resolutions[z];
        double ex = tile.MaxX, top = tile.MaxY;
        // A comb: its three teeth leave the tile on the right and come back; a hole in the top tooth straddles the edge.
        var comb = F.CreatePolygon(
            F.CreateLinearRing(
            [
                new(ex - 300, top - 100), new(ex + 200, top - 100), new(ex + 200, top - 160), new(ex - 200, top - 160),
                new(ex - 200, top - 220), new(ex + 200, top - 220), new(ex + 200, top - 280), new(ex - 200, top - 280),
                new(ex - 200, top - 340), new(ex + 200, top - 340), new(ex + 200, top - 400), new(ex - 300, top - 400),
                new(ex - 300, top - 100),
            ]),
            [Ring(ex - 50, top - 140, ex + 50, top - 120)]);
        // Two parts: one inside, one across the bottom-left corner; and a parcel wholly outside the buffer.
        var pair = F.CreateMultiPolygon(
        [
            (Polygon)F.ToGeometry(new Envelope(tile.MinX + 300, tile.MinX + 500, tile.MinY + 300, tile.MinY + 450)),
            (Polygon)F.ToGeometry(new Envelope(tile.MinX - 80, tile.MinX + 60, tile.MinY - 70, tile.MinY + 90)),
        ]);
        var outside = F.ToGeometry(new Envelope(tile.MaxX + 500, tile.MaxX + 600, tile.MinY + 100, tile.MinY + 200));
        var layer = Layer("farmland", new LayerStyle());
        var features = new[] { Feature(1, comb, ("id", "COMB")), Feature(2, pair, ("id", "PAIR")), Feature(3, outside, ("id", "OUT")) };

        var bytes = TileBuilder.Build(Grid, z, x, y, "farmland", features, new TileSchema(layer, layer.StyleFor()));
        var clipped = GdalMvt.Read(Grid, z, x, y, bytes, clip: true);
        var square = F.ToGeometry(tile);
        var pixel = res;
        foreach (var (fid, input) in new (string, Geometry)[] { ("COMB", comb), ("PAIR", pair) })
        {
            var decoded = clipped.Where(d => d.Properties["fid"] == fid).Select(d => d.Geometry).ToList();
            Assert.NotEmpty(decoded);
            var expected = input.Intersection(square);
            var got = decoded.Sum(g => g.Area);
            // Within half a pixel along the part's outline (the tile's integer grid and the 0.5 px simplification).
            Assert.True(Math.Abs(expected.Area - got) <= expected.Length * pixel * 0.5,
                $"{fid}: GDAL-decoded area inside the tile {got:0.0} m², intersection {expected.Area:0.0} m²");
        }

        Assert.DoesNotContain(GdalMvt.Read(Grid, z, x, y, bytes), d => d.Properties["fid"] == "OUT");
    }

    [Fact]
    public void Sub_pixel_parcels_are_merged_into_a_filled_coverage_under_500_KB()
    {
        // Level 0 (128 m a pixel): 40 000 parcels of 20 × 50 m in a dense 4 × 10 km block, each far under a pixel.
        var tile = Grid.TileExtent(0, 0, 0);
        var features = new List<LayerFeature>();
        for (var i = 0; i < 200; i++)
        {
            for (var j = 0; j < 200; j++)
            {
                double x0 = tile.MinX + 10_000 + (i * 20), y0 = tile.MinY + 20_000 + (j * 50);
                features.Add(Feature((i * 200) + j, F.ToGeometry(new Envelope(x0, x0 + 18, y0, y0 + 48)), ("id", $"P{i}-{j}")));
            }
        }

        var layer = Layer("farmland", new LayerStyle());
        var bytes = TileBuilder.Build(Grid, 0, 0, 0, "farmland", features, new TileSchema(layer, null));
        Assert.InRange(bytes.Length, 1, TileBuilder.MaxTileBytes);
        var decoded = GdalMvt.Read(Grid, 0, 0, 0, bytes);
        var merged = Assert.Single(decoded);
        Assert.Equal("1", merged.Properties["merged"]);
        Assert.Equal("40000", merged.Properties["count"]);
        // The block is 4 000 × 10 000 m, 86 % covered: the coverage fills about the block (cells of 256 m at the edges).
        Assert.InRange(merged.Geometry.Area, 4000 * 10000 * 0.8, 4512 * 10512 * 1.0);
        Assert.All(Enumerable.Range(0, merged.Geometry.NumGeometries), i => Assert.True(merged.Geometry.GetGeometryN(i).IsValid));
    }

    [Fact]
    public void A_crowded_tile_draws_the_largest_parcels_alone_and_stays_under_500_KB()
    {
        // Level 3 (16 m a pixel): 6 400 parcels of 66–72 × 70 m (18–20 px², mean width over 2 px), more than a tile
        // draws one by one.
        const int z = 3;
        var tile = Grid.TileExtent(z, 1, 1);
        var features = new List<LayerFeature>();
        for (var i = 0; i < 6_400; i++)
        {
            double x0 = tile.MinX + (i % 80 * 80), y0 = tile.MinY + (i / 80 * 80);
            var w = 66 + (i % 7);
            features.Add(Feature(i, F.ToGeometry(new Envelope(x0, x0 + w, y0, y0 + 70)), ("id", "F" + i)));
        }

        var layer = Layer("farmland", new LayerStyle());
        var bytes = TileBuilder.Build(Grid, z, 1, 1, "farmland", features, new TileSchema(layer, null));
        Assert.InRange(bytes.Length, 1, TileBuilder.MaxTileBytes);
        var decoded = GdalMvt.Read(Grid, z, 1, 1, bytes);
        var alone = decoded.Where(d => !d.Properties.ContainsKey("merged")).ToList();
        Assert.InRange(alone.Count, 1, TileBuilder.MaxFeatures);
        Assert.Contains(decoded, d => d.Properties.ContainsKey("merged"));
    }

    [Fact]
    public void Parcels_narrower_than_two_pixels_are_merged_however_large_and_wider_ones_drawn()
    {
        // Level 3 (16 m a pixel): strips 20 m × 600 m (47 px², but 1.2 px across) merge; 60 m × 600 m (3.4 px) draw.
        const int z = 3;
        var tile = Grid.TileExtent(z, 1, 1);
        var features = new List<LayerFeature>();
        for (var i = 0; i < 100; i++)
        {
            double x0 = tile.MinX + 1_000 + (i * 22), y0 = tile.MinY + 1_000;
            features.Add(Feature(i, F.ToGeometry(new Envelope(x0, x0 + 20, y0, y0 + 600)), ("id", "N" + i)));
            double x1 = tile.MinX + 1_000 + (i * 62), y1 = tile.MinY + 3_000;
            features.Add(Feature(1_000 + i, F.ToGeometry(new Envelope(x1, x1 + 60, y1, y1 + 600)), ("id", "W" + i)));
        }

        var layer = Layer("farmland", new LayerStyle());
        var decoded = GdalMvt.Read(Grid, z, 1, 1, TileBuilder.Build(Grid, z, 1, 1, "farmland", features, new TileSchema(layer, null)));
        var alone = decoded.Where(d => !d.Properties.ContainsKey("merged")).Select(d => d.Properties["fid"]).ToList();
        Assert.Equal(100, alone.Count);
        Assert.All(alone, fid => Assert.StartsWith("W", fid, StringComparison.Ordinal));
        var merged = Assert.Single(decoded, d => d.Properties.ContainsKey("merged"));
        Assert.Equal("100", merged.Properties["count"]);
    }

    private static LinearRing Ring(double x0, double y0, double x1, double y1) =>
        F.CreateLinearRing([new(x0, y0), new(x1, y0), new(x1, y1), new(x0, y1), new(x0, y0)]);

    private static KeyValuePair<string, object?>[] Props(params (string Key, object? Value)[] p) =>
        [.. p.Select(kv => new KeyValuePair<string, object?>(kv.Key, kv.Value))];

    private static LayerFeature Feature(long key, Geometry g, params (string Key, object Value)[] attributes)
    {
        var table = new AttributesTable();
        foreach (var (k, v) in attributes)
        {
            table.Add(k, v);
        }

        return new LayerFeature(key, g, table, FieldMap.Default);
    }

    private static TestLayer Layer(string id, LayerStyle style) => new(new LayerDefinition
    {
        Id = id, TitleZh = id, TitleEn = id, Group = "g", Category = "c", Style = id,
    }, style);

    private sealed record TestLayer(LayerDefinition Definition, LayerStyle Style)
    {
        public LayerStyle StyleFor() => Style;

        public static implicit operator LayerDefinition(TestLayer l) => l.Definition;
    }
}
