using SpatialPlan.Core.Checks;
using SpatialPlan.Core.Layers;
using SpatialPlan.Core.Styles;
using SpatialPlan.Records.Book;

namespace SpatialPlan.Records.Tests;

/// <summary>A copy of the small test data folder in a temp folder, so a test can change a layer and keep its own records/ store.</summary>
public sealed class DataFolder : IDisposable
{
    public static string Fixture => System.IO.Path.Combine(AppContext.BaseDirectory, "TestData", "gis-data");

    /// <summary>The test footprint: a solar project half inside the red line (verdict 原则上禁止).</summary>
    public static string SamplePath => System.IO.Path.Combine(Fixture, "samples", "projects", "solar-test.geojson");

    public DataFolder()
    {
        Root = Directory.CreateTempSubdirectory("spatialplan-records-").FullName;
        Path = System.IO.Path.Combine(Root, "gis-data");
        // Not the fixture's own records/ store: other tests check against the fixture, and every check is logged there.
        foreach (var file in Directory.EnumerateFiles(Fixture, "*", SearchOption.AllDirectories).Where(f => !System.IO.Path.GetRelativePath(Fixture, f).StartsWith("records", StringComparison.Ordinal)))
        {
            var target = System.IO.Path.Combine(Path, System.IO.Path.GetRelativePath(Fixture, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public string Root { get; }

    /// <summary>The data folder (with catalog.json).</summary>
    public string Path { get; }

    /// <summary>A check, layers and styles over the folder as it is now (load again after changing a layer).</summary>
    public RecordMaker Maker()
    {
        var layers = new LayerStore(LayerCatalog.Load(Path));
        return new RecordMaker(SiteCheck.From(layers), layers, StyleBook.Load(Path));
    }

    /// <summary>Moves the red line west so that the sample no longer touches it (a 三区三线 adjustment).</summary>
    public void MoveRedLineAway()
    {
        var file = System.IO.Path.Combine(Path, "layers", "eco-redline.geojson");
        var text = File.ReadAllText(file);
        File.WriteAllText(file, text.Replace("106.78", "106.66", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
