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
}
