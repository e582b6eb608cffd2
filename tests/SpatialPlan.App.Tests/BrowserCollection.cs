namespace SpatialPlan.App.Tests;

/// <summary>
/// The browser test classes share one server, one Chromium and one page (starting them is the slow part); the tests
/// of the collection run one after the other, each from the page's opening state (<see cref="BrowserFixture.MapAsync"/>).
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
