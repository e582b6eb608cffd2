namespace SpatialPlan.Rendering.Reports;

/// <summary>One repair made to the input, as the report lists it.</summary>
internal sealed record ReportRepair(int FeatureIndex, string Problem, string Action, double? AreaChangeM2);
