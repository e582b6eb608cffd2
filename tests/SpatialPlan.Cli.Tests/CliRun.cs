namespace SpatialPlan.Cli.Tests;

/// <summary>Runs the CLI in-process and captures what it wrote.</summary>
internal sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    public static CliRun Of(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CliApp.Run(args, stdout, stderr);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>True when stderr looks like a .NET stack trace ("   at Namespace.Type.Method(").</summary>
    public bool HasStackTrace => Stderr.Contains("   at ", StringComparison.Ordinal) || Stderr.Contains("Exception:", StringComparison.Ordinal);
}
