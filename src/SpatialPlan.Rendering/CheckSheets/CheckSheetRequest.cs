using SpatialPlan.Rendering.Sheets;

namespace SpatialPlan.Rendering.CheckSheets;

/// <summary>How to draw the sheet of one check (会议出图). Everything is optional.</summary>
public sealed record CheckSheetRequest
{
    /// <summary>图名; default "{project}选址核查图" (English: "Site check map: {project}").</summary>
    public string? Title { get; init; }

    /// <summary>制图单位; null or blank prints a blank to fill in by hand.</summary>
    public string? Unit { get; init; }

    public Paper Paper { get; init; } = Paper.A3;

    public PageOrientation Orientation { get; init; } = PageOrientation.Landscape;

    public SheetFormat Format { get; init; } = SheetFormat.Pdf;

    /// <summary>PNG resolution, 36–600 dpi; ignored for PDF.</summary>
    public int Dpi { get; init; } = 150;

    /// <summary>The date printed; default the check's date, so that the same check prints the same sheet.</summary>
    public DateOnly? Date { get; init; }

    public SheetLanguage Language { get; init; } = SheetLanguage.Zh;
}
