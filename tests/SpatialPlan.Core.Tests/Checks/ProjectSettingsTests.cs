using System.Text;
using SpatialPlan.Core.Checks;
using SpatialPlan.Core.Sources;

namespace SpatialPlan.Core.Tests.Checks;

/// <summary>A footprint file's own project properties, and how they merge with explicit options and the defaults.</summary>
public class ProjectSettingsTests
{
    private const string Line = "\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[107.10,40.85],[107.12,40.86]]}";

    [Fact]
    public void TheFirstFeaturesPropertiesGiveTheProjectSettings()
    {
        var file = Read("""{"projectName":"测试公路","projectType":"linear","nationalMajor":true,"widthM":40}""");

        Assert.Equal(new ProjectSettings(ProjectType.Linear, true, 40, null, "测试公路"), file);
    }

    [Fact]
    public void AnExplicitOptionWinsOverTheFileAndDefaultsApplyOnlyWhenNeitherGivesAValue()
    {
        var file = new ProjectSettings(ProjectType.Agriculture, true, 40, null);
        var options = ProjectSettings.Resolve(new ProjectSettings(NationalMajor: false, WidthM: 20), file);

        Assert.Equal(ProjectType.Agriculture, options.Type);
        Assert.False(options.NationalMajor);
        Assert.Equal(20, options.WidthM);
        Assert.Null(options.RadiusM);
        Assert.Equal("file", options.Origins!["type"]);
        Assert.Equal("option", options.Origins["nationalMajor"]);
        Assert.Equal("option", options.Origins["width"]);
        Assert.Equal("default", options.Origins["radius"]);
    }

    [Fact]
    public void NothingGivenAnywhereIsAnUrbanProjectThatIsNotNationalMajor()
    {
        var options = ProjectSettings.Resolve(ProjectSettings.None, ProjectSettings.None);

        Assert.Equal(ProjectType.Urban, options.Type);
        Assert.False(options.NationalMajor);
        Assert.Equal("default", options.Origins!["type"]);
    }

    [Fact]
    public void ALineFileWithItsOwnWidthNeedsNoWidthOption()
    {
        var load = Load("""{"widthM":30}""");
        var options = ProjectSettings.Resolve(ProjectSettings.None, ProjectSettings.FromFile(load, "road.geojson"));

        var footprint = Footprint.From(load, options, "road.geojson");

        Assert.Equal(30, footprint.WidthM);
    }

    [Theory]
    [InlineData("""{"projectType":"factory"}""", "projectType")]
    [InlineData("""{"widthM":-5}""", "widthM")]
    [InlineData("""{"radiusM":"wide"}""", "radiusM")]
    [InlineData("""{"nationalMajor":"yes"}""", "nationalMajor")]
    public void ABadProjectPropertyIsRefusedNamingIt(string properties, string key)
    {
        var e = Assert.Throws<InputException>(() => Read(properties));

        Assert.Contains(key, e.Message);
        Assert.Equal(0, e.FeatureIndex);
    }

    [Fact]
    public void ProjectNameIsTheFootprintsNameBeforeTheFeatureName()
    {
        var load = Load("""{"name":"图斑1","projectName":"某某项目","widthM":30}""");
        var footprint = Footprint.From(load, ProjectSettings.Resolve(ProjectSettings.None, ProjectSettings.FromFile(load)), "x.geojson");

        Assert.Equal("某某项目", footprint.Name);
    }

    private static ProjectSettings Read(string properties) => ProjectSettings.FromFile(Load(properties), "project.geojson");

    private static FeatureLoadResult Load(string properties)
    {
        var json = $$"""{"type":"FeatureCollection","features":[{"type":"Feature","properties":{{properties}},{{Line}}}]}""";
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        return FeatureFileReader.Read(stream, "project.geojson", new ReadOptions());
    }
}
