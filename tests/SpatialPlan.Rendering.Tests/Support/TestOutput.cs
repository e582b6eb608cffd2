namespace SpatialPlan.Rendering.Tests.Support;

/// <summary>Where tests write their PDFs/PNGs so that a person can look at them after a run.</summary>
internal static class TestOutput
{
    public static string Directory
    {
        get
        {
            var dir = Path.Combine(AppContext.BaseDirectory, "test-output");
            System.IO.Directory.CreateDirectory(dir);
            return dir;
        }
    }

    public static string PathOf(string fileName) => Path.Combine(Directory, fileName);
}
