using System.Text;
using SpatialPlan.Core.Sources;

namespace SpatialPlan.Core.Tests.Sources;

/// <summary>Reads in-memory text as if it were an uploaded file.</summary>
internal static class ReadHelper
{
    public static FeatureLoadResult ReadText(string text, string fileName = "input.geojson", ReadOptions? options = null) =>
        ReadBytes(Encoding.UTF8.GetBytes(text), fileName, options);

    public static FeatureLoadResult ReadBytes(byte[] bytes, string fileName, ReadOptions? options = null)
    {
        using var stream = new MemoryStream(bytes);
        // The inputs are near 陕坝镇: read them against the embedded data's area (and its working CRS), as the CLI does.
        return FeatureFileReader.Read(stream, fileName, options ?? new ReadOptions { Area = Crs.TestAreas.Banner });
    }

    public static InputException Refuse(string text, string fileName = "input.geojson", ReadOptions? options = null) =>
        Assert.Throws<InputException>(() => ReadText(text, fileName, options));

    public static string Polygon(params (double X, double Y)[] ring) =>
        "{\"type\":\"Polygon\",\"coordinates\":[[" + string.Join(",", ring.Select(p => FormattableString.Invariant($"[{p.X},{p.Y}]"))) + "]]}";

    public static string Collection(params string[] geometries) =>
        "{\"type\":\"FeatureCollection\",\"features\":[" +
        string.Join(",", geometries.Select((g, i) => $"{{\"type\":\"Feature\",\"properties\":{{\"name\":\"地块{i}\",\"n\":{i}}},\"geometry\":{g}}}")) + "]}";
}
