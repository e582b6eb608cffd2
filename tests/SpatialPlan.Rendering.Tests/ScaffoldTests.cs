namespace SpatialPlan.Rendering.Tests;

public class ScaffoldTests
{
    [Fact]
    public void TheTestProjectBuilds() => Assert.True(true);
}
