namespace SpatialPlan.Core.Checks;

/// <summary>What a project is, which decides what each zone allows. JSON/CLI names are the lower-case member names.</summary>
public enum ProjectType
{
    /// <summary>Urban/industrial construction (default).</summary>
    Urban = 0,

    /// <summary>Roads, rail lines, pipelines, power lines, canals.</summary>
    Linear,

    /// <summary>Farming, orchards, aquaculture, livestock.</summary>
    Agriculture,

    /// <summary>Ecological restoration, sand control, shelter belts.</summary>
    Ecological,

    /// <summary>Tourism and nature education.</summary>
    Tourism,

    /// <summary>Anything else.</summary>
    Other,
}
