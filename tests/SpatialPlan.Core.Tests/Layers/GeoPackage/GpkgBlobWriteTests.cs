using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Implementation;
using NetTopologySuite.IO;
using SpatialPlan.Core.Layers.GeoPackage;

namespace SpatialPlan.Core.Tests.Layers.GeoPackage;

/// <summary>
/// The import's blob writer (<see cref="GpkgBlob.WriteTo"/>: polygons straight from their coordinates into a reused
/// buffer) against the path it replaces (<see cref="GpkgBlob.Write"/>: NetTopologySuite's WKBWriter): the same bytes,
/// blob for blob, for every 图斑 of the embedded farmland, for holes and multipolygons, and for what it hands on
/// (points, lines, empty geometries); and a buffer too small for a feature is grown, never overrun.
/// </summary>
public class GpkgBlobWriteTests
{
    private static readonly GeoPackageGeoReader Reader = new() { HandleSRID = true, HandleOrdinates = Ordinates.XY };
    private static readonly GeoPackageGeoWriter Fallback = new() { HandleOrdinates = Ordinates.XY };

    [Theory]
    [InlineData("farmland")]
    [InlineData("general-farmland")]
    public void EveryEmbeddedFarmlandParcelIsWrittenByteForByteAsBefore(string layer)
    {
        var geometries = Geometries(Data.GisDataFiles.GpkgPath(layer), layer);
        Assert.True(geometries.Count > 10_000, $"{geometries.Count} geometries");
        var buffer = new byte[16];
        foreach (var g in geometries)
        {
            AssertSame(g, ref buffer);
        }
    }

    [Fact]
    public void HolesPartsAndOtherTypesAreWrittenAsBefore()
    {
        var f = new GeometryFactory(PackedCoordinateSequenceFactory.DoubleFactory);
        var reader = new WKTReader(f);
        var buffer = new byte[8];
        foreach (var wkt in new[]
                 {
                     "POLYGON ((0 0, 100 0, 100 100, 0 100, 0 0), (10 10, 10 20, 20 20, 10 10), (50 50, 50 60, 60 60, 50 50))",
                     "MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5), (5.2 5.1, 5.8 5.1, 5.8 5.5, 5.2 5.1)))",
                     "MULTIPOLYGON (((36512345.125 4512345.5, 36512385.75 4512345.5, 36512385.75 4512678.25, 36512345.125 4512345.5)))",
                     "POINT (3 4)",
                     "LINESTRING (3 4, 5 6)",
                     "POLYGON EMPTY",
                     "MULTIPOLYGON EMPTY",
                 })
        {
            AssertSame(reader.Read(wkt), ref buffer);
        }
    }

    private static void AssertSame(Geometry g, ref byte[] buffer)
    {
        var expected = GpkgBlob.Write(g, 4545, Fallback);
        var length = GpkgBlob.WriteTo(g, 4545, Fallback, ref buffer);
        Assert.True(expected.AsSpan().SequenceEqual(buffer.AsSpan(0, length)), $"blob of {g.GeometryType} differs");
    }

    private static List<Geometry> Geometries(string path, string table)
    {
        using var c = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        c.Open();
        using var command = c.CreateCommand();
        command.CommandText = $"SELECT geom FROM \"{table}\" ORDER BY fid";
        using var reader = command.ExecuteReader();
        var geometries = new List<Geometry>();
        while (reader.Read())
        {
            geometries.Add(Reader.Read((byte[])reader.GetValue(0)));
        }

        return geometries;
    }
}
