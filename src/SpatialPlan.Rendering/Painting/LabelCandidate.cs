using SkiaSharp;
using SpatialPlan.Rendering.Text;

namespace SpatialPlan.Rendering.Painting;

/// <summary>A label waiting to be placed: text, anchor on the page (pt), and how far right of the anchor it starts.</summary>
internal sealed record LabelCandidate(string Text, SKPoint Anchor, TextStyle Style, float OffsetX, int Priority);
