using SpatialPlan.Core.Checks;
using SpatialPlan.Core.Sources;
using SpatialPlan.Core.Tests.Checks;

namespace SpatialPlan.Core.Tests.Hostile;

/// <summary>The one place the hostile tests build project settings and run the site check over the repository's gis-data.</summary>
internal static class HostileChecks
{
    private static readonly Lazy<SiteCheck> Check = new(() => SiteCheck.Load(CheckFixtures.DataDir));

    /// <summary>An urban-construction project (the alias <c>urban</c>, valid before and after the issue-7 kinds).</summary>
    public static ProjectSettings Urban(double? widthM = null, double? radiusM = null) =>
        new(Kind: "urban", WidthM: widthM, RadiusM: radiusM);

    public static CheckReport Run(FeatureLoadResult load, ProjectSettings? settings = null) =>
        Check.Value.Run(load, settings ?? Urban());
}
