namespace SpatialPlan.Core.Tests.Rules;

/// <summary>A fact that is skipped, with the reason, while Rules/law-fixture.json is absent (it arrives at integration).</summary>
public sealed class LawFixtureFactAttribute : FactAttribute
{
    public LawFixtureFactAttribute()
    {
        if (!File.Exists(LawFixtureTests.FixturePath))
        {
            Skip = "tests/SpatialPlan.Core.Tests/Rules/law-fixture.json is absent: the law reader writes it from the legal texts; " +
                "this test compares every cell of it with gis-data/policy.json once it is there.";
        }
    }
}
