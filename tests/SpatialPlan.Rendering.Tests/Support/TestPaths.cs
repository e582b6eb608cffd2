using System.Runtime.CompilerServices;

namespace SpatialPlan.Rendering.Tests.Support;

/// <summary>Paths inside the test project's source folder (fixtures, expected images), found from this file's path.</summary>
internal static class TestPaths
{
    public static string ProjectDirectory { get; } = Locate();

    public static string Fixture(string name) => Path.Combine(ProjectDirectory, "Fixtures", name);

    public static string Expected(string fileName) => Path.Combine(ProjectDirectory, "Expected", fileName);

    /// <summary>The repository's gis-data folder.</summary>
    public static string GisData => Path.GetFullPath(Path.Combine(ProjectDirectory, "..", "..", "gis-data"));

    private static string Locate([CallerFilePath] string thisFile = "") =>
        Path.GetDirectoryName(Path.GetDirectoryName(thisFile))!;
}
