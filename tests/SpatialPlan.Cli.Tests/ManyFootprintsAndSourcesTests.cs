using System.Text.Json;
using System.Text.Json.Nodes;
using SpatialPlan.TestSupport;
using static SpatialPlan.Cli.Tests.TestDataDirectory;

namespace SpatialPlan.Cli.Tests;

/// <summary>
/// Issue 8 §5: <c>spatialplan check FILE… --format jsonl</c> checks many footprints in one process, one JSON line per
/// footprint in input order with the fields of <c>--format json</c>; a bad file is a line with an <c>error</c> and exit 2
/// at the end; otherwise the exit code is the worst verdict's. And a layer source that cannot be opened is exit 2 naming
/// the layer (docs/data-sources.md §3), never exit 1.
/// </summary>
public sealed class ManyFootprintsAndSourcesTests : IClassFixture<TestDataDirectory>
{
    private readonly TestDataDirectory _data;

    public ManyFootprintsAndSourcesTests(TestDataDirectory data) => _data = data;

    [Fact]
    public void EachFootprintGetsOneLineInInputOrderWithTheFieldsOfJson()
    {
        var clear = _data.Footprint("jsonl-clear", Box(435500, 4527500, 435600, 4527600));
        var redline = _data.Footprint("jsonl-redline", Box(430400, 4527400, 430500, 4527500));
        var farm = _data.Footprint("jsonl-farm", Box(433400, 4527400, 433500, 4527500));

        var run = CliRun.Of("check", redline, clear, farm, "--type", "urban-construction", "--format", "jsonl", "--data", _data.Root);

        Assert.Equal(20, run.ExitCode);
        Assert.Empty(run.Stderr);
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Equal(["jsonl-redline.geojson", "jsonl-clear.geojson", "jsonl-farm.geojson"],
            lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("settings").GetProperty("inputFile").GetString()));
        foreach (var (line, file) in lines.Zip(new[] { redline, clear, farm }))
        {
            // The same report as --format json, written on one line (the check time aside: it is to the minute).
            var single = CliRun.Of("check", file, "--type", "urban-construction", "--format", "json", "--data", _data.Root).Stdout;
            Assert.Equal(WithoutTime(single), WithoutTime(line));
        }
    }

    [Theory]
    [InlineData("jsonl-clear-only", 0)]
    [InlineData("jsonl-approval", 10)]
    public void TheExitCodeIsTheWorstVerdicts(string name, int expected)
    {
        var clear = _data.Footprint(name + "-a", Box(435500, 4527500, 435600, 4527600));
        var second = expected == 0 ? _data.Footprint(name + "-b", Box(435700, 4527500, 435800, 4527600))
            : _data.Footprint(name + "-b", Box(433400, 4527400, 433500, 4527500));
        string[] extra = expected == 0 ? ["--type", "urban-construction"] : ["--type", "linear-infrastructure", "--major", "farmland-transport"];

        var run = CliRun.Of(["check", clear, second, "--format", "jsonl", "--data", _data.Root, .. extra]);

        Assert.Equal(expected, run.ExitCode);
        Assert.Equal(2, run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void ABadFileIsALineWithAnErrorAndTheBatchGoesOnToExitTwo()
    {
        var redline = _data.Footprint("jsonl-bad-redline", Box(430400, 4527400, 430500, 4527500));
        var broken = _data.Write("jsonl-broken.geojson", "{\"type\":\"FeatureCollection\",\"features\":[");
        var missing = Path.Combine(_data.Root, "no-such-footprint.geojson");
        var clear = _data.Footprint("jsonl-bad-clear", Box(435500, 4527500, 435600, 4527600));

        var run = CliRun.Of("check", redline, broken, missing, clear, "--type", "urban-construction", "--format", "jsonl", "--data", _data.Root);

        Assert.Equal(2, run.ExitCode);
        Assert.False(run.HasStackTrace, run.Stderr);
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(4, lines.Count);
        Assert.Equal("prohibited", lines[0].GetProperty("verdict").GetString());
        Assert.Equal("clear", lines[3].GetProperty("verdict").GetString());
        foreach (var (bad, file) in new[] { (lines[1], broken), (lines[2], missing) })
        {
            Assert.Equal(file, bad.GetProperty("file").GetString());
            var error = bad.GetProperty("error");
            Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("fix").GetString()));
            Assert.False(bad.TryGetProperty("verdict", out _));
        }

        Assert.Contains("截断", lines[1].GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("table")]
    public void SeveralFilesWithoutJsonLinesExitTwoSayingSo(string format)
    {
        var a = _data.Footprint("many-a", Box(435500, 4527500, 435600, 4527600));
        var b = _data.Footprint("many-b", Box(435700, 4527500, 435800, 4527600));

        var run = CliRun.Of("check", a, b, "--type", "urban-construction", "--format", format, "--data", _data.Root);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--format jsonl", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public void JsonLinesWithAPdfExitTwo()
    {
        var a = _data.Footprint("many-pdf", Box(435500, 4527500, 435600, 4527600));

        var run = CliRun.Of("check", a, "--type", "urban-construction", "--format", "jsonl", "--pdf", Path.Combine(_data.Root, "x.pdf"), "--data", _data.Root);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--pdf", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSameReportComesFromGeoPackageLayers()
    {
        using var gpkg = new TempFolder("sp-cli-gpkg");
        SourceFolders.AsGeoPackage(_data.Root, gpkg.Path);
        var footprint = _data.Footprint("gpkg-farm", Box(433400, 4527400, 433500, 4527500));

        var fromGeoJson = CliRun.Of("check", footprint, "--type", "urban-construction", "--format", "json", "--data", _data.Root);
        var fromGpkg = CliRun.Of("check", footprint, "--type", "urban-construction", "--format", "json", "--data", gpkg.Path);

        Assert.Equal(20, fromGpkg.ExitCode);
        Assert.Empty(JsonSame.Differences(fromGeoJson.Stdout, fromGpkg.Stdout, 1e-9, "$.settings.dataVersion", "$.settings.checkedAt"));
    }

    [Fact]
    public void LayersCountsGeoPackageLayersThroughTheirSource()
    {
        using var gpkg = new TempFolder("sp-cli-layers");
        SourceFolders.AsGeoPackage(_data.Root, gpkg.Path, ["farm"]);

        var before = JsonDocument.Parse(CliRun.Of("layers", "--format", "json", "--data", _data.Root).Stdout).RootElement.GetProperty("layers");
        var run = CliRun.Of("layers", "--format", "json", "--data", gpkg.Path);

        Assert.Equal(0, run.ExitCode);
        var after = JsonDocument.Parse(run.Stdout).RootElement.GetProperty("layers");
        var farm = after.EnumerateArray().Single(l => l.GetProperty("id").GetString() == "farm");
        Assert.Equal("layers/farm.gpkg:farm", farm.GetProperty("path").GetString());
        Assert.Equal(before.EnumerateArray().Single(l => l.GetProperty("id").GetString() == "farm").GetProperty("featureCount").GetInt32(),
            farm.GetProperty("featureCount").GetInt32());
    }

    [Theory]
    [InlineData("missing-file", "找不到图层文件 layers/farm.gpkg")]
    [InlineData("wrong-table", "没有要素表“parcels”")]
    [InlineData("postgis-down", "无法连接 PostGIS")]
    [InlineData("postgis-env", "环境变量 SPATIALPLAN_TEST_NO_SUCH_PG 没有设置")]
    public void ALayerSourceThatCannotBeOpenedExitsTwoNamingTheLayer(string problem, string expected)
    {
        using var folder = new TempFolder("sp-cli-source");
        SourceFolders.AsGeoPackage(_data.Root, folder.Path, ["farm"]);
        var catalog = JsonNode.Parse(File.ReadAllText(Path.Combine(folder.Path, "catalog.json")))!;
        var farm = catalog["layers"]!.AsArray().Single(l => l!["id"]!.GetValue<string>() == "farm")!;
        switch (problem)
        {
            case "missing-file":
                File.Delete(Path.Combine(folder.Path, "layers", "farm.gpkg"));
                break;
            case "wrong-table":
                farm["source"]!["table"] = "parcels";
                break;
            case "postgis-down":
                farm["source"] = new JsonObject { ["type"] = "postgis", ["connection"] = $"Host=127.0.0.1;Port={ClosedPort()};Username=u;Database=d", ["table"] = "public.farm" };
                break;
            default:
                farm["source"] = new JsonObject { ["type"] = "postgis", ["connection"] = "env:SPATIALPLAN_TEST_NO_SUCH_PG", ["table"] = "public.farm" };
                break;
        }

        File.WriteAllText(Path.Combine(folder.Path, "catalog.json"), catalog.ToJsonString());
        var footprint = _data.Footprint("source-" + problem, Box(435500, 4527500, 435600, 4527600));

        var run = CliRun.Of("check", footprint, "--type", "urban-construction", "--data", folder.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.False(run.HasStackTrace, run.Stderr);
        Assert.Contains(expected, run.Stderr, StringComparison.Ordinal);
        Assert.Contains("farm", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("处理办法", run.Stderr, StringComparison.Ordinal);
    }

    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string WithoutTime(string json)
    {
        var node = JsonNode.Parse(json)!;
        node["settings"]!.AsObject().Remove("checkedAt");
        return node.ToJsonString();
    }
}
