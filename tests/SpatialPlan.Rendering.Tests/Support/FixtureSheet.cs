using NetTopologySuite.Features;
using NetTopologySuite.IO.Converters;
using SpatialPlan.Core.Layers;
using SpatialPlan.Core.Styles;
using SpatialPlan.Rendering.Sheets;
using System.Text.Json;

namespace SpatialPlan.Rendering.Tests.Support;

/// <summary>The small map-sheet fixture (Fixtures/sheet, coordinates already in EPSG:4545; see make_fixture.py).</summary>
internal static class FixtureSheet
{
    public static readonly DateOnly Date = new(2026, 11, 29);

    public static string Directory => TestPaths.Fixture("sheet");

    public static MapSheetRenderer Renderer()
    {
        var catalog = LayerCatalog.Load(Directory);
        var styles = StyleBook.Load(Directory);
        return new MapSheetRenderer(catalog, styles, layer => ReadFeatures(catalog.FullPath(layer)));
    }

    public static IReadOnlyList<IFeature> ReadFeatures(string path)
    {
        var options = new JsonSerializerOptions();
        options.Converters.Add(new GeoJsonConverterFactory());
        var collection = JsonSerializer.Deserialize<FeatureCollection>(File.ReadAllText(path), options)!;
        return [.. collection];
    }
}
