using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using SpatialPlan.Core.Checks;
using SpatialPlan.Core.Layers;
using SpatialPlan.Core.Styles;
using SpatialPlan.Rendering.Reports;

namespace SpatialPlan.Rendering.Tests.Support;

/// <summary>
/// Report models over the sheet fixture, built the only way a report is built: Core's <see cref="SiteCheck"/> with the
/// repository's policy, a fixed clock and a named input, so the report number and check time are known.
/// </summary>
internal static class FixtureReport
{
    // The red-line polygon of Fixtures/sheet/layers/eco.geojson starts at (403000, 4524000); this box
    // straddles its east edge.
    public static readonly Geometry Footprint = Read("POLYGON ((413500 4527000, 416500 4527000, 416500 4529000, 413500 4529000, 413500 4527000))");

    /// <summary>The check's clock: 2026-11-29 21:09:42 +08:00, so the report says 21:09.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 29, 21, 9, 42, TimeSpan.FromHours(8));

    /// <summary>The input the reports name: "road.geojson" with the bytes "road" (SHA-256 362a2849…79f1, coreutils).</summary>
    public static readonly CheckInput Input = CheckInput.Of("road.geojson", "road"u8);

    private static readonly Lazy<CheckPolicy> s_policy = new(() => CheckPolicy.LoadFromDirectory(TestPaths.GisData));

    public static CheckReportRenderer Renderer()
    {
        var catalog = LayerCatalog.Load(FixtureSheet.Directory);
        return new CheckReportRenderer(catalog, StyleBook.Load(FixtureSheet.Directory), l => FixtureSheet.ReadFeatures(catalog.FullPath(l)));
    }

    public static Geometry Read(string wkt) => new WKTReader(new NetTopologySuite.NtsGeometryServices(PrecisionModel.Floating.Value, 4545)).Read(wkt);

    /// <summary>The fixture's red line as a zone layer.</summary>
    public static ZoneLayer RedLine()
    {
        var eco = FixtureSheet.ReadFeatures(Path.Combine(FixtureSheet.Directory, "layers", "eco.geojson"));
        return ZoneLayer.Create("eco-redline", "生态保护红线", "Eco red line", "ecological-redline", "ecological-redline", true, eco.Select(ZoneFeature.From));
    }

    /// <summary>A check of <paramref name="footprintGk"/> (default the box across the red line's edge) as <paramref name="options"/>.</summary>
    public static CheckReport Report(CheckOptions? options = null, Geometry? footprintGk = null, params ZoneLayer[] layers)
    {
        options ??= new CheckOptions("urban-construction");
        options = options with { Input = options.Input ?? Input };
        var check = new SiteCheck(s_policy.Value, layers.Length > 0 ? layers : [RedLine()]) { Clock = new FixedClock(Now), DataVersion = "fixture" };
        return check.Run(Core.Checks.Footprint.FromGk([footprintGk ?? Footprint], Core.Crs.GaussKrugerZone.FromEpsg(4545)!, options), options);
    }

    /// <summary>Renders a report to test-output/<paramref name="fileName"/>; returns the path and the page count.</summary>
    public static (string Path, int Pages) Render(CheckReport report, string fileName, string projectName = "测试项目")
    {
        var path = TestOutput.PathOf(fileName);
        using var file = File.Create(path);
        return (path, Renderer().Render(report, projectName, file));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();

        public override TimeZoneInfo LocalTimeZone { get; } = TimeZoneInfo.CreateCustomTimeZone("test", now.Offset, "test", "test");
    }
}
