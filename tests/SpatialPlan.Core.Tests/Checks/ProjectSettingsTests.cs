using System.Text;
using SpatialPlan.Core.Checks;
using SpatialPlan.Core.Sources;
using static SpatialPlan.Core.Tests.Checks.EnginePolicy;

namespace SpatialPlan.Core.Tests.Checks;

/// <summary>A footprint file's own project properties, how they merge with explicit options, and how kinds and majors resolve.</summary>
public class ProjectSettingsTests
{
    private const string Line = "\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[107.10,40.85],[107.12,40.86]]}";

    [Fact]
    public void TheFirstFeaturesPropertiesGiveTheProjectSettings()
    {
        var file = Read("""{"projectName":"测试公路","projectType":"linear-infrastructure","majors":["farmland-transport"],"widthM":40,"builder":"某某公司","projectCode":"2025-150826-48-01-000001"}""");

        Assert.Equal("linear-infrastructure", file.Kind);
        Assert.Equal(["farmland-transport"], file.Majors);
        Assert.Equal(40, file.WidthM);
        Assert.Equal("测试公路", file.Name);
        Assert.Equal("某某公司", file.Builder);
        Assert.Equal("2025-150826-48-01-000001", file.ProjectCode);
    }

    [Fact]
    public void AnExplicitOptionWinsOverTheFileAndEachOriginIsRecorded()
    {
        var file = new ProjectSettings(Crop, ["farmland-transport"], WidthM: 40);
        var options = ProjectSettings.Resolve(new ProjectSettings(Road, WidthM: 20, Builder: "甲公司"), file, Policy);

        Assert.Equal(Road, options.Kind);
        Assert.Equal(["farmland-transport"], options.Majors);
        Assert.Equal(20, options.WidthM);
        Assert.Equal("甲公司", options.Builder);
        Assert.Equal("option", options.Origins!["kind"]);
        Assert.Equal("file", options.Origins["majors"]);
        Assert.Equal("option", options.Origins["width"]);
        Assert.Equal("default", options.Origins["radius"]);
    }

    [Fact]
    public void AnOldIdIsAcceptedAsAnAliasAndTheReportSaysSo()
    {
        var options = ProjectSettings.Resolve(new ProjectSettings("Linear"), ProjectSettings.None, Policy);

        Assert.Equal(Road, options.Kind);
        Assert.Equal("linear", options.KindAlias);
    }

    [Fact]
    public void NoKindAnywhereIsRefusedBecauseTheKindIsRequired()
    {
        var e = Assert.Throws<InputException>(() => ProjectSettings.Resolve(ProjectSettings.None, ProjectSettings.None, Policy));

        Assert.Contains("项目类型必填", e.Message, StringComparison.Ordinal);
        Assert.Contains(Road, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("agriculture", "cropping")]
    [InlineData("other", "urban-construction、linear-infrastructure、cropping")]
    public void AnAmbiguousOldTypeIsRefusedListingTheKindsThatReplaceIt(string type, string listed)
    {
        var e = Assert.Throws<InputException>(() => ProjectSettings.Resolve(new ProjectSettings(type), ProjectSettings.None, Policy));

        Assert.Contains("含义不明", e.Message, StringComparison.Ordinal);
        foreach (var kind in listed.Split('、'))
        {
            Assert.Contains(kind, e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AnAmbiguousTypeInTheFileNamesTheFileAndItsProperty()
    {
        var load = Load("""{"projectType":"agriculture","widthM":30}""");

        var e = Assert.Throws<InputException>(() => ProjectSettings.Resolve(ProjectSettings.None, ProjectSettings.FromFile(load, "farm.geojson"), Policy, fileName: "farm.geojson"));

        Assert.Contains("projectType", e.Message, StringComparison.Ordinal);
        Assert.Equal("farm.geojson", e.File);
    }

    [Fact]
    public void AnUnknownMajorCategoryIsRefusedListingTheIdsPerList()
    {
        var e = Assert.Throws<InputException>(() => ProjectSettings.Resolve(new ProjectSettings(Road, ["expressway"]), ProjectSettings.None, Policy));

        Assert.Contains("expressway", e.Message, StringComparison.Ordinal);
        Assert.Contains("farmland-transport", e.Message, StringComparison.Ordinal);
        Assert.Contains("wetland-national-major", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void TheNationalMajorFlagIsRefusedPointingToMajor(bool value)
    {
        var option = Assert.Throws<InputException>(() => ProjectSettings.Resolve(new ProjectSettings(Road, NationalMajor: value), ProjectSettings.None, Policy));
        var file = Assert.Throws<InputException>(() => ProjectSettings.Resolve(ProjectSettings.None, new ProjectSettings(Road, NationalMajor: value), Policy, fileName: "r.geojson"));

        Assert.Contains("--major", option.Message, StringComparison.Ordinal);
        Assert.Contains("三份不同的重大项目清单", option.Message, StringComparison.Ordinal);
        Assert.Contains("nationalMajor", file.Message, StringComparison.Ordinal);
        Assert.Equal("r.geojson", file.File);
    }

    [Fact]
    public void ALineFileWithItsOwnWidthNeedsNoWidthOption()
    {
        var load = Load("""{"projectType":"linear","widthM":30}""");
        var options = ProjectSettings.Resolve(ProjectSettings.None, ProjectSettings.FromFile(load, "road.geojson"), Policy);

        var footprint = Footprint.From(load, options, "road.geojson");

        Assert.Equal(30, footprint.WidthM);
    }

    [Theory]
    [InlineData("""{"projectType":3}""", "projectType")]
    [InlineData("""{"widthM":-5}""", "widthM")]
    [InlineData("""{"radiusM":"wide"}""", "radiusM")]
    [InlineData("""{"majors":[1,2]}""", "majors")]
    [InlineData("""{"nationalMajor":"yes"}""", "nationalMajor")]
    public void ABadProjectPropertyIsRefusedNamingIt(string properties, string key)
    {
        var e = Assert.Throws<InputException>(() => Read(properties));

        Assert.Contains(key, e.Message, StringComparison.Ordinal);
        Assert.Equal(0, e.FeatureIndex);
    }

    [Fact]
    public void ProjectNameIsTheFootprintsNameBeforeTheFeatureName()
    {
        var load = Load("""{"name":"图斑1","projectName":"某某项目","widthM":30,"projectType":"linear-infrastructure"}""");
        var footprint = Footprint.From(load, ProjectSettings.Resolve(ProjectSettings.None, ProjectSettings.FromFile(load), Policy), "x.geojson");

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
