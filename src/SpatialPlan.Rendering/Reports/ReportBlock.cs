using SkiaSharp;
using SpatialPlan.Rendering.Text;

namespace SpatialPlan.Rendering.Reports;

/// <summary>Paints a block with its top-left corner at (x, y) and the given width.</summary>
internal delegate void BlockPainter(SKCanvas canvas, TextPainter text, float x, float y, float width);

/// <summary>A piece of a report page of known height (pt); pages are filled with blocks top to bottom.</summary>
/// <param name="Height">Height in points.</param>
/// <param name="Paint">How to paint it.</param>
/// <param name="NewPage">Start a new page before this block.</param>
internal sealed record ReportBlock(float Height, BlockPainter Paint, bool NewPage = false);
