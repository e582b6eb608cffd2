namespace SpatialPlan.Rendering.Sheets;

/// <summary>Output file format of a sheet or report.</summary>
public enum SheetFormat
{
    /// <summary>Vector PDF with real (selectable) text and subset fonts.</summary>
    Pdf = 0,

    /// <summary>Raster PNG at <see cref="MapSheetRequest.Dpi"/>.</summary>
    Png,
}
