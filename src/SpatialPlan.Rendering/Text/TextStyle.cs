using SkiaSharp;

namespace SpatialPlan.Rendering.Text;

/// <summary>How a piece of text is drawn. Sizes are in points (page units).</summary>
internal sealed record TextStyle(float Size, SKColor Color, bool Bold = false, SKColor? Halo = null, float HaloWidth = 0);
