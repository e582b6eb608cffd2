using NetTopologySuite.Geometries;
using SkiaSharp;
using SpatialPlan.Core.Checks;
using SpatialPlan.Core.Styles;
using SpatialPlan.Rendering.CheckSheets;
using SpatialPlan.Rendering.Painting;
using SpatialPlan.Rendering.Sheets;
using SpatialPlan.Rendering.Tests.Support;
using Xunit.Abstractions;

namespace SpatialPlan.Rendering.Tests.CheckSheets;

/// <summary>
/// Issue 9, "Done when": the per-check sheet of every sample project. Its PNG has the overlap colour of each zone the
/// oracle (index.json's expectedZoneVerdicts) says is involved, inside the map frames, and none of the others; its PDF
/// text holds the verdict, the title and the legend entries of the frame, and no legend entry of a layer with nothing
/// in the frame.
/// </summary>
public class CheckSheetSampleTests(ITestOutputHelper output)
{
    private const int Dpi = 72;

    public static TheoryData<string> Samples() => SampleChecks.Files();

    [Theory]
    [MemberData(nameof(Samples))]
    public void ThePngHasTheOverlapColourOfEveryInvolvedZoneAndNoOther(string file)
    {
        var (report, name) = SampleChecks.Check(file);
        var renderer = new CheckSheetRenderer(SampleChecks.Store, SampleChecks.Styles);
        using var png = new MemoryStream();
        var result = renderer.Render(report, name, new CheckSheetRequest { Paper = Paper.A4, Format = SheetFormat.Png, Dpi = Dpi }, png);
        File.WriteAllBytes(TestOutput.PathOf($"check-sheet-{Path.GetFileNameWithoutExtension(file)}.png"), png.ToArray());

        var expected = SampleChecks.ExpectedZoneCategories(file);
        Assert.Equal(expected.Order(), result.OverlapCategories.Order());
        using var bitmap = SKBitmap.Decode(png.ToArray());
        var maps = result.Frames.Where(f => f.Kind != "inset").ToList();
        foreach (var category in OverlapCategories())
        {
            var colour = CssColor.Parse(CheckSheetStyles.OverlapOf(SampleChecks.Styles, category).Fill!);
            long count = Count(bitmap, maps, colour);
            output.WriteLine($"{file} {category} {colour}: {count} px");
            if (expected.Contains(category))
            {
                Assert.True(count >= 4, $"{file}: the overlap colour of {category} ({colour}) is missing from the map frames ({count} px)");
            }
            else
            {
                Assert.True(count == 0, $"{file}: {count} px of {category}'s overlap colour ({colour}), a zone not involved");
            }
        }

        // One detail frame per conflicting zone (有条件准入 or worse), at 1:2 000–1:10 000.
        var conflicts = SampleChecks.Entry(file).GetProperty("expectedZoneVerdicts").EnumerateObject()
            .Where(p => p.Value.GetString() is "approval-required" or "prohibited").Select(p => p.Name).Order().ToList();
        var details = result.Frames.Where(f => f.Kind == "detail").ToList();
        Assert.Equal(conflicts, details.Select(d => d.Category!).Order().ToList());
        Assert.All(details, d => Assert.InRange(d.ScaleDenominator, 2_000, 10_000));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void ThePdfHoldsTheVerdictTheTitleAndOnlyTheLegendOfWhatIsInTheFrame(string file)
    {
        var (report, name) = SampleChecks.Check(file);
        Assert.Equal(SampleChecks.Entry(file).GetProperty("expectedVerdict").GetString(), Names.Of(report.Verdict));
        var path = TestOutput.PathOf($"check-sheet-{Path.GetFileNameWithoutExtension(file)}.pdf");
        CheckSheetResult result;
        using (var pdf = File.Create(path))
        {
            result = new CheckSheetRenderer(SampleChecks.Store, SampleChecks.Styles)
                .Render(report, name, new CheckSheetRequest { Paper = Paper.A3, Unit = "杭锦后旗自然资源局（测试）" }, pdf);
        }

        var text = Poppler.Compact(path);
        Assert.Contains(Poppler.Squeeze(name + "选址核查图"), text);
        Assert.Contains("核查结论", text);
        Assert.Contains(report.VerdictZh, text);
        Assert.Contains("制图单位：杭锦后旗自然资源局（测试）", text);
        if (result.Frames.Any(f => f.Kind == "detail"))
        {
            Assert.Contains("详图1", text);
        }
        foreach (var label in result.LegendLabels)
        {
            Assert.Contains(Poppler.Squeeze(label), text);
        }

        // Independently of the renderer: a layer none of whose features reaches the overview frame has no legend entry.
        var ground = result.Frames[0].Ground;
        var rect = new GeometryFactory().ToGeometry(ground);
        var store = SampleChecks.Store;
        foreach (var layer in store.Catalog.Layers.Where(l => l.Visible))
        {
            var style = SampleChecks.Styles.Get(layer.Style);
            var labels = new[] { style.LegendZh }.Concat(style.Rules?.Select(r => r.Style.LegendZh) ?? []).OfType<string>().ToList();
            bool inFrame = store.Source(layer.Id).All().Any(f => f.Geometry is { IsEmpty: false } g && g.EnvelopeInternal.Intersects(ground) && g.Intersects(rect));
            if (inFrame)
            {
                Assert.True(labels.Any(l => text.Contains(Poppler.Squeeze(l), StringComparison.Ordinal)), $"{file}: {layer.Id} is in the frame but not in the legend");
            }
            else
            {
                foreach (var label in labels)
                {
                    Assert.True(!text.Contains(Poppler.Squeeze(label), StringComparison.Ordinal), $"{file}: legend entry “{label}” of {layer.Id}, which has nothing in the frame");
                }
            }
        }

        Assert.NotEmpty(result.GridLabels);
        Assert.All(result.GridLabels, l => Assert.Contains(l, text));
    }

    private static IEnumerable<string> OverlapCategories() =>
        SampleChecks.Styles.Keys.Where(k => k.StartsWith(CheckSheetStyles.OverlapPrefix, StringComparison.Ordinal)).Select(k => k[CheckSheetStyles.OverlapPrefix.Length..]);

    /// <summary>
    /// Solid patches of <paramref name="colour"/> inside the given frames (page points → pixels): pixels that, with their
    /// right, lower and lower-right neighbours, are within 6 of it on every channel. A lone pixel of that colour is an
    /// antialiased blend of two other colours at an edge, not a fill.
    /// </summary>
    private static long Count(SKBitmap bitmap, IEnumerable<CheckSheetFrame> frames, SKColor colour)
    {
        long count = 0;
        float scale = Dpi / 72f;
        foreach (var f in frames)
        {
            int x0 = (int)Math.Ceiling(f.X * scale) + 1, y0 = (int)Math.Ceiling(f.Y * scale) + 1;
            int x1 = (int)Math.Floor((f.X + f.Width) * scale) - 1, y1 = (int)Math.Floor((f.Y + f.Height) * scale) - 1;
            for (int y = y0; y < y1; y++)
            {
                for (int x = x0; x < x1; x++)
                {
                    if (Near(bitmap.GetPixel(x, y), colour) && Near(bitmap.GetPixel(x + 1, y), colour)
                        && Near(bitmap.GetPixel(x, y + 1), colour) && Near(bitmap.GetPixel(x + 1, y + 1), colour))
                    {
                        count++;
                    }
                }
            }
        }

        return count;
    }

    private static bool Near(SKColor p, SKColor c) => Math.Abs(p.Red - c.Red) <= 6 && Math.Abs(p.Green - c.Green) <= 6 && Math.Abs(p.Blue - c.Blue) <= 6;
}
