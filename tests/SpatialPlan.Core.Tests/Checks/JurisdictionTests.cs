using SpatialPlan.Core.Checks;
using SpatialPlan.Core.Sources;
using static SpatialPlan.Core.Tests.Checks.CheckFixtures;
using static SpatialPlan.Core.Tests.Checks.EnginePolicy;

namespace SpatialPlan.Core.Tests.Checks;

/// <summary>The share of a footprint inside the data's area, and the neighbouring county where the rest lies.</summary>
public class JurisdictionTests
{
    [Fact]
    public void AFootprintStraddlingTheBannerAndLinheGivesTheInsideShareOfGdalAndNamesLinhe()
    {
        // Oracles/footprint_oracle.py: GDAL/GEOS on the real banner and 临河区 boundaries, areas by GeographicLib.
        var answer = SampleOverlapOracleTests.Footprints().GetProperty("straddle-linhe.geojson");
        var path = SampleOverlapOracleTests.OracleFile("straddle-linhe.geojson");
        var load = FeatureFileReader.Read(path, ReadOptions.Default);

        var report = SampleProjects.SiteCheck.Run(load, ProjectSettings.None, CheckInput.OfFile(path));
        var j = report.Jurisdiction!;

        Assert.Equal(answer.GetProperty("insideShare").GetDouble(), j.InsideShare, 2e-4);
        var linhe = Assert.Single(j.Neighbours);
        Assert.Equal("临河区", linhe.Name);
        var expected = answer.GetProperty("neighbours").GetProperty("临河区").GetDouble();
        Assert.Equal(expected, linhe.AreaM2, expected * 2e-4);
        Assert.Equal(Verdict.Advisory, j.Verdict);
        Assert.Contains("数据范围外，未核查", j.NoteZh, StringComparison.Ordinal);
        Assert.Contains("临河区", j.FiguresZh, StringComparison.Ordinal);
        Assert.NotEqual(Verdict.Clear, report.Verdict);
        Assert.Equal("杭锦后旗", j.AreaName);
    }

    [Fact]
    public void AFootprintInsideTheAreaIsClearAndASliverOutsideIsNotUnchecked()
    {
        var area = Layer("area", ("banner", Box(420000, 4500000, 440000, 4540000), null));
        var neighbours = Layer("neighbours", ("linhe", Box(440000, 4500000, 460000, 4540000), null));
        var check = new SiteCheck(Policy, [], null, new JurisdictionCheck(area, neighbours));

        var inside = check.Run(Footprint(Box(430000, 4520000, 430100, 4520100)), Kind(Urban));
        var sliver = check.Run(Footprint(Box(439900, 4520000, 440000.005, 4520100)), Kind(Urban)); // 0.5 m² outside
        var half = check.Run(Footprint(Box(439900, 4520000, 440100, 4520100)), Kind(Urban));

        Assert.Equal(1, inside.Jurisdiction!.InsideShare, 9);
        Assert.Equal(Verdict.Clear, inside.Verdict);
        Assert.Null(inside.Jurisdiction.NoteZh);
        Assert.Equal(Verdict.Clear, sliver.Jurisdiction!.Verdict);
        Assert.Equal(0.5, half.Jurisdiction!.InsideShare, 4);
        Assert.Equal("linhe名", Assert.Single(half.Jurisdiction.Neighbours).Name);
        Assert.Equal(Verdict.Advisory, half.Verdict); // no zone at all: the unchecked half alone keeps it from clear
    }

    [Fact]
    public void ChecksRunningAtOnceShareThePreparedAreaAndGetTheSameShares()
    {
        // The area is prepared once per JurisdictionCheck and shared by every check, as the app runs them concurrently.
        // A star-shaped area with many vertices, footprints inside, across the edge and outside, checked 8 at a time.
        var ring = Enumerable.Range(0, 721).Select(i =>
        {
            var a = (i % 720) * Math.PI / 360;
            var r = i % 2 == 0 ? 10000 : 9000;
            return FormattableString.Invariant($"{430000 + (r * Math.Cos(a))} {4520000 + (r * Math.Sin(a))}");
        });
        var areaWkt = $"POLYGON(({string.Join(",", ring)}))";
        var footprints = Enumerable.Range(0, 40).Select(i => Footprint(Box(430000 + (i * 300), 4520000, 430000 + (i * 300) + 250, 4520200))).ToList();
        SiteCheck Fresh() => new(Policy, [], null, new JurisdictionCheck(Layer("area", ("star", areaWkt, null)), null));

        // Each footprint alone, on a fresh check each time: nothing prepared before.
        var alone = footprints.Select(f => Fresh().Run(f, Kind(Urban)).Jurisdiction!.OutsideAreaM2).ToList();
        var shared = Fresh();
        var together = new double[footprints.Count];
        Parallel.For(0, footprints.Count * 4, new ParallelOptions { MaxDegreeOfParallelism = 8 },
            i => together[i % footprints.Count] = shared.Run(footprints[i % footprints.Count], Kind(Urban)).Jurisdiction!.OutsideAreaM2);

        Assert.Equal(alone, together);
        Assert.Contains(alone, a => a == 0);
        Assert.Contains(alone, a => a > 0 && a < 40000);
        Assert.Contains(alone, a => a > 49000); // wholly outside: 250 m × 200 m
    }
}
