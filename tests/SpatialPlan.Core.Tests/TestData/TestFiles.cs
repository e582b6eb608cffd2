using System.Runtime.CompilerServices;

namespace SpatialPlan.Core.Tests.TestData;

/// <summary>Finds files in this folder from the source tree, so the test project needs no copy items.</summary>
internal static class TestFiles
{
    public static string Path(string name) => System.IO.Path.Combine(System.IO.Path.GetDirectoryName(ThisFile())!, name);

    private static string ThisFile([CallerFilePath] string here = "") => here;
}
