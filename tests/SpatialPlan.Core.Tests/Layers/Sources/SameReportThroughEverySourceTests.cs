using System.Globalization;
using SpatialPlan.Core.Checks;
using SpatialPlan.Core.Layers;
using SpatialPlan.Core.Layers.Sources;
using SpatialPlan.Core.Sources;
using SpatialPlan.Core.Tests.Checks;
using SpatialPlan.Core.Tests.Support;
using SpatialPlan.TestSupport;
using Xunit.Abstractions;

namespace SpatialPlan.Core.Tests.Layers.Sources;

/// <summary>
/// Issue 8 §3: the same data through any source gives the same check report. gis-data's layers are written as GeoPackage
/// tables and as PostGIS tables (the same working-CRS coordinates), each sample footprint is checked through all three,
/// and the report JSONs must agree: the same features, verdicts and words, every number within 1e-9 relative. Only the
/// data version differs (it hashes the layer files, and the files differ).
/// </summary>
[Collection(PostgresCollection.Name)]
public class SameReportThroughEverySourceTests(PostgresFixture postgres, ITestOutputHelper output)
{
    private const double Relative = 1e-9;
    private static readonly FixedClock Clock = new(new DateTimeOffset(2025, 3, 1, 10, 30, 0, TimeSpan.FromHours(8)));

    /// <summary>The layers a check reads: zones, guidance, the area and its neighbours (the rest stay GeoJSON).</summary>
    private static readonly Lazy<string[]> Checked = new(() =>
    {
        var catalog = LayerCatalog.Load(CheckFixtures.DataDir);
        return [.. catalog.Layers.Where(l => l.Policy is not null).Select(l => l.Id).Concat(new[] { catalog.Area?.Layer, catalog.Area?.Neighbours }.OfType<string>())];
    });

    [SkippableFact]
    public void EverySampleGetsTheSameReportFromGeoJsonAndGeoPackage()
    {
        // Where PostgreSQL runs, the three-source test below covers this one.
        Skip.If(postgres.Cluster is not null, "covered by EverySampleGetsTheSameReportFromGeoJsonGeoPackageAndPostgis");
        using var gpkg = new TempFolder("sp-gpkg");
        SourceFolders.AsGeoPackage(CheckFixtures.DataDir, gpkg.Path, Checked.Value);
        AssertSameReports(("GeoPackage", gpkg.Path));
    }

    [SkippableFact]
    public void EverySampleGetsTheSameReportFromGeoJsonGeoPackageAndPostgis()
    {
        var cluster = postgres.Require();
        using var gpkg = new TempFolder("sp-gpkg");
        using var pg = new TempFolder("sp-pg");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        SourceFolders.AsGeoPackage(CheckFixtures.DataDir, gpkg.Path, Checked.Value);
        SourceFolders.AsPostgis(CheckFixtures.DataDir, pg.Path, cluster.CreateDatabase("same_report"), only: Checked.Value);
        output.WriteLine($"GeoPackage and PostGIS copies written in {clock.ElapsedMilliseconds} ms");
        AssertSameReports(("GeoPackage", gpkg.Path), ("PostGIS", pg.Path));
    }

    private void AssertSameReports(params (string Name, string Folder)[] others)
    {
        var reference = SiteCheck.From(new LayerStore(LayerCatalog.Load(CheckFixtures.DataDir)), Clock);
        var checks = others.Select(o =>
        {
            var store = new LayerStore(LayerCatalog.Load(o.Folder));
            // Every zone layer really is read through the other source.
            Assert.All(store.Catalog.ZoneLayers, l => Assert.NotEqual(LayerSourceSpec.GeoJsonType, l.SourceType));
            return (o.Name, Check: SiteCheck.From(store, Clock));
        }).ToList();
        Assert.All(checks, c => Assert.All(c.Check.Layers, l => Assert.False(l.IsInMemory, $"{c.Name}: {l.LayerId} is in memory")));

        var samples = SampleProjects.Index().ToList();
        Assert.True(samples.Count >= 10, "the sample index lists the footprints");
        var compared = 0;
        var times = new Dictionary<string, long>();
        foreach (var sample in samples)
        {
            var file = sample.GetProperty("file").GetString()!;
            var t = System.Diagnostics.Stopwatch.StartNew();
            var expected = CheckReportJson.Serialize(Run(reference, sample, file), indented: false);
            times["GeoJSON"] = times.GetValueOrDefault("GeoJSON") + t.ElapsedMilliseconds;
            foreach (var (name, check) in checks)
            {
                t.Restart();
                var actual = CheckReportJson.Serialize(Run(check, sample, file), indented: false);
                times[name] = times.GetValueOrDefault(name) + t.ElapsedMilliseconds;
                var differences = JsonSame.Differences(expected, actual, Relative, "$.settings.dataVersion");
                Assert.True(differences.Count == 0, $"{file} through {name}:\n{string.Join('\n', differences)}");
                compared++;
            }
        }

        output.WriteLine($"{samples.Count} samples, {compared} reports compared with the GeoJSON source's; ms per source: {string.Join(", ", times.Select(kv => $"{kv.Key} {kv.Value}"))}");
    }

    private static CheckReport Run(SiteCheck check, System.Text.Json.JsonElement sample, string file)
    {
        var crs = sample.GetProperty("crs").GetString() is { } c
            ? int.Parse(c.Replace("EPSG:", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture)
            : (int?)null;
        var given = new ProjectSettings(sample.GetProperty("type").GetString(), SampleProjects.Majors(sample),
            WidthM: SampleProjects.Number(sample, "width"), RadiusM: SampleProjects.Number(sample, "radius"));
        var path = Path.Combine(SampleProjects.Directory, file);
        var load = FeatureFileReader.Read(path, new ReadOptions(crs));
        return check.Run(load, given, CheckInput.OfFile(path), crs);
    }
}
