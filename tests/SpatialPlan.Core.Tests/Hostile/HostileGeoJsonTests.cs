using System.Text;
using System.Text.Json.Nodes;
using SpatialPlan.Core.Checks;
using SpatialPlan.Core.Sources;
using SpatialPlan.Core.Tests.Checks;
using static SpatialPlan.Core.Tests.Sources.ReadHelper;

namespace SpatialPlan.Core.Tests.Hostile;

/// <summary>Issue 12, GeoJSON: ordinary real-world input reads, hostile input is refused with a message that says what and how.</summary>
public class HostileGeoJsonTests
{
    private const string Ring = "[[107.10,40.80],[107.11,40.80],[107.11,40.81],[107.10,40.80]]";

    private static string Polygon(string ring) =>
        $"{{\"type\":\"FeatureCollection\",\"features\":[{{\"type\":\"Feature\",\"properties\":{{\"name\":\"地块\"}},\"geometry\":{{\"type\":\"Polygon\",\"coordinates\":[{ring}]}}}}]}}";

    private static void AssertRefusal(InputException ex, params string[] parts)
    {
        Assert.Contains("处理办法：", ex.Message, StringComparison.Ordinal);
        foreach (var part in parts)
        {
            Assert.Contains(part, ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AUtf8BomBeforeTheJsonIsAccepted()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Polygon(Ring))).ToArray();

        var load = ReadBytes(bytes, "bom.geojson");

        Assert.Single(load.Features);
    }

    [Fact]
    public void NestingDeeperThanTheLimitIsCalledDepthNotASyntaxError()
    {
        var deep = new string('[', 200) + new string(']', 200);
        var json = $"{{\"type\":\"Feature\",\"properties\":{{\"x\":{deep}}},\"geometry\":{{\"type\":\"Polygon\",\"coordinates\":[{Ring}]}}}}";

        var ex = Refuse(json, "deep.geojson");

        AssertRefusal(ex, "嵌套", "depth");
        Assert.DoesNotContain("语法错误", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ALoneSurrogateEscapeInANameIsRefusedNamingTheProperty()
    {
        var json = Polygon(Ring).Replace("\"name\":\"地块\"", "\"name\":\"\\ud800x\"", StringComparison.Ordinal);

        var ex = Refuse(json, "surrogate.geojson");

        AssertRefusal(ex, "name", "features[0]");
    }

    [Fact]
    public void AnEpsgCodeLongerThanAnIntIsRefused()
    {
        var json = Polygon(Ring).Replace("{\"type\":\"FeatureCollection\",", "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::99999999999999999999\"}},", StringComparison.Ordinal);

        AssertRefusal(Refuse(json, "epsg.geojson"), "99999999999999999999");
    }

    [Theory]
    [InlineData("1e400")]
    [InlineData("-1e400")]
    public void ANumberBeyondDoubleIsRefusedNamingFeatureAndVertex(string huge)
    {
        var ex = Refuse(Polygon($"[[107.10,40.80],[107.11,40.80],[{huge},40.81],[107.10,40.80]]"), "inf.geojson");

        AssertRefusal(ex, "features[0]", "第 3 个顶点");
    }

    [Fact]
    public void ACoordinateThatUnderflowsToZeroIsRefused()
    {
        var ex = Refuse(Polygon("[[107.10,40.80],[107.11,40.80],[107.11,1e-400],[107.10,40.80]]"), "underflow.geojson");

        AssertRefusal(ex, "1e-400", "第 3 个顶点");
    }

    [Fact]
    public void ThreeDimensionalCoordinatesAreReadAsTwoDimensionalAndTheDropIsReported()
    {
        var load = ReadText(Polygon("[[107.10,40.80,1050.5],[107.11,40.80,1051],[107.11,40.81,1052],[107.10,40.80,1050.5]]"), "z.geojson");

        var polygon = (NetTopologySuite.Geometries.Polygon)load.Features[0].Geometry;
        Assert.Equal(2, polygon.ExteriorRing.CoordinateSequence.Dimension);
        Assert.All(polygon.Coordinates, c => Assert.True(double.IsNaN(c.Z)));
        var repair = Assert.Single(load.Repairs);
        Assert.Contains("Z", repair.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void FourDimensionalCoordinatesAreReadAsTwoDimensionalAndTheDropIsReported()
    {
        var load = ReadText(Polygon("[[107.10,40.80,1050,7],[107.11,40.80,1051,8],[107.11,40.81,1052,9],[107.10,40.80,1050,7]]"), "zm.geojson");

        Assert.Equal(2, ((NetTopologySuite.Geometries.Polygon)load.Features[0].Geometry).ExteriorRing.CoordinateSequence.Dimension);
        Assert.Contains(load.Repairs, r => r.Problem.Contains('M', StringComparison.Ordinal));
    }

    [Fact]
    public void AThreeDimensionalFootprintOverlappingAZoneIsCheckedNotCrashed()
    {
        // The sample overlaps farmland: OverlayNG's elevation model used to write Z into 2D zone coordinates and throw.
        var node = JsonNode.Parse(File.ReadAllText(Path.Combine(SampleProjects.Directory, "industrial-park-expansion.geojson")))!;
        AddZ(node["features"]![0]!["geometry"]!["coordinates"]!);
        var flat = Run(File.ReadAllText(Path.Combine(SampleProjects.Directory, "industrial-park-expansion.geojson")));

        var withZ = Run(node.ToJsonString());

        Assert.Equal(flat.Verdict, withZ.Verdict);
        Assert.Equal(flat.Zones.Sum(z => z.OverlapAreaM2), withZ.Zones.Sum(z => z.OverlapAreaM2), 1e-6);
        Assert.Contains(withZ.Footprint.Repairs, r => r.Problem.Contains('Z', StringComparison.Ordinal));
    }

    private static CheckReport Run(string json)
    {
        var load = ReadText(json, "industrial-z.geojson");
        return HostileChecks.Run(load);
    }

    private static void AddZ(JsonNode node)
    {
        var array = node.AsArray();
        if (array.Count > 0 && array[0] is JsonValue)
        {
            array.Add(1050.25);
            return;
        }

        foreach (var child in array)
        {
            AddZ(child!);
        }
    }
}
