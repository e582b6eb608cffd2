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
        using var expected = Decode(File.ReadAllBytes(expectedPath));
        using var actual = Decode(actualPng);
        Assert.Equal((expected.Width, expected.Height), (actual.Width, actual.Height));

        var a = actual.GetPixelSpan();
        var e = expected.GetPixelSpan();
        var diffPixels = new byte[a.Length];
        long differing = 0;
        for (int i = 0; i < a.Length; i += 4)
        {
            int delta = 0;
            for (int c = 0; c < 4; c++)
            {
                delta = Math.Max(delta, Math.Abs(a[i + c] - e[i + c]));
            }

            bool differs = delta > channelDelta;
            differing += differs ? 1 : 0;
            diffPixels[i] = differs ? (byte)255 : e[i];
            diffPixels[i + 1] = differs ? (byte)0 : e[i + 1];
            diffPixels[i + 2] = differs ? (byte)0 : e[i + 2];
            diffPixels[i + 3] = differs ? (byte)255 : (byte)60;
        }

        using var diff = new SKBitmap(new SKImageInfo(actual.Width, actual.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        System.Runtime.InteropServices.Marshal.Copy(diffPixels, 0, diff.GetPixels(), diffPixels.Length);
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

    private static SKBitmap Decode(byte[] png)
    {
        using var decoded = SKBitmap.Decode(png);
        var rgba = new SKBitmap(new SKImageInfo(decoded.Width, decoded.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        Assert.True(decoded.CopyTo(rgba, SKColorType.Rgba8888), "could not convert the PNG to RGBA");
        return rgba;
    }
}
