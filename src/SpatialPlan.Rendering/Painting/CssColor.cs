using System.Globalization;
using SkiaSharp;

namespace SpatialPlan.Rendering.Painting;

/// <summary>Parses the CSS colour strings styles.json uses: <c>#rgb</c>, <c>#rrggbb</c>, <c>#rrggbbaa</c>, <c>rgb()</c>, <c>rgba()</c>.</summary>
public static class CssColor
{
    /// <exception cref="FormatException">Not one of the supported forms (the message says which are).</exception>
    public static SKColor Parse(string css)
    {
        ArgumentNullException.ThrowIfNull(css);
        var s = css.Trim();
        if (s.StartsWith('#'))
        {
            var hex = s[1..];
            if (hex.Length == 3)
            {
                hex = string.Concat(hex.Select(c => new string(c, 2)));
            }

            if ((hex.Length == 6 || hex.Length == 8) && uint.TryParse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var v))
            {
                return hex.Length == 6
                    ? new SKColor((byte)(v >> 16), (byte)(v >> 8), (byte)v)
                    : new SKColor((byte)(v >> 24), (byte)(v >> 16), (byte)(v >> 8), (byte)v);
            }
        }
        else if (s.StartsWith("rgb", StringComparison.OrdinalIgnoreCase) && s.EndsWith(')') && s.Contains('('))
        {
            var parts = s[(s.IndexOf('(') + 1)..^1].Split(',', StringSplitOptions.TrimEntries);
            if ((parts.Length == 3 || parts.Length == 4) && TryChannels(parts, out var color))
            {
                return color;
            }
        }

        throw new FormatException(
            $"无法识别的颜色“{css}”：请用 #rrggbb 或 rgba(r,g,b,a)。 / Unsupported colour \"{css}\": use #rrggbb or rgba(r,g,b,a).");
    }

    private static bool TryChannels(string[] parts, out SKColor color)
    {
        color = default;
        var rgb = new byte[3];
        for (int i = 0; i < 3; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out var c) || c < 0 || c > 255)
            {
                return false;
            }

            rgb[i] = (byte)Math.Round(c);
        }

        double alpha = 1;
        if (parts.Length == 4 && (!double.TryParse(parts[3], NumberStyles.Float, CultureInfo.InvariantCulture, out alpha) || alpha < 0 || alpha > 1))
        {
            return false;
        }

        color = new SKColor(rgb[0], rgb[1], rgb[2], (byte)Math.Round(alpha * 255));
        return true;
    }
}
