namespace SpatialPlan.Rendering.Sheets;

/// <summary>The language of a sheet's own words (title default, legend, notes, scale, stamp). Place names stay as the data has them.</summary>
public enum SheetLanguage
{
    /// <summary>Chinese (default).</summary>
    Zh = 0,

    /// <summary>English: legendEn, English notes and verdict words.</summary>
    En,
}
