using NetTopologySuite.Geometries;

namespace SpatialPlan.Rendering.Sheets;

/// <summary>What map sheet to draw. Everything is optional; defaults give the catalog's visible layers over their extent on A3 landscape.</summary>
public sealed record MapSheetRequest
{
    /// <summary>Sheet title; default the catalog's <c>titleZh</c> (<c>titleEn</c> in English).</summary>
    public string? Title { get; init; }

    /// <summary>Line under the title; default none.</summary>
    public string? Subtitle { get; init; }

    /// <summary>Catalog layer ids to show (drawn in catalog order whatever the order here); null for the catalog's visible layers.</summary>
    public IReadOnlyList<string>? LayerIds { get; init; }

    /// <summary>Area to show, EPSG:4490 lon/lat degrees (x = lon); null for the extent of the shown layers.
    /// Ignored when <see cref="ExtentInWorkingCrs"/> is set.</summary>
    public Envelope? Bbox4490 { get; init; }

    /// <summary>Area to show in the working CRS, metres (takes precedence over <see cref="Bbox4490"/>).</summary>
    public Envelope? ExtentInWorkingCrs { get; init; }

    public Paper Paper { get; init; } = Paper.A3;

    public PageOrientation Orientation { get; init; } = PageOrientation.Landscape;

    public SheetFormat Format { get; init; } = SheetFormat.Pdf;

    /// <summary>Resolution of PNG output in dots per inch (36–600); ignored for PDF.</summary>
    public int Dpi { get; init; } = 150;

    /// <summary>The date printed on the sheet; default today (local).</summary>
    public DateOnly? Date { get; init; }

    /// <summary>制图单位 printed on the sheet (the app's <c>SpatialPlan:MapUnit</c>, the CLI's <c>--unit</c>); null or blank
    /// prints a blank line to fill in by hand.</summary>
    public string? Unit { get; init; }

    /// <summary>The language of the sheet's own words (title default, legend, notes); default Chinese.</summary>
    public SheetLanguage Language { get; init; } = SheetLanguage.Zh;
}
