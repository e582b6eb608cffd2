using SkiaSharp;
using SpatialPlan.Rendering.Text;

namespace SpatialPlan.Rendering.Reports;

/// <summary>Paints a block with its top-left corner at (x, y) and the given width.</summary>
internal delegate void BlockPainter(SKCanvas canvas, TextPainter text, float x, float y, float width);
