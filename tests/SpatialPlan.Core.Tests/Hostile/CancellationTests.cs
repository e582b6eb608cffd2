using System.Text;
using SpatialPlan.Core.Limits;
using SpatialPlan.Core.Sources;
using SpatialPlan.Hostile;

namespace SpatialPlan.Core.Tests.Hostile;

/// <summary>Issue 12: every reader observes the caller's token in its loops (the app passes RequestAborted plus its time budget).</summary>
public class CancellationTests
{
    private static CancellationToken Cancelled => new(canceled: true);

    private static InputBudget Budget(string file) => new(InputLimits.Upload, file, Cancelled);

    [Fact]
    public void TheFileReaderStopsWhenTheTokenIsCancelled()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("{\"type\":\"Point\",\"coordinates\":[107.1,40.8]}"));

        Assert.ThrowsAny<OperationCanceledException>(() => FeatureFileReader.Read(stream, "p.geojson", ReadOptions.Default, Cancelled));
    }

    [Fact]
    public void TheGeoJsonReaderChecksTheTokenPerFeature() =>
        Assert.ThrowsAny<OperationCanceledException>(() => GeoJsonFeatureReader.Read(
            Encoding.UTF8.GetBytes("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Point\",\"coordinates\":[107.1,40.8]}}]}"),
            "c.geojson", Budget("c.geojson")));

    [Fact]
    public void TheBoundaryPointReaderChecksTheTokenPerLine() =>
        Assert.ThrowsAny<OperationCanceledException>(() => BoundaryPointListReader.Read("J1,4511488.384,36415402.449\nJ2,4511704.102,36415359.078\nJ3,4511763.119,36415653.742\n", "c.txt", Budget("c.txt")));

    [Fact]
    public void TheShapefileReaderChecksTheTokenWhileExpandingAndWalking()
    {
        var zip = ZipBytes.Shapefile(new ShapefileBytes(ShapefileBytes.Polygon, RawShape.Ring([107.1, 40.8], [107.1, 40.81], [107.11, 40.81], [107.1, 40.8])));

        Assert.ThrowsAny<OperationCanceledException>(() => ShapefileZipReader.Read(zip, "c.zip", Budget("c.zip")));
    }
}
