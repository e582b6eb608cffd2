using System.Globalization;
using System.Net;
using NetTopologySuite.Geometries;
using SpatialPlan.Core.Crs;
using Xunit.Abstractions;

namespace SpatialPlan.App.Tests;

/// <summary>
/// The app as a process: one GET must not kill it, and a data folder with a problem stops it at start-up with one
/// line (file, catalog entry, what is wrong, how to fix) and exit 2.
/// </summary>
public sealed class AppProcessTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("spatialplan-app-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>A box <paramref name="sizeM"/> metres across inside the fixture's hatched red line, as the UI sends it (EPSG:4545).</summary>
    public static string RedLineExtent(double sizeM)
    {
        var c = CrsTransformer.Transform(new Coordinate(106.70, 40.73), Epsg.Cgcs2000, Epsg.GaussKruger108);
        return string.Create(CultureInfo.InvariantCulture, $"{c.X:0.000},{c.Y:0.000},{c.X + sizeM:0.000},{c.Y + sizeM:0.000}");
    }

    [Fact]
    public async Task ASheetOfAFewMetresOverTheHatchedRedLineLeavesTheServerAlive()
    {
        using var app = AppProcess.Start(AppFactory.FixtureData);
        Assert.False(app.HasExited, app.Stderr);
        using var client = app.Client();

        var sheet = await client.GetAsync($"/api/sheets?format=png&dpi=300&paper=A3&extent={RedLineExtent(0.5)}");
        var pdf = await client.GetAsync($"/api/sheets?format=pdf&paper=A3&extent={RedLineExtent(0.5)}");

        Assert.False(app.HasExited, $"the app died (exit {(app.HasExited ? app.ExitCode : 0)}): {app.Stderr}");
        Assert.Equal(HttpStatusCode.OK, sheet.StatusCode);
        Assert.Equal("image/png", sheet.Content.Headers.ContentType?.MediaType);
        Assert.InRange((await pdf.Content.ReadAsByteArrayAsync()).Length, 1, 2 * 1024 * 1024);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/layers")).StatusCode);
    }

    [Theory]
    [InlineData("catalog", "\"layers\": [", "\"layers\": [null,", "layers[0] 是 null")]
    [InlineData("catalog", "\"file\": \"layers/wetlands.geojson\"", "\"file\": \"/etc/passwd\"", "不在数据目录内")]
    [InlineData("catalog", "\"id\": \"wetlands\"", "\"id\": \"eco-redline\"", "图层 id 重复")]
    [InlineData("layer", "wetlands.geojson", "", "layers/wetlands.geojson（catalog.json layers[2]：wetlands）")]
    [InlineData("layer", "towns.geojson", "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{}", "layers/towns.geojson（catalog.json layers[3]：towns）")]
    public void ADataFolderWithAProblemStopsTheAppWithOneLineAndExitTwo(string what, string find, string replace, string expected)
    {
        var data = CopyFixture();
        if (what == "catalog")
        {
            var catalog = Path.Combine(data, "catalog.json");
            var text = File.ReadAllText(catalog);
            Assert.Contains(find, text, StringComparison.Ordinal);
            File.WriteAllText(catalog, text.Replace(find, replace, StringComparison.Ordinal));
        }
        else
        {
            File.WriteAllText(Path.Combine(data, "layers", find), replace);
        }

        using var app = AppProcess.Start(data);

        Assert.True(app.HasExited, "the app started over a broken data folder");
        Assert.Equal(2, app.ExitCode);
        var lines = app.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        output.WriteLine(string.Join("\n", lines));
        var line = Assert.Single(lines);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.Contains("处理办法", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", line, StringComparison.Ordinal);
    }

    private string CopyFixture()
    {
        var target = Path.Combine(_dir, "gis-data");
        foreach (var file in Directory.EnumerateFiles(AppFactory.FixtureData, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(target, Path.GetRelativePath(AppFactory.FixtureData, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }

        return target;
    }
}
