using System.Diagnostics;

namespace SpatialPlan.TestSupport;

/// <summary>
/// The independent tools tests read our outputs with: GDAL's <c>ogrinfo</c> and poppler's <c>pdftotext</c> (installed by
/// <c>.ci/run</c>). A tool that exits non-zero fails the test with its own output.
/// </summary>
public static class ExternalTool
{
    /// <summary><c>ogrinfo -ro ARGS</c>: its standard output and error together.</summary>
    public static string OgrInfo(params string[] args) => Run("ogrinfo", ["-ro", .. args], withStderr: true);

    /// <summary><c>pdftotext -raw PDF -</c>: the PDF's text in content-stream order.</summary>
    public static string PdfText(string pdf) => Run("pdftotext", ["-raw", pdf, "-"], withStderr: false);

    private static string Run(string tool, IEnumerable<string> args, bool withStderr)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var errors = stderr.Result;
        return process.ExitCode == 0
            ? withStderr ? output + errors : output
            : throw new InvalidOperationException($"{tool} failed (exit {process.ExitCode}): {output}{errors}");
    }
}
