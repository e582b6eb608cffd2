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
    public void HatchAndLabelScaleLimitAreReadAndSurviveARule()
    {
        Write("""
            {"eco-redline": {"fill": "rgba(220,30,30,0.25)",
              "hatch": {"angle": 45, "spacing": 6, "color": "rgba(200,30,30,0.6)", "width": 1},
              "label": {"field": "name", "minZoomScale": 500000},
              "rules": [{"filter": {"property": "kind", "equals": "x"}, "style": {"stroke": "#000000"}}]},
             "plain": {"fill": "#ffffff", "label": {"field": "name"}}}
            """);
        var book = StyleBook.Load(_dir);
        var red = book.Get("eco-redline").Resolve(p => p == "kind" ? "x" : null);
        var plain = book.Get("plain");

        Assert.Equal(new HatchStyle { Angle = 45, Spacing = 6, Color = "rgba(200,30,30,0.6)", Width = 1 }, red.Hatch);
        Assert.Equal(500000, red.Label!.MinZoomScale);
        Assert.True(red.Label.ShowsAt(500000));
        Assert.False(red.Label.ShowsAt(500001));
        Assert.Null(plain.Hatch);
        Assert.True(plain.Label!.ShowsAt(1e9));
    }

    [Fact]
    public void WhatAStyleLeavesOutKeepsItsDefault()
    {
        // styles.json is read through source-generated metadata (CoreJson, for the Native AOT CLI). Init-only members
        // with defaults must keep them when the file leaves them out, exactly as the reflection reader did.
        Write("""
            {"farmland": {"hatch": {"spacing": 9}, "label": {"size": 20}, "point": {"shape": "star"}}}
            """);
        var style = StyleBook.Load(_dir).Get("farmland");

        Assert.Equal(new HatchStyle { Spacing = 9 }, style.Hatch);
        Assert.Equal(45, style.Hatch!.Angle);
        Assert.Equal("#000000", style.Hatch.Color);
        Assert.Equal(("name", 20.0, "#222222", "#ffffff"), (style.Label!.Field, style.Label.Size, style.Label.Color, style.Label.Halo));
        Assert.Equal(("star", 5.0, 1.0), (style.Point!.Shape, style.Point.Radius, style.Point.StrokeWidth));
        Assert.Null(style.StrokeWidth);
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
