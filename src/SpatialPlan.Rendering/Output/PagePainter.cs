using SkiaSharp;
using SpatialPlan.Rendering.Text;

namespace SpatialPlan.Rendering.Output;

/// <summary>Paints a page in points (1/72 inch) onto a canvas, with the given text painter.</summary>
internal delegate void PagePainter(SKCanvas canvas, TextPainter text);
