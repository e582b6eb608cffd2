using SkiaSharp;
using SpatialPlan.Rendering.Text;

namespace SpatialPlan.Rendering.Painting;

/// <summary>
/// Places labels greedily, highest priority first (layers drawn later win, as they are drawn on top), and
/// leaves out a label that would overlap one already placed or cross the frame's edge: a map with
/// overprinted names is unreadable, and every feature is still drawn.
/// </summary>
internal static class LabelPainter
{
    public static int Paint(SKCanvas canvas, SKRect frame, IEnumerable<LabelCandidate> candidates, TextPainter text, CancellationToken cancellationToken)
    {
        var placed = new List<SKRect>();
        int tried = 0;
        foreach (var label in candidates.OrderByDescending(l => l.Priority).ThenByDescending(l => l.Style.Size))
        {
            if ((++tried & 63) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            float width = text.Measure(label.Text, label.Style);
            bool centred = label.OffsetX == 0;
            float left = centred ? label.Anchor.X - (width / 2) : label.Anchor.X + label.OffsetX;
            float baseline = label.Anchor.Y + (label.Style.Size * 0.35f);
            var box = new SKRect(left - 2, baseline - label.Style.Size, left + width + 2, baseline + (label.Style.Size * 0.25f));
            if (!frame.Contains(box) || placed.Any(p => p.IntersectsWith(box)))
            {
                continue;
            }

            placed.Add(box);
            text.Draw(canvas, label.Text, left, baseline, label.Style);
        }

        return placed.Count;
    }
}
