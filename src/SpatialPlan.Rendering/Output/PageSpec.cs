using SkiaSharp;

namespace SpatialPlan.Rendering.Output;

/// <summary>One page of a document: its size in points and how to paint it.</summary>
internal sealed record PageSpec(SKSize SizePt, PagePainter Paint);
