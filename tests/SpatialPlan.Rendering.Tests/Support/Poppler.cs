using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace SpatialPlan.Rendering.Tests.Support;

/// <summary>Runs poppler-utils (pdftotext, pdfinfo) — an independent reader of the PDFs we write.</summary>
internal static partial class Poppler
{
    public static string Text(string pdfPath) => Run("pdftotext", $"-layout \"{pdfPath}\" -");

    /// <summary>The text in drawing order (pdftotext -raw): a wrapped table cell's lines follow each other.</summary>
    public static string RawText(string pdfPath) => Run("pdftotext", $"-raw \"{pdfPath}\" -");

    /// <summary>The raw text without any white space, so a figure wrapped across lines of a cell reads as one string.</summary>
    public static string Compact(string pdfPath) => Squeeze(RawText(pdfPath));

    /// <summary><paramref name="text"/> without white space (to compare with <see cref="Compact"/>).</summary>
    public static string Squeeze(string text) => WhiteSpace().Replace(text, string.Empty);

    public static int PageCount(string pdfPath) =>
        int.Parse(PagesLine().Match(Run("pdfinfo", $"\"{pdfPath}\"")).Groups[1].Value, CultureInfo.InvariantCulture);

    /// <summary>Page size in points of the given page (1-based).</summary>
    public static (double Width, double Height) PageSize(string pdfPath, int page = 1)
    {
        var info = Run("pdfinfo", $"-f {page} -l {page} \"{pdfPath}\"");
        var m = PageSizeLine().Match(info);
        Assert.True(m.Success, info);
        return (double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
    }

    /// <summary>The fonts listing (pdffonts), to see that fonts are embedded.</summary>
    public static string Fonts(string pdfPath) => Run("pdffonts", $"\"{pdfPath}\"");

    private static string Run(string tool, string arguments)
    {
        var start = new ProcessStartInfo(tool, arguments)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start (apt-get install poppler-utils).");
        var stdout = process.StandardOutput.ReadToEnd();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{tool} {arguments} failed: {stderr}");
        return stdout;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    [GeneratedRegex(@"Pages:\s+(\d+)")]
    private static partial Regex PagesLine();

    [GeneratedRegex(@"Page\s+\d*\s*size:\s+([\d.]+) x ([\d.]+) pts")]
    private static partial Regex PageSizeLine();
}
