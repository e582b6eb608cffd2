using System.Text.Json;

namespace SpatialPlan.Core.Tests.Data;

/// <summary>Data honesty and the catalog/sample contract of docs/architecture.md, on the committed gis-data.</summary>
public class GisDataProvenanceTests
{
    private static readonly string[] Categories =
        ["ecological-redline", "permanent-farmland", "urban-boundary", "wetland", "showcase-belt", "town-structure", "base"];

    [Fact]
    public void EverySchematicFeatureSaysSoAndCitesASeedLine()
    {
        using var catalog = GisDataFiles.Json("catalog.json");
        var missing = new List<string>();
        foreach (var layer in catalog.RootElement.GetProperty("layers").EnumerateArray())
        {
            if (!layer.GetProperty("schematic").GetBoolean())
            {
                continue;
            }

            var id = layer.GetProperty("id").GetString()!;
            foreach (var f in GisDataFiles.Layer(id))
            {
                var real = GisDataFiles.Attr(f, "schematic") is false && id == "towns" && GisDataFiles.Attr(f, "id") is "shanba";
                var honest = GisDataFiles.Attr(f, "schematic") is true
                             && GisDataFiles.Attr(f, "basis") is string basis && basis.Contains("seed line", StringComparison.Ordinal)
                             && GisDataFiles.Attr(f, "source") is "SpatialPlan schematic reading of the plan";
                if (!real && !honest)
                {
                    missing.Add($"{id}:{GisDataFiles.Attr(f, "id")}");
                }
            }
        }

        Assert.Empty(missing);
    }

    [Fact]
    public void OnlyShanbaHasARealPositionAmongTheTowns()
    {
        var towns = GisDataFiles.Layer("towns");

        Assert.Equal(10, towns.Count);
        Assert.All(towns, t => Assert.Equal(GisDataFiles.Attr(t, "id") is not "shanba", GisDataFiles.Attr(t, "estimated")));
    }

    [Fact]
    public void TheCatalogUsesOnlyTheContractCategoriesAndPoliciesOnZoneLayers()
    {
        using var catalog = GisDataFiles.Json("catalog.json");
        using var styles = GisDataFiles.Json("styles.json");
        foreach (var layer in catalog.RootElement.GetProperty("layers").EnumerateArray())
        {
            var id = layer.GetProperty("id").GetString()!;
            var category = layer.GetProperty("category").GetString()!;
            Assert.Contains(category, Categories);
            Assert.True(File.Exists(Path.Combine(GisDataFiles.Root, layer.GetProperty("file").GetString()!)), id);
            Assert.True(styles.RootElement.TryGetProperty(layer.GetProperty("style").GetString()!, out _), id);
            var zone = category is not ("town-structure" or "base");
            Assert.Equal(zone, layer.TryGetProperty("policy", out var policy) && policy.ValueKind == JsonValueKind.String);
            if (zone)
            {
                Assert.Equal(category, policy.GetString());
            }
        }
    }

    [Fact]
    public void TheSamplesCoverEveryVerdictAndEveryInputKind()
    {
        using var index = GisDataFiles.Json("samples/projects/index.json");
        var samples = index.RootElement.EnumerateArray().ToList();

        Assert.True(samples.Count >= 11);
        Assert.All(samples, s => Assert.True(File.Exists(Path.Combine(GisDataFiles.Root, "samples", "projects",
            s.GetProperty("file").GetString()!))));
        Assert.Equal(["advisory", "approval-required", "clear", "prohibited"],
            samples.Select(s => s.GetProperty("expectedVerdict").GetString()).Distinct().Order());
        Assert.Contains(samples, s => s.GetProperty("width").ValueKind == JsonValueKind.Number);
        Assert.Contains(samples, s => s.GetProperty("radius").ValueKind == JsonValueKind.Number);
        Assert.Contains(samples, s => s.GetProperty("crs").GetString() == "EPSG:4545");
        Assert.Contains(samples, s => s.GetProperty("file").GetString()!.EndsWith(".txt", StringComparison.Ordinal));
    }
}
