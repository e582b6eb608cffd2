using System.Globalization;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using SpatialPlan.Core.Checks;
using SpatialPlan.Core.Crs;
using SpatialPlan.Core.Sources;
using SpatialPlan.Rendering.Tests.Support;

namespace SpatialPlan.Rendering.Tests.Reports;

/// <summary>The report's appendices: every 界址点 and every overlapped 图斑, however many, across pages.</summary>
public class ReportAppendixTests
{
    [Fact]
    public void BoundaryPointsOfALonLatFootprintAreProjJsCoordinatesWithXAsNorthing()
    {
        // Oracle (PROJ, outside the code under test):
        //   printf "40.86 107.05\n40.86 107.06\n40.87 107.06\n40.87 107.05\n" | cs2cs -f %.6f EPSG:4490 EPSG:4545
        //   4525460.376044 419902.153370 / 4525451.277520 420745.299712 / 4526561.812331 420757.221450 / 4526570.911321 419914.201964
        // (northing first). The ring is given counter-clockwise; the table starts at the north-west point and runs clockwise.
        var ring = new GeometryFactory(new PrecisionModel(), Epsg.Cgcs2000).CreatePolygon(
            [new(107.05, 40.86), new(107.06, 40.86), new(107.06, 40.87), new(107.05, 40.87), new(107.05, 40.86)]);
        var load = new FeatureLoadResult
        {
            Features = [new Feature(ring, new AttributesTable())], SourceEpsg = Epsg.Cgcs2000, AxesSwapped = false, CrsReasonZh = "文件声明", FileName = "p.geojson", Repairs = [],
        };
        var options = new CheckOptions("urban-construction");
        var report = new SiteCheck(CheckPolicy.LoadFromDirectory(TestPaths.GisData), []).Run(Footprint.From(load, options), options);
        var (path, _) = FixtureReport.Render(report, "report-jzd-lonlat.pdf");
        var compact = Poppler.Compact(path);

        var table = compact[compact.IndexOf("附表1界址点坐标表", StringComparison.Ordinal)..];
        Assert.Contains("X为北坐标，Y为东坐标", table, StringComparison.Ordinal);
        Assert.Contains("J14526570.911419914.202", table, StringComparison.Ordinal);
        Assert.Contains("J24526561.812420757.221", table, StringComparison.Ordinal);
        Assert.Contains("J34525451.278420745.300", table, StringComparison.Ordinal);
        Assert.Contains("J44525460.376419902.153", table, StringComparison.Ordinal);
        Assert.Contains("共1个环、4个界址点", table, StringComparison.Ordinal);
    }

    [Fact]
    public void HundredsOfBoundaryPointsAreAllPrintedAcrossPages()
    {
        // A 600-vertex ring (a drawn or buffered outline is often this dense), east of the fixture's red line.
        const int n = 600;
        var coords = Enumerable.Range(0, n + 1).Select(i =>
        {
            double a = -2 * Math.PI * (i % n) / n;
            return new Coordinate(430000 + (800 * Math.Cos(a)), 4530000 + (800 * Math.Sin(a)));
        }).ToArray();
        var circle = FixtureReport.Read(new GeometryFactory().CreatePolygon(coords).AsText());
        var report = FixtureReport.Report(footprintGk: circle);
        var (path, pages) = FixtureReport.Render(report, "report-jzd-600.pdf");
        var text = Poppler.Text(path).Split('\f');
        var compact = Poppler.Compact(path);

        var points = report.BoundaryRings.Single().Points;
        Assert.Equal(n + 1, points.Count);
        Assert.All(points, p => Assert.Contains(
            $"{p.Name}{p.X.ToString("0.000", CultureInfo.InvariantCulture)}{p.Y.ToString("0.000", CultureInfo.InvariantCulture)}", compact, StringComparison.Ordinal));
        var appendixPages = text.Count(p => p.Contains("X（北坐标）", StringComparison.Ordinal));
        Assert.True(appendixPages >= 2, $"600 points on {appendixPages} page(s)");
        Assert.True(pages >= 8, $"{pages} pages");
    }

    [Fact]
    public void EveryOverlappedFeatureIsListedWithItsAreaAndShareNeverAsEtc()
    {
        // 150 parcels of 100 m × 100 m in a 15 × 10 grid; the footprint covers the west half of each of them.
        var parcels = new List<ZoneFeature>();
        for (int i = 0; i < 15; i++)
        {
            for (int j = 0; j < 10; j++)
            {
                var id = $"JBNT-{(i * 10) + j:000}";
                parcels.Add(new ZoneFeature(id, $"图斑{id}", null, FixtureReport.Read(Box(440000 + (i * 200), 4530000 + (j * 200), 440100 + (i * 200), 4530100 + (j * 200))))
                {
                    LandClass = "水浇地",
                });
            }
        }

        var farmland = ZoneLayer.Create("farmland", "永久基本农田", "Farmland", "permanent-farmland", "permanent-farmland", true, parcels);
        var strips = new GeometryFactory().BuildGeometry(Enumerable.Range(0, 15).Select(i =>
            FixtureReport.Read(Box(440000 + (i * 200), 4530000, 440050 + (i * 200), 4532000))));
        var footprint = FixtureReport.Read(strips.Union().AsText());
        var report = FixtureReport.Report(footprintGk: footprint, layers: farmland);
        var (path, _) = FixtureReport.Render(report, "report-parcels.pdf");
        var compact = Poppler.Compact(path);

        var zone = report.Zones.Single();
        Assert.Equal(150, zone.Features.Count);
        var appendix = compact[compact.IndexOf("附表2占用图斑清单", StringComparison.Ordinal)..];
        Assert.All(zone.Features, f =>
        {
            Assert.Equal(50.0, f.SharePercent!.Value, 1e-4); // the scale factor varies a little across a parcel
            Assert.Contains($"{f.Id}图斑{f.Id}水浇地{Figures.M2(f.OverlapAreaM2)}{Figures.Mu(f.OverlapAreaM2)}50.0%", appendix, StringComparison.Ordinal);
        });
        Assert.Contains($"永久基本农田小计150个图斑{Figures.M2(zone.OverlapAreaM2)}{Figures.Mu(zone.OverlapAreaM2)}", appendix, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"等\d+处", compact);
    }

    private static string Box(double x0, double y0, double x1, double y1) =>
        FormattableString.Invariant($"POLYGON(({x0} {y0},{x1} {y0},{x1} {y1},{x0} {y1},{x0} {y0}))");
}
