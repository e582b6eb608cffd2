using SpatialPlan.Core.Checks;

namespace SpatialPlan.App.Checks;

/// <summary>The options of one site check, as given in the query string or the form.</summary>
/// <param name="Type">What the project is; decides what each zone allows.</param>
/// <param name="NationalMajor">A national major project (国家重大项目), which some zones allow with approval.</param>
/// <param name="WidthM">Full width in metres that turns a line footprint into a corridor.</param>
/// <param name="RadiusM">Radius in metres that turns a point footprint into a circle.</param>
/// <param name="DeclaredEpsg">The CRS the planner says the file is in, or null to let Core detect it.</param>
public sealed record CheckParameters(ProjectType Type, bool NationalMajor, double? WidthM, double? RadiusM, int? DeclaredEpsg);
