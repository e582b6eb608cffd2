using System.Globalization;
using System.Text;
using SpatialPlan.Core.Tiles;

namespace SpatialPlan.Core.Layers.Sources;

/// <summary>
/// The one SQL statement that makes a PostGIS layer's vector tile in the database (docs/tiles.md §7), with the content
/// <see cref="TileBuilder"/> gives (§2):
/// <list type="bullet">
/// <item>rows chosen on the GiST index: <c>geom &amp;&amp;</c> the tile grown by 16 px, as an envelope in the stored SRID
/// (the envelope is transformed, not the rows), then kept where their working-CRS envelope meets it, as the app does;</item>
/// <item>each polygon's size decides whether it is drawn alone (≥ 4 px² and a mean width 2·area ÷ perimeter of ≥ 2 px,
/// the <c>budget</c> largest by area, ties by row key) or merged: the merged ones' area is spread over the 2-px cells their envelope covers, in proportion (counted by the tile holding the centre), the cells ≥ 25 %
/// covered are joined into rectangles exactly as the app does (runs along a row, stacked where a run repeats in the next
/// row: two "gaps and islands" passes), and collected into one multipolygon per combination of the style's filter values
/// with <c>merged=true</c>, <c>count</c>;</item>
/// <item>drawn features are cut to the buffered tile first where they cross it (<c>ST_Intersection</c>, as the app: simplifying
/// before cutting moved a sliver's cut edge by pixels), simplified at 0.5 px (<c>ST_Simplify</c>, Douglas–Peucker like
/// the app) and placed with
/// <c>ST_AsMVTGeom(g, ST_TileEnvelope(z, x, y, bounds => the grid's square), 4096, 128, true)</c> (128 units = 16 px);
/// lines under a pixel long are dropped;</item>
/// <item><c>ST_AsMVT</c> writes one layer named by the layer id with <c>fid</c> and the <see cref="TileSchema"/>'s
/// properties, typed as the app's reader types them (integers as int8, numeric and real as float8).</item>
/// </list>
/// Parameters are named (<c>@sx0</c> …); the statement also answers how many polygons the tile read, for the 500 KB retry.
/// </summary>
internal static class PostgisTiles
{
    /// <summary>The name of the geometry column ST_AsMVT encodes (never a property).</summary>
    private const string GeometryColumn = "__mvt_geom";

    /// <summary>A stored column: its name, and how to select it for a tile (typed as the app's reader types it).</summary>
    internal sealed record Column(string Name, string TileSql);

    /// <summary>
    /// The statement for a layer, or null when the tile needs something the statement does not do (a property named
    /// <c>merged</c>, <c>count</c> or like the geometry column): the app's builder makes those.
    /// </summary>
    /// <param name="relation">The quoted schema.table.</param>
    /// <param name="geometry">The quoted geometry column.</param>
    /// <param name="storedSrid">The geometry column's SRID.</param>
    /// <param name="workingEpsg">The working CRS (the grid's).</param>
    /// <param name="columns">The table's attribute columns.</param>
    /// <param name="idField">The mapped id field (fid), if it is a column.</param>
    /// <param name="schema">Which properties each feature carries.</param>
    public static string? Sql(string relation, string geometry, int storedSrid, int workingEpsg, IReadOnlyList<Column> columns, string idField, TileSchema schema)
    {
        var byName = columns.ToDictionary(c => c.Name, StringComparer.Ordinal);
        if (schema.Properties.Any(p => p is "merged" or "count" or GeometryColumn))
        {
            return null;
        }

        // Properties that are columns (a name that is not one has no value, as in the app, and is left out).
        var properties = schema.Properties.Where(byName.ContainsKey).ToList();
        var filters = schema.FilterProperties.ToList();
        string P(int i) => "p" + i.ToString(CultureInfo.InvariantCulture);
        string F(int i) => "m" + i.ToString(CultureInfo.InvariantCulture);

        const string Key = "((((t.ctid::text)::point)[0])::int8 << 16) | (((t.ctid::text)::point)[1])::int8";
        var fid = byName.TryGetValue(idField, out var id)
            ? $"COALESCE(NULLIF(t.{Quote(id.Name)}::text, ''), ({Key})::text)"
            : $"({Key})::text";
        var working = storedSrid == workingEpsg ? $"t.{geometry}" : $"ST_Transform(t.{geometry}, {workingEpsg})";

        var sql = new StringBuilder();
        sql.Append("WITH src AS (SELECT ").Append(Key).Append(" AS k, ").Append(fid).Append(" AS fid");
        for (var i = 0; i < properties.Count; i++)
        {
            sql.Append(", t.").Append(byName[properties[i]].TileSql).Append(" AS ").Append(P(i));
        }

        // Filter values (a constant first, so the grouping lists are never empty).
        sql.Append(", 0 AS m");
        for (var i = 0; i < filters.Count; i++)
        {
            sql.Append(", ").Append(byName.TryGetValue(filters[i], out var c) ? "t." + c.TileSql : "NULL::text").Append(" AS ").Append(F(i));
        }

        sql.Append(", ").Append(working).Append(" AS g FROM ").Append(relation).Append(" t WHERE t.").Append(geometry)
            .Append(" && ST_MakeEnvelope(@sx0, @sy0, @sx1, @sy1, ").Append(storedSrid.ToString(CultureInfo.InvariantCulture)).Append(")),\n");

        // The index compares single-precision boxes: keep exactly the rows whose envelope meets the buffered tile.
        sql.Append("""
            a AS (SELECT *, ST_GeometryType(g) IN ('ST_Polygon', 'ST_MultiPolygon') AS poly,
                    ST_GeometryType(g) IN ('ST_LineString', 'ST_MultiLineString') AS line,
                    ST_GeometryType(g) IN ('ST_Point', 'ST_MultiPoint') AS puntal
                  FROM src WHERE g IS NOT NULL AND NOT ST_IsEmpty(g)
                    AND ST_XMin(g) <= @qx1 AND ST_XMax(g) >= @qx0 AND ST_YMin(g) <= @qy1 AND ST_YMax(g) >= @qy0),
            b AS (SELECT *, CASE WHEN poly THEN ST_Area(g) END AS area,
                    CASE WHEN poly THEN ST_Area(g) >= @minArea AND 2 * ST_Area(g) >= @narrow * ST_Perimeter(g) END AS big FROM a),
            r AS (SELECT *, NOT poly OR (big
                    AND row_number() OVER (PARTITION BY poly AND big ORDER BY area DESC, k) <= @budget) AS alone FROM b),
            cut AS (SELECT *, CASE WHEN ST_XMin(g) >= @qx0 AND ST_XMax(g) <= @qx1 AND ST_YMin(g) >= @qy0 AND ST_YMax(g) <= @qy1 THEN g
                    ELSE ST_Intersection(g, ST_MakeEnvelope(@qx0, @qy0, @qx1, @qy1, ST_SRID(g))) END AS part
                  FROM r WHERE alone AND NOT (line AND ST_Length(g) < @res)),
            drawn AS (SELECT fid
            """);
        for (var i = 0; i < properties.Count; i++)
        {
            sql.Append(", ").Append(P(i));
        }

        sql.Append("""
            , ST_AsMVTGeom(CASE WHEN NOT puntal AND ST_NPoints(part) > 4
                      THEN COALESCE((SELECT s FROM ST_Simplify(part, @tolerance) s WHERE NOT ST_IsEmpty(s)), part) ELSE part END,
                    ST_TileEnvelope(@z, @x, @y, ST_MakeEnvelope(@ex0, @ey0, @ex1, @ey1, 
            """).Append(workingEpsg.ToString(CultureInfo.InvariantCulture)).Append("""
            )), 4096, 128, true) AS geom
                  FROM cut WHERE NOT ST_IsEmpty(part)),
            c AS (SELECT m
            """);
        var m = string.Concat(Enumerable.Range(0, filters.Count).Select(i => ", " + F(i)));
        sql.Append(m).Append("""
            , ST_XMin(g) AS x0, ST_XMax(g) AS x1, ST_YMin(g) AS y0, ST_YMax(g) AS y1, area,
                    ((ST_XMin(g) + ST_XMax(g)) / 2 >= @tx0 AND (ST_XMin(g) + ST_XMax(g)) / 2 < @tx1
                     AND (ST_YMin(g) + ST_YMax(g)) / 2 > @ty0 AND (ST_YMin(g) + ST_YMax(g)) / 2 <= @ty1) AS counted
                  FROM r WHERE poly AND NOT alone
                    AND ST_XMin(g) <= @tx1 AND ST_XMax(g) >= @tx0 AND ST_YMin(g) <= @ty1 AND ST_YMax(g) >= @ty0),
            counts AS (SELECT m
            """).Append(m).Append(", count(*) FILTER (WHERE counted) AS merged_count FROM c GROUP BY m").Append(m).Append("),\n");
        // Each merged parcel's area spread over the tile's cells its envelope covers, in proportion (as the app).
        sql.Append("spread AS (SELECT m").Append(m).Append("""
            , i AS cx, j AS cy,
                    area / ((x1 - x0) * (y1 - y0)) * (LEAST(@tx0 + (i + 1) * @cell, x1) - GREATEST(@tx0 + i * @cell, x0))
                      * (LEAST(@ty1 - j * @cell, y1) - GREATEST(@ty1 - (j + 1) * @cell, y0)) AS a
                  FROM c, generate_series(GREATEST(floor((x0 - @tx0) / @cell)::int, 0), LEAST(floor((x1 - @tx0) / @cell)::int, @cells - 1)) i,
                    generate_series(GREATEST(floor((@ty1 - y1) / @cell)::int, 0), LEAST(floor((@ty1 - y0) / @cell)::int, @cells - 1)) j
                  WHERE x1 > x0 AND y1 > y0 AND area > 0),
            cells AS (SELECT m
            """).Append(m).Append(", cx, cy, sum(a) AS area FROM spread WHERE a > 0 GROUP BY m").Append(m).Append(", cx, cy),\n");
        // Filter values may be NULL: joined with IS NOT DISTINCT FROM, as GROUP BY groups them.
        sql.Append("total AS (SELECT cells.*, k.merged_count FROM cells JOIN counts k ON k.m = cells.m")
            .Append(string.Concat(Enumerable.Range(0, filters.Count).Select(i => $" AND k.{F(i)} IS NOT DISTINCT FROM cells.{F(i)}"))).Append("),\n");
        sql.Append("filled AS (SELECT *, cx - row_number() OVER (PARTITION BY m").Append(m).Append(", cy ORDER BY cx) AS run FROM total WHERE area >= @full),\n");
        sql.Append("runs AS (SELECT m").Append(m).Append(", merged_count, cy, min(cx) AS x0, max(cx) + 1 AS x1 FROM filled GROUP BY m").Append(m).Append(", merged_count, cy, run),\n");
        sql.Append("stacks AS (SELECT *, cy - row_number() OVER (PARTITION BY m").Append(m).Append(", x0, x1 ORDER BY cy) AS stack FROM runs),\n");
        sql.Append("rects AS (SELECT m").Append(m).Append(", merged_count, ST_MakeEnvelope(@tx0 + x0 * @cell, @ty1 - (max(cy) + 1) * @cell, @tx0 + x1 * @cell, @ty1 - min(cy) * @cell, ")
            .Append(workingEpsg.ToString(CultureInfo.InvariantCulture)).Append(") AS box FROM stacks GROUP BY m").Append(m).Append(", merged_count, x0, x1, stack),\n");
        sql.Append("merged AS (SELECT m").Append(m).Append(", merged_count, ST_AsMVTGeom(ST_Collect(box), ST_TileEnvelope(@z, @x, @y, ST_MakeEnvelope(@ex0, @ey0, @ex1, @ey1, ")
            .Append(workingEpsg.ToString(CultureInfo.InvariantCulture)).Append(")), 4096, 128, true) AS geom FROM rects GROUP BY m").Append(m).Append(", merged_count),\n");

        // One row a feature: fid, the properties under their stored names, merged, count, the geometry in tile units.
        sql.Append("tile AS (SELECT fid AS ").Append(Quote(TileSchema.FidProperty));
        for (var i = 0; i < properties.Count; i++)
        {
            sql.Append(", ").Append(P(i)).Append(" AS ").Append(Quote(properties[i]));
        }

        sql.Append(", NULL::boolean AS merged, NULL::int8 AS count, geom AS ").Append(GeometryColumn).Append(" FROM drawn WHERE geom IS NOT NULL UNION ALL SELECT NULL::text");
        foreach (var p in properties)
        {
            var f = filters.IndexOf(p);
            sql.Append(", ").Append(f >= 0 ? F(f) : "NULL");
        }

        sql.Append(", true, merged_count::int8, geom FROM merged WHERE geom IS NOT NULL)\n");
        sql.Append("SELECT COALESCE((SELECT ST_AsMVT(tile.*, @layer, 4096, '").Append(GeometryColumn).Append("') FROM tile), ''::bytea), (SELECT count(*) FROM a WHERE poly)");
        return sql.ToString();
    }

    /// <summary>Every column the statement can select for a tile, typed as <see cref="PostgisLayerSource"/>'s reader types it.</summary>
    public static string TileSql(string name, string dataType) => dataType switch
    {
        "text" or "character varying" or "character" or "bigint" or "double precision" or "boolean" => Quote(name),
        "integer" or "smallint" => $"{Quote(name)}::int8",
        "numeric" or "real" => $"{Quote(name)}::float8",
        _ => $"{Quote(name)}::text",
    };

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
