using SkiaSharp;

namespace SpatialPlan.Rendering.Tests.Support;

/// <summary>
/// Compares a rendered PNG with the expected one committed under Expected/. Each case states its tolerance:
/// how many pixels may differ (as a fraction) by more than a per-channel delta. Expected images are
/// rewritten only on purpose, with SPATIALPLAN_REGENERATE_GOLDEN=1; on a mismatch the actual and a diff
/// image are written next to the test output for a person to look at.
/// </summary>
internal static class GoldenImage
{
    public const string RegenerateVariable = "SPATIALPLAN_REGENERATE_GOLDEN";

    public static void AssertMatches(string name, byte[] actualPng, double maxDifferingFraction, int channelDelta)
    {
        var expectedPath = TestPaths.Expected(name + ".png");
        if (Environment.GetEnvironmentVariable(RegenerateVariable) == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(expectedPath)!);
            File.WriteAllBytes(expectedPath, actualPng);
            return;
        }

        Assert.True(File.Exists(expectedPath), $"No expected image {expectedPath}; create it on purpose with {RegenerateVariable}=1 and look at it.");
        using var expected = SKBitmap.Decode(expectedPath);
        using var actual = SKBitmap.Decode(actualPng);
        Assert.Equal((expected.Width, expected.Height), (actual.Width, actual.Height));

        using var diff = new SKBitmap(actual.Width, actual.Height);
        long differing = 0;
        for (int y = 0; y < actual.Height; y++)
        {
            for (int x = 0; x < actual.Width; x++)
            {
                SKColor a = actual.GetPixel(x, y), e = expected.GetPixel(x, y);
                int delta = Math.Max(Math.Max(Math.Abs(a.Red - e.Red), Math.Abs(a.Green - e.Green)), Math.Max(Math.Abs(a.Blue - e.Blue), Math.Abs(a.Alpha - e.Alpha)));
                bool differs = delta > channelDelta;
                differing += differs ? 1 : 0;
                diff.SetPixel(x, y, differs ? SKColors.Red : e.WithAlpha(60));
            }
        }

        double fraction = differing / (double)(actual.Width * actual.Height);
        if (fraction > maxDifferingFraction)
        {
            File.WriteAllBytes(TestOutput.PathOf(name + ".actual.png"), actualPng);
            using var diffData = diff.Encode(SKEncodedImageFormat.Png, 100);
            File.WriteAllBytes(TestOutput.PathOf(name + ".diff.png"), diffData.ToArray());
        }

        Assert.True(fraction <= maxDifferingFraction,
            $"{name}: {fraction:P3} of pixels differ by more than {channelDelta} (allowed {maxDifferingFraction:P3}); see {TestOutput.Directory}/{name}.actual.png and .diff.png");
    }
}
