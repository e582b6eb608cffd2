namespace SpatialPlan.Core.Checks;

/// <summary>
/// Where a layer the check used comes from, as the report prints it: the catalog's version, date and 批复文号 (empty
/// for schematic layers, and printed as such).
/// </summary>
/// <param name="LayerId">Catalog id.</param>
/// <param name="TitleZh">Chinese title.</param>
/// <param name="TitleEn">English title.</param>
/// <param name="Role"><c>zone</c>, <c>guidance</c>, <c>area</c> or <c>neighbours</c>.</param>
/// <param name="Schematic">True for our schematic reading of the plan.</param>
/// <param name="Version">Data version, or empty.</param>
/// <param name="Date">Data date, or empty.</param>
/// <param name="ApprovalNumber">批复文号, or empty.</param>
/// <param name="Source">Short source credit.</param>
public sealed record LayerProvenance(string LayerId, string TitleZh, string TitleEn, string Role, bool Schematic, string Version, string Date, string ApprovalNumber, string Source);
