using static SpatialPlan.Cli.Tests.TestDataDirectory;

namespace SpatialPlan.Cli.Tests;

/// <summary>Bad input and usage exit 2 with a Chinese message on stderr, nothing on stdout and never a stack trace.</summary>
public sealed class BadInputTests : IClassFixture<TestDataDirectory>
{
    private readonly TestDataDirectory _data;

    public BadInputTests(TestDataDirectory data) => _data = data;

    private string Square => _data.Footprint("square", Box(435500, 4527500, 435600, 4527600));

    private string LineFile => _data.Write("line-only.geojson", """
        {"type":"FeatureCollection","features":[{"type":"Feature","properties":{},
         "geometry":{"type":"LineString","coordinates":[[107.10,40.89],[107.13,40.89]]}}]}
        """);

    public static TheoryData<string, string> Cases() => new()
    {
        { "missing-file", "找不到文件" },
        { "unknown-type", "项目类型" },
        { "line-without-width", "--width" },
        { "bad-crs", "坐标系" },
        { "bad-format", "--format" },
        { "malformed-json", "square-broken.geojson" },
        { "no-such-data-dir", "数据目录" },
        { "unknown-option", "命令行参数有误" },
        { "no-command", "命令行参数有误" },
        { "width-not-a-number", "命令行参数有误" },
        { "negative-buffer", "--buffer" },
        { "no-kind", "项目类型必填" },
        { "ambiguous-kind", "cropping" },
        { "national-major", "--major" },
        { "unknown-major", "farmland-transport" },
        { "kinds-bad-format", "--format" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void BadInputExitsTwoWithAMessageAndNoStackTrace(string name, string mentioned)
    {
        var run = CliRun.Of(Args(name));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(mentioned, run.Stderr);
        Assert.False(run.HasStackTrace, run.Stderr);
        Assert.Equal(string.Empty, run.Stdout);
    }

    private string[] Args(string name) => name switch
    {
        "missing-file" => ["check", Path.Combine(_data.Root, "nope.geojson"), "--data", _data.Root],
        "unknown-type" => ["check", Square, "--type", "factory", "--data", _data.Root],
        "line-without-width" => ["check", LineFile, "--type", "linear", "--data", _data.Root],
        "bad-crs" => ["check", Square, "--crs", "EPSG:9999", "--data", _data.Root],
        "bad-format" => ["check", Square, "--format", "xml", "--data", _data.Root],
        "malformed-json" => ["check", _data.Write("square-broken.geojson", "{\"type\":\"FeatureCollection\",\"features\":["), "--data", _data.Root],
        "no-such-data-dir" => ["check", Square, "--data", Path.Combine(_data.Root, "missing")],
        "unknown-option" => ["check", Square, "--colour", "red"],
        "no-command" => [],
        "width-not-a-number" => ["check", Square, "--width", "wide"],
        "negative-buffer" => ["check", Square, "--buffer", "-5", "--data", _data.Root],
        "no-kind" => ["check", Square, "--data", _data.Root],
        "ambiguous-kind" => ["check", Square, "--type", "agriculture", "--data", _data.Root],
        "national-major" => ["check", Square, "--type", "linear", "--national-major", "--data", _data.Root],
        "unknown-major" => ["check", Square, "--type", "linear", "--major", "expressway", "--data", _data.Root],
        "kinds-bad-format" => ["kinds", "--format", "xml", "--data", _data.Root],
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };
}
