using SpatialPlan.Core.Sources;
using SpatialPlan.Core.Styles;

namespace SpatialPlan.Core.Tests.Layers;

public sealed class StyleBookTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("styles-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void TheFirstMatchingRuleOverridesOnlyWhatItSets()
    {
        Write("""
            {"structure": {"stroke": "#333333", "strokeWidth": 2, "legendZh": "一心一带三轴",
              "rules": [
                {"filter": {"property": "kind", "equals": "core"}, "style": {"fill": "rgba(255,0,0,0.3)"}},
                {"filter": {"property": "kind", "equals": "axis"}, "style": {"stroke": "#ff8800", "strokeDash": [8, 4]}}
              ]}}
            """);
        var style = StyleBook.Load(_dir).Get("structure");

        var axis = style.Resolve(p => p == "kind" ? "axis" : null);
        var core = style.Resolve(p => p == "kind" ? "core" : null);
        var other = style.Resolve(_ => null);

        Assert.Equal("#ff8800", axis.Stroke);
        Assert.Equal([8.0, 4.0], axis.StrokeDash);
        Assert.Equal(2, axis.StrokeWidth);
        Assert.Equal("rgba(255,0,0,0.3)", core.Fill);
        Assert.Equal("#333333", core.Stroke);
        Assert.Null(other.Fill);
        Assert.Null(other.Rules);
    }

    [Fact]
    public void APointShapeNoRendererCanDrawIsRefused()
    {
        Write("""{"towns": {"point": {"shape": "hexagon", "radius": 5}}}""");

        var ex = Assert.Throws<InputException>(() => StyleBook.Load(_dir));

        Assert.Contains("hexagon", ex.Message, StringComparison.Ordinal);
        Assert.Contains("circle", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownStyleKeyIsAnError()
    {
        Write("""{"a": {"fill": "#ffffff"}}""");

        var ex = Assert.Throws<InputException>(() => StyleBook.Load(_dir).Get("b"));

        Assert.Contains("样式“b”", ex.Message, StringComparison.Ordinal);
    }

    private void Write(string json) => File.WriteAllText(Path.Combine(_dir, StyleBook.FileName), json);
}
