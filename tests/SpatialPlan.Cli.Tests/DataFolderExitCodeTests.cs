namespace SpatialPlan.Cli.Tests;

/// <summary>A data folder with a problem is exit 2 with the file and the catalog entry named, never exit 1 ("internal error").</summary>
public sealed class DataFolderExitCodeTests : IDisposable
{
    private readonly TestDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Theory]
    [InlineData("catalog", "\"layers\":[", "\"layers\":[null,", "layers[0] 是 null")]
    [InlineData("catalog", "{\"id\":\"farm\"", "{\"id\":null", "缺少 id")]
    [InlineData("catalog", "\"file\":\"layers/farm.geojson\"", "\"file\":\"/etc/passwd\"", "不在数据目录内")]
    [InlineData("catalog", "\"file\":\"layers/farm.geojson\"", "\"file\":\"../../farm.geojson\"", "不在数据目录内")]
    [InlineData("catalog", "{\"id\":\"farm\"", "{\"id\":\"eco\"", "图层 id 重复")]
    [InlineData("layer", "", "", "catalog.json layers[1]：farm")]
    [InlineData("layer", "truncate", "", "catalog.json layers[1]：farm")]
    public void CheckAndLayersExitTwoNamingTheEntry(string where, string find, string replace, string expected)
    {
        if (where == "catalog")
        {
            var catalog = Path.Combine(_data.Root, "catalog.json");
            File.WriteAllText(catalog, File.ReadAllText(catalog).Replace(find, replace, StringComparison.Ordinal));
        }
        else
        {
            var layer = Path.Combine(_data.Root, "layers", "farm.geojson");
            var text = File.ReadAllText(layer);
            File.WriteAllText(layer, find == "truncate" ? text[..(text.Length / 2)] : string.Empty);
        }

        var footprint = _data.Footprint("site", TestDataDirectory.Box(433200, 4527200, 433400, 4527400));
        foreach (var run in new[] { CliRun.Of("check", footprint, "--data", _data.Root), CliRun.Of("layers", "--data", _data.Root) })
        {
            Assert.True(run.ExitCode == 2, $"exit {run.ExitCode}: {run.Stderr}");
            Assert.Contains(expected, run.Stderr);
            Assert.DoesNotContain("internal error", run.Stderr);
            Assert.False(run.HasStackTrace, run.Stderr);
        }
    }
}
