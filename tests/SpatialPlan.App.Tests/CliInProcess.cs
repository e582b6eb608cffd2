using System.Reflection;

namespace SpatialPlan.App.Tests;

/// <summary>The <c>spatialplan</c> command run in-process (its assembly is copied here by the project reference).</summary>
internal static class CliInProcess
{
    /// <summary>SpatialPlan.Cli.csproj's AssemblyName.</summary>
    private const string Assembly = "spatialplan";

    private static readonly Lazy<MethodInfo> s_run = new(() =>
        System.Reflection.Assembly.Load(Assembly).GetType("SpatialPlan.Cli.CliApp", throwOnError: true)!.GetMethod("Run")!);

    /// <summary>Runs the CLI; returns its exit code, stdout and stderr.</summary>
    public static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = (int)s_run.Value.Invoke(null, [args, stdout, stderr])!;
        return (code, stdout.ToString(), stderr.ToString());
    }
}
