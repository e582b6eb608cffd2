using System.Buffers.Binary;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using SpatialPlan.Core.Layers.GeoPackage;

namespace SpatialPlan.Core.Tests.Layers.GeoPackage;

/// <summary>
/// The direct polygon blob decoder (<see cref="GpkgBlob.TryRead"/>) against NetTopologySuite's GeoPackage reader, the
/// reference it replaces on the hot path: the same geometry, coordinate for coordinate, for every 图斑 of the embedded
/// farmland (written by Core) and for blobs GDAL wrote (holes, multipolygons); anything else is left to that reader.
/// </summary>
public class GpkgBlobReadTests
{
    private static readonly GeoPackageGeoReader Reference = new() { HandleSRID = true, HandleOrdinates = Ordinates.XY };

    [Theory]
    [InlineData("farmland")]
    [InlineData("general-farmland")]
    public void EveryEmbeddedFarmlandBlobDecodesAsNetTopologySuiteReadsIt(string layer)
    {
        var blobs = Blobs(Data.GisDataFiles.GpkgPath(layer), layer);

        Assert.True(blobs.Count > 10_000, $"{blobs.Count} blobs");
        foreach (var blob in blobs)
        {
            AssertSame(blob);
        }
    }

    [Fact]
    public void BlobsGdalWritesWithHolesAndSeveralPartsDecodeTheSame()
    {
        var dir = Directory.CreateTempSubdirectory("sp-blob-").FullName;
        var geojson = Path.Combine(dir, "in.geojson");
        File.WriteAllText(geojson, """
            {"type":"FeatureCollection","features":[
             {"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[0,0],[100,0],[100,100],[0,100],[0,0]],[[10,10],[10,20],[20,20],[10,10]]]}},
             {"type":"Feature","properties":{},"geometry":{"type":"MultiPolygon","coordinates":[[[[0,0],[1,0],[1,1],[0,0]]],[[[5,5],[6,5],[6,6],[5,5]],[[5.2,5.1],[5.8,5.1],[5.8,5.5],[5.2,5.1]]]]}},
             {"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[3,4]}},
             {"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[3,4],[5,6]]}}]}
            """);
        var gpkg = Path.Combine(dir, "out.gpkg");
        Import.ImportFixture.Ogr2Ogr("-f", "GPKG", "-a_srs", "EPSG:4545", "-nln", "t", gpkg, geojson);

        var blobs = Blobs(gpkg, "t");
        Directory.Delete(dir, recursive: true);

        Assert.Equal(4, blobs.Count);
        Assert.True(GpkgBlob.TryRead(blobs[0], 4545, out var polygon));
        Assert.Equal(2, ((Polygon)polygon!).NumInteriorRings + 1);
        Assert.True(GpkgBlob.TryRead(blobs[1], 4545, out var multi));
        Assert.Equal(2, multi!.NumGeometries);
        Assert.False(GpkgBlob.TryRead(blobs[2], 4545, out _)); // a point: NetTopologySuite's reader
        Assert.False(GpkgBlob.TryRead(blobs[3], 4545, out _)); // a line: NetTopologySuite's reader
        foreach (var blob in blobs)
        {
            AssertSame(blob);
        }
    }

    [Fact]
    public void ABigEndianBlobAndAnEmptyOrCutBlobAreLeftToTheReference()
    {
        var polygon = new GeometryFactory(new PrecisionModel(), 4545).CreatePolygon([new(0, 0), new(3, 0), new(3, 4), new(0, 0)]);
        var big = new GeoPackageGeoWriter { HandleOrdinates = Ordinates.XY };
        var wkb = new WKBWriter(ByteOrder.BigEndian, false).Write(polygon);
        var blob = new byte[8 + wkb.Length];
        "GP"u8.CopyTo(blob);
        blob[3] = 0; // big-endian header, no envelope
        BinaryPrimitives.WriteInt32BigEndian(blob.AsSpan(4), 4545);
        wkb.CopyTo(blob, 8);

        Assert.True(GpkgBlob.TryRead(blob, 0, out var decoded));
        Assert.True(decoded!.EqualsExact(polygon));
        Assert.Equal(4545, decoded.SRID);
        AssertSame(blob);

        Assert.False(GpkgBlob.TryRead(blob.AsSpan(0, blob.Length - 3), 4545, out _));
        Assert.False(GpkgBlob.TryRead(big.Write(polygon.Factory.CreatePolygon()), 4545, out _));
    }

    private static void AssertSame(byte[] blob)
    {
        var expected = Reference.Read(blob);
        if (GpkgBlob.TryRead(blob, expected.SRID, out var actual))
        {
            Assert.Equal(expected.GeometryType, actual!.GeometryType);
            Assert.Equal(expected.SRID, actual.SRID);
            Assert.True(expected.EqualsExact(actual), $"{expected} != {actual}");
            Assert.Equal(expected.Coordinates, actual.Coordinates);
        }
    }

    private static List<byte[]> Blobs(string path, string table)
    {
        using var c = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        c.Open();
        using var command = c.CreateCommand();
        command.CommandText = $"SELECT geom FROM \"{table}\" ORDER BY fid";
        using var reader = command.ExecuteReader();
        var blobs = new List<byte[]>();
        while (reader.Read())
        {
            blobs.Add((byte[])reader.GetValue(0));
        }

        return blobs;
    }
}
