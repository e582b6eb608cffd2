namespace SpatialPlan.Rendering.Reports;

/// <summary>A piece of a report page of known height (pt); pages are filled with blocks top to bottom.</summary>
/// <param name="Height">Height in points.</param>
/// <param name="Paint">How to paint it.</param>
/// <param name="NewPage">Start a new page before this block.</param>
internal sealed record ReportBlock(float Height, BlockPainter Paint, bool NewPage = false)
{
    /// <summary>A table's header row, painted again above this row when the row starts a new page.</summary>
    public ReportBlock? RepeatHeader { get; init; }

    /// <summary>Keep on the same page as the next block (a heading above its first paragraph or row).</summary>
    public bool KeepWithNext { get; init; }
}
