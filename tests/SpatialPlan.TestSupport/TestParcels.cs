using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using SpatialPlan.Core.Crs;
using SpatialPlan.Core.Layers.GeoPackage;

namespace SpatialPlan.TestSupport;

/// <summary>Seeded parcels in EPSG:4545 near 陕坝镇: a jittered, slightly turned grid of quadrilaterals with gaps (lanes, left-out cells).</summary>
public static class TestParcels
{
    /// <summary>The grid's south-west corner (EPSG:4545).</summary>
    public static readonly Coordinate Origin = new(425_000, 4_515_000);

    /// <summary><paramref name="columns"/> × <paramref name="rows"/> cells of 100 m; about one in seven left out.</summary>
    public static List<(Geometry Geometry, AttributesTable Attributes)> Make(int columns, int rows, int seed = 8)
    {
        var random = new Random(seed);
        var factory = new GeometryFactory(new PrecisionModel(), Epsg.GaussKruger108);
        var parcels = new List<(Geometry, AttributesTable)>();
        for (var i = 0; i < columns; i++)
        {
            for (var j = 0; j < rows; j++)
            {
                if (random.Next(7) == 0)
                {
                    continue;
                }

                double x = Origin.X + (i * 100), y = Origin.Y + (j * 100);
                Coordinate Corner(double dx, double dy) => new(x + dx + (random.NextDouble() * 8) - 4 + (dy * 0.05), y + dy + (random.NextDouble() * 8) - 4);
                var ring = new[] { Corner(5, 5), Corner(95, 5), Corner(95, 95), Corner(5, 95) };
                var polygon = factory.CreatePolygon([.. ring, ring[0].Copy()]);
                var id = $"T{parcels.Count + 1:D6}";
                parcels.Add((polygon, new AttributesTable
                {
                    { "id", id }, { "name", $"图斑 {id}" }, { "landClass", random.Next(3) == 0 ? "水浇地" : "旱地" },
                    { "areaMu", Math.Round(polygon.Area / 666.6667, 2) }, { "JBNTTBBH", $"150826{parcels.Count + 1:D8}" }, { "DLMC", "水浇地" },
                }));
            }
        }

        return parcels;
    }

    /// <summary>
    /// Shapes whose envelope is far larger than they are, where a nearest search that trusts envelopes goes wrong: long
    /// thin diagonal strips (canals) across and beside the grid, and square frames (a ring with a big hole).
    /// </summary>
    public static List<(Geometry Geometry, AttributesTable Attributes)> Awkward(int seed = 9)
    {
        var random = new Random(seed);
        var factory = new GeometryFactory(new PrecisionModel(), Epsg.GaussKruger108);
        var shapes = new List<(Geometry, AttributesTable)>();
        for (var i = 0; i < 12; i++)
        {
            var x = Origin.X - 8000 + (random.NextDouble() * 22000);
            var y = Origin.Y - 8000 + (random.NextDouble() * 21000);
            var angle = random.NextDouble() * Math.PI;
            var length = 3000 + (random.NextDouble() * 6000);
            var line = factory.CreateLineString([new(x, y), new(x + (length * Math.Cos(angle)), y + (length * Math.Sin(angle)))]);
            shapes.Add((line.Buffer(5, 1), Attributes($"C{i:D3}", "沟渠")));
        }

        for (var i = 0; i < 4; i++)
        {
            var x = Origin.X - 6000 + (i * 4500);
            var y = Origin.Y + 7000 - (i * 3000);
            var outer = factory.ToGeometry(new Envelope(x, x + 2500, y, y + 2500));
            var inner = factory.ToGeometry(new Envelope(x + 20, x + 2480, y + 20, y + 2480));
            shapes.Add((outer.Difference(inner), Attributes($"F{i:D3}", "林地")));
        }

        return shapes;

        static AttributesTable Attributes(string id, string landClass) => new()
        {
            { "id", id }, { "name", id }, { "landClass", landClass }, { "areaMu", 0.0 }, { "JBNTTBBH", id }, { "DLMC", landClass },
        };
    }

    /// <summary>The columns <see cref="Make"/>'s attributes need.</summary>
    public static IReadOnlyList<GpkgColumn> Columns { get; } =
    [
        new("id", GpkgColumnType.Text), new("name", GpkgColumnType.Text), new("landClass", GpkgColumnType.Text),
        new("areaMu", GpkgColumnType.Real), new("JBNTTBBH", GpkgColumnType.Text), new("DLMC", GpkgColumnType.Text),
    ];

    /// <summary>Writes parcels to a GeoPackage table in EPSG:4545 with an R-tree.</summary>
    public static void WriteGeoPackage(string path, string table, IEnumerable<(Geometry Geometry, AttributesTable Attributes)> parcels, int srid = Epsg.GaussKruger108)
    {
        using var writer = GpkgLayerWriter.Create(path, table, srid, srid == Epsg.Cgcs2000 ? Cgcs2000Wkt : Gk4545Wkt, $"EPSG:{srid}", Columns, "永久基本农田");
        foreach (var (geometry, a) in parcels)
        {
            writer.Add(geometry, [.. Columns.Select(c => a.Exists(c.Name) ? a[c.Name] : null)]);
        }

        writer.Complete();
    }

    /// <summary>EPSG:4545 as WKT1.</summary>
    public const string Gk4545Wkt =
        "PROJCS[\"CGCS2000 / 3-degree Gauss-Kruger CM 108E\",GEOGCS[\"China Geodetic Coordinate System 2000\",DATUM[\"China_2000\",SPHEROID[\"CGCS2000\",6378137,298.257222101]],PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433]],PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"latitude_of_origin\",0],PARAMETER[\"central_meridian\",108],PARAMETER[\"scale_factor\",1],PARAMETER[\"false_easting\",500000],PARAMETER[\"false_northing\",0],UNIT[\"metre\",1],AUTHORITY[\"EPSG\",\"4545\"]]";

    /// <summary>EPSG:4490 as WKT1.</summary>
    public const string Cgcs2000Wkt =
        "GEOGCS[\"China Geodetic Coordinate System 2000\",DATUM[\"China_2000\",SPHEROID[\"CGCS2000\",6378137,298.257222101]],PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433],AUTHORITY[\"EPSG\",\"4490\"]]";
}
