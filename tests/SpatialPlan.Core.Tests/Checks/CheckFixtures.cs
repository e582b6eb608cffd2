using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using SpatialPlan.Core.Checks;

namespace SpatialPlan.Core.Tests.Checks;

/// <summary>Builds zone layers and footprints from inline EPSG:4545 WKT against the engine's test policy, and finds the repository's gis-data.</summary>
internal static class CheckFixtures
{
    private static readonly WKTReader Reader = new(new NetTopologySuite.NtsGeometryServices(PrecisionModel.Floating.Value, 4545));

    public static string RepoRoot { get; } = FindRepoRoot();

    public static string DataDir => Path.Combine(RepoRoot, "gis-data");

    /// <summary>Options for a kind of the test policy, with optional major categories.</summary>
    public static CheckOptions Kind(string kind, params string[] majors) => new(kind, majors);

    public static Geometry Wkt(string wkt) => Reader.Read(wkt);

    /// <summary>An axis-aligned rectangle in EPSG:4545 metres.</summary>
    public static string Box(double x0, double y0, double x1, double y1) =>
        FormattableString.Invariant($"POLYGON(({x0} {y0},{x1} {y0},{x1} {y1},{x0} {y1},{x0} {y0}))");

    public static ZoneLayer Layer(string category, params (string Id, string Wkt, string? Level)[] features) =>
        ZoneLayer.Create(category + "-layer", category + "图层", category + " layer", category, category, true,
            features.Select(f => new ZoneFeature(f.Id, f.Id + "名", f.Level, Wkt(f.Wkt))));

    public static ZoneLayer Layer(string category, params string[] wkts) =>
        Layer(category, wkts.Select((w, i) => ($"{category}-{i}", w, (string?)null)).ToArray());

    public static Footprint Footprint(string wkt, CheckOptions? options = null) =>
        Core.Checks.Footprint.FromGk([Wkt(wkt)], Crs.TestAreas.Gk108, options ?? Kind(EnginePolicy.Urban));

    public static CheckReport Check(ZoneLayer layer, string footprintWkt, CheckOptions? options = null)
    {
        options ??= Kind(EnginePolicy.Urban);
        return new SiteCheck(EnginePolicy.Policy, [layer]).Run(Footprint(footprintWkt, options), options);
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "gis-data", "policy.json")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("gis-data/policy.json not found above " + AppContext.BaseDirectory);
    }
}
