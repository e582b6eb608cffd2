using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.OverlayNG;
using NetTopologySuite.Simplify;
using SpatialPlan.Core.Layers.Sources;

namespace SpatialPlan.Core.Tiles;

/// <summary>
/// Makes one vector tile of a layer (docs/tiles.md §2): the features whose envelope meets the tile grown by
/// <see cref="BufferPixels"/>, clipped to that, simplified to <see cref="SimplifyPixels"/> of the tile's resolution,
/// carrying the <see cref="TileSchema"/>'s properties, written with <see cref="MvtWriter"/> (extent 4096).
/// Polygons under <see cref="MinPolygonPixels"/> px² or narrower than <see cref="NarrowPixels"/> (and, on a crowded tile,
/// the smallest beyond <see cref="MaxFeatures"/>) are not drawn one by one: their area is spread over cells of
/// <see cref="CoverageCellPixels"/> px (over the cells each envelope covers, in proportion, as the sheets do), and every cell at least <see cref="CoverageShare"/> covered becomes part of one merged multipolygon (rectangles edge to edge: the
/// map fills it and does not outline it) per combination of the style's filter values (properties <c>merged=true</c>,
/// <c>count</c>), so a small-scale tile shows where the
/// parcels are as a filled area, not a haze of sub-pixel outlines. Lines under a pixel long are dropped. A tile that
/// still comes out over <see cref="MaxTileBytes"/> is made again with half the features drawn one by one.
/// </summary>
public static class TileBuilder
{
    /// <summary>Pixels of the neighbouring tiles each tile also holds, so strokes and labels meet at tile edges.</summary>
    public const double BufferPixels = 16;

    /// <summary>Douglas–Peucker tolerance, pixels.</summary>
    public const double SimplifyPixels = 0.5;

    /// <summary>Polygons smaller than this (px²) are merged into the coverage.</summary>
    public const double MinPolygonPixels = 4;

    /// <summary>
    /// Polygons whose mean width (2 × area ÷ perimeter) is under this, pixels, are merged into the coverage too: a strip a
    /// pixel wide and sixty long is no shape on screen, only a haze of edges (and a tile of a million such strips at level
    /// 3 was 285 KB of outlines the browser drew for a second). Two pixels, as the sheets' 0.4 mm at 150 dpi.
    /// </summary>
    public const double NarrowPixels = 2;

    /// <summary>The side of a coverage cell, pixels.</summary>
    public const int CoverageCellPixels = 2;

    /// <summary>The share of a coverage cell the merged parcels must cover for it to be filled.</summary>
    public const double CoverageShare = 0.25;

    /// <summary>Most features drawn one by one in a tile; smaller ones beyond go into the coverage.</summary>
    public const int MaxFeatures = 5_000;

    /// <summary>The largest tile the builder lets out (500 KB).</summary>
    public const int MaxTileBytes = 500 * 1024;

    private static readonly GeometryFactory Factory = new();

    /// <summary>The tile (z, x, y) of <paramref name="layerName"/> from <paramref name="features"/> (working CRS).</summary>
    /// <param name="grid">The area's tile grid.</param>
    /// <param name="z">Zoom level.</param>
    /// <param name="x">Column from the left.</param>
    /// <param name="y">Row down from the top.</param>
    /// <param name="layerName">The MVT layer's name (the catalog layer id).</param>
    /// <param name="features">The features whose envelope meets <see cref="QueryExtent"/> of the tile.</param>
    /// <param name="schema">Which properties each feature carries.</param>
    /// <param name="cancellationToken">Stops the work (a closed connection).</param>
    /// <returns>The MVT bytes; empty when nothing of the layer is in the tile.</returns>
    public static byte[] Build(TileGrid grid, int z, long x, long y, string layerName, IReadOnlyList<LayerFeature> features, TileSchema schema, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(schema);
        var tile = grid.TileExtent(z, x, y);
        var res = grid.Resolutions[z];
        var clip = QueryExtent(grid, z, x, y);
        var clipPolygon = Factory.ToGeometry(clip);

        // Each feature's size in pixels decides whether it is drawn alone or merged.
        var pixelArea = new double[features.Count];
        var narrow = new bool[features.Count];
        var polygonal = 0;
        for (var i = 0; i < features.Count; i++)
        {
            var g = features[i].Geometry;
            pixelArea[i] = g is IPolygonal ? features[i].Area / (res * res) : double.PositiveInfinity;
            // Mean width 2·area ÷ perimeter, as the sheets judge a parcel too narrow to read (ScaleGeneralisation).
            narrow[i] = g is IPolygonal && features[i].Length > 0 && 2 * features[i].Area / features[i].Length < NarrowPixels * res;
            polygonal += g is IPolygonal ? 1 : 0;
        }

        var budget = MaxFeatures;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var alone = Alone(pixelArea, narrow, budget);
            var writer = new MvtWriter(layerName, tile);
            var coverage = new Dictionary<string, Coverage>(StringComparer.Ordinal);
            for (var i = 0; i < features.Count; i++)
            {
                if ((i & 1023) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                var f = features[i];
                var g = f.Geometry;
                if (g.IsEmpty)
                {
                    continue;
                }

                if (g is IPolygonal && !alone[i])
                {
                    // Its area spread over the cells of this tile its envelope covers, each in proportion (a long strip
                    // fills its row of cells, not one dot at its centre); counted by the tile that holds its centre.
                    // The feature's kept envelope: EnvelopeInternal would copy it, a million times on a small-scale tile.
                    var e = f.Envelope;
                    double cx = (e.MinX + e.MaxX) / 2.0, cy = (e.MinY + e.MaxY) / 2.0;
                    if (e.Intersects(tile))
                    {
                        var key = schema.FilterProperties.Count == 0 ? string.Empty
                            : string.Join('\u001f', schema.FilterProperties.Select(p => schema.Value(f, p)?.ToString() ?? string.Empty));
                        if (!coverage.TryGetValue(key, out var cells))
                        {
                            cells = new Coverage(f);
                            coverage[key] = cells;
                        }

                        cells.Add(tile, res, e, features[i].Area, tile.Contains(cx, cy) && cx < tile.MaxX && cy > tile.MinY);
                    }

                    continue;
                }

                if (g is ILineal && g.Length < res)
                {
                    continue;
                }

                var part = g is IPolygonal ? ClippedPolygons(g, clip, SimplifyPixels * res) : Clipped(g, clip, clipPolygon);
                if (part is null || part.IsEmpty)
                {
                    continue;
                }

                if (part is ILineal && part.NumPoints > 2)
                {
                    var simplifier = new DouglasPeuckerSimplifier(part) { DistanceTolerance = SimplifyPixels * res, EnsureValidTopology = false };
                    part = simplifier.GetResultGeometry() is { IsEmpty: false } s ? s : part;
                }

                writer.Add(part, schema.Of(f));
            }

            foreach (var cells in coverage.Values)
            {
                if (cells.Polygon(tile, res) is { } merged)
                {
                    writer.Add(merged, cells.Properties(schema));
                }
            }

            var bytes = writer.ToArray();
            if (bytes.Length <= MaxTileBytes || budget <= 16)
            {
                return bytes;
            }

            budget = Math.Min(budget, polygonal) / 2;
        }
    }

    /// <summary>The envelope a tile's features are read for: the tile grown by <see cref="BufferPixels"/>.</summary>
    public static Envelope QueryExtent(TileGrid grid, int z, long x, long y)
    {
        ArgumentNullException.ThrowIfNull(grid);
        var e = grid.TileExtent(z, x, y);
        e.ExpandBy(BufferPixels * grid.Resolutions[z]);
        return e;
    }

    /// <summary>
    /// Which features are drawn one by one: every line and point, and the polygons of at least <see cref="MinPolygonPixels"/>
    /// px² and <see cref="NarrowPixels"/> mean width, the largest <paramref name="budget"/> of them when there are more
    /// (ties broken by order, so never more).
    /// </summary>
    private static bool[] Alone(double[] pixelArea, bool[] narrow, int budget)
    {
        var alone = new bool[pixelArea.Length];
        var big = new List<int>();
        for (var i = 0; i < pixelArea.Length; i++)
        {
            if (double.IsPositiveInfinity(pixelArea[i]))
            {
                alone[i] = true;
            }
            else if (pixelArea[i] >= MinPolygonPixels && !narrow[i])
            {
                big.Add(i);
            }
        }

        if (big.Count > budget)
        {
            big.Sort((a, b) => pixelArea[b].CompareTo(pixelArea[a]) is var c && c != 0 ? c : a.CompareTo(b));
            big.RemoveRange(budget, big.Count - budget);
        }

        foreach (var i in big)
        {
            alone[i] = true;
        }

        return alone;
    }

    /// <summary>
    /// A polygon or multipolygon cut to <paramref name="clip"/> ring by ring (NTS's <see cref="RingClipper"/>, the
    /// rectangle clip OverlayNG itself uses first) and simplified ring by ring (Douglas–Peucker at
    /// <paramref name="tolerance"/>), with no overlay and no topology repair: about 100 times cheaper per cut parcel than
    /// an OverlayNG intersection. Where a concave ring leaves the rectangle more than once, its pieces stay joined by
    /// edges along the rectangle's side, which lies <see cref="BufferPixels"/> outside the tile and is never seen; a
    /// ring left with no area (wholly outside, or collapsed) is dropped by the writer.
    /// </summary>
    private static Geometry? ClippedPolygons(Geometry g, Envelope clip, double tolerance)
    {
        var inside = clip.Covers(g.EnvelopeInternal);
        var polygons = new List<Polygon>(g.NumGeometries);
        for (var i = 0; i < g.NumGeometries; i++)
        {
            if (g.GetGeometryN(i) is not Polygon p || p.IsEmpty || (!inside && !clip.Intersects(p.EnvelopeInternal)))
            {
                continue;
            }

            if (Ring(p.ExteriorRing, inside, clip, tolerance) is not { } shell)
            {
                continue;
            }

            var holes = new List<LinearRing>(p.NumInteriorRings);
            for (var h = 0; h < p.NumInteriorRings; h++)
            {
                if (Ring(p.GetInteriorRingN(h), inside, clip, tolerance) is { } hole)
                {
                    holes.Add(hole);
                }
            }

            polygons.Add(Factory.CreatePolygon(shell, [.. holes]));
        }

        return polygons.Count switch
        {
            0 => null,
            1 => polygons[0],
            _ => Factory.CreateMultiPolygon([.. polygons]),
        };
    }

    private static LinearRing? Ring(LineString ring, bool inside, Envelope clip, double tolerance)
    {
        var points = ring.Coordinates;
        if (!inside && !clip.Covers(ring.EnvelopeInternal))
        {
            points = new RingClipper(clip).Clip(points);
        }

        // A ring the simplification would collapse (a sliver cut off at the buffer's edge) is kept as cut, as the
        // geometry simplifier's empty result was, and as PostGIS's tiles keep it (docs/tiles.md §7).
        if (points.Length > 4 && DouglasPeuckerLineSimplifier.Simplify(points, tolerance, false) is { Length: >= 4 } simplified)
        {
            points = simplified;
        }

        if (points.Length < 4)
        {
            return null;
        }

        if (!points[0].Equals2D(points[^1]))
        {
            points = [.. points, points[0].Copy()];
        }

        return Factory.CreateLinearRing(points);
    }

    private static Geometry? Clipped(Geometry g, Envelope clip, Geometry clipPolygon)
    {
        if (clip.Covers(g.EnvelopeInternal))
        {
            return g;
        }

        try
        {
            return g.Intersection(clipPolygon);
        }
        catch (TopologyException)
        {
            // A geometry the overlay cannot cut (an unrepaired ring): sent whole, the renderer clips it.
            return g;
        }
    }

    /// <summary>Area of merged parcels summed per cell of one tile, for one combination of filter values.</summary>
    private sealed class Coverage(LayerFeature first)
    {
        private const int Cells = TileGrid.TileSize / CoverageCellPixels;
        private readonly double[] _area = new double[Cells * Cells];
        private int _count;

        public void Add(Envelope tile, double res, Envelope e, double area, bool counted)
        {
            _count += counted ? 1 : 0;
            if (e.Width <= 0 || e.Height <= 0 || area <= 0)
            {
                return;
            }

            var cell = res * CoverageCellPixels;
            var density = area / (e.Width * e.Height);
            int i0 = Math.Max(0, (int)Math.Floor((e.MinX - tile.MinX) / cell)), i1 = Math.Min(Cells - 1, (int)Math.Floor((e.MaxX - tile.MinX) / cell));
            int j0 = Math.Max(0, (int)Math.Floor((tile.MaxY - e.MaxY) / cell)), j1 = Math.Min(Cells - 1, (int)Math.Floor((tile.MaxY - e.MinY) / cell));
            for (var j = j0; j <= j1; j++)
            {
                double top = tile.MaxY - (j * cell), dy = Math.Min(top, e.MaxY) - Math.Max(top - cell, e.MinY);
                for (var i = i0; i <= i1 && dy > 0; i++)
                {
                    double left = tile.MinX + (i * cell), dx = Math.Min(left + cell, e.MaxX) - Math.Max(left, e.MinX);
                    if (dx > 0)
                    {
                        _area[(j * Cells) + i] += density * dx * dy;
                    }
                }
            }
        }

        public IEnumerable<KeyValuePair<string, object?>> Properties(TileSchema schema)
        {
            yield return new("merged", true);
            yield return new("count", (long)_count);
            foreach (var p in schema.FilterProperties)
            {
                yield return new(p, schema.Value(first, p));
            }
        }

        /// <summary>
        /// The filled cells as one multipolygon of rectangles (runs of cells along each row, stacked where equal), which
        /// meet edge to edge and never overlap: drawn filled, not outlined (a union made the crowded test tile 30 times slower).
        /// </summary>
        public Geometry? Polygon(Envelope tile, double res)
        {
            var cell = res * CoverageCellPixels;
            var full = cell * cell * CoverageShare;
            var open = new Dictionary<(int From, int To), (int Top, int Bottom)>();
            var boxes = new List<Geometry>();
            for (var row = 0; row <= Cells; row++)
            {
                var runs = new HashSet<(int, int)>();
                if (row < Cells)
                {
                    for (var col = 0; col < Cells; col++)
                    {
                        if (_area[(row * Cells) + col] < full)
                        {
                            continue;
                        }

                        var start = col;
                        while (col + 1 < Cells && _area[(row * Cells) + col + 1] >= full)
                        {
                            col++;
                        }

                        runs.Add((start, col + 1));
                    }
                }

                foreach (var (span, rows) in open.ToList())
                {
                    if (runs.Remove(span))
                    {
                        open[span] = (rows.Top, row + 1);
                    }
                    else
                    {
                        open.Remove(span);
                        boxes.Add(Factory.ToGeometry(new Envelope(
                            tile.MinX + (span.From * cell), tile.MinX + (span.To * cell), tile.MaxY - (rows.Bottom * cell), tile.MaxY - (rows.Top * cell))));
                    }
                }

                foreach (var span in runs)
                {
                    open[span] = (row, row + 1);
                }
            }

            return boxes.Count == 0 ? null : Factory.BuildGeometry(boxes);
        }
    }
}
