using System.Globalization;
using System.Text;

namespace SpatialPlan.Cli.Output;

/// <summary>A plain-text table whose columns line up in a terminal even with Chinese (full-width) text.</summary>
internal sealed class TextTable
{
    private readonly string[] _header;
    private readonly bool[] _rightAligned;
    private readonly List<string[]> _rows = [];

    public TextTable(string[] header, bool[] rightAligned)
    {
        _header = header;
        _rightAligned = rightAligned;
    }

    public void Add(params string[] cells) => _rows.Add(cells);

    public void WriteTo(TextWriter output, string indent = "  ")
    {
        var widths = _header.Select((h, i) => _rows.Select(r => Width(r[i])).Append(Width(h)).Max()).ToArray();
        output.WriteLine(indent + Line(_header, widths));
        output.WriteLine(indent + string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in _rows)
        {
            output.WriteLine(indent + Line(row, widths));
        }
    }

    /// <summary>Display width: East Asian wide and full-width characters take two cells.</summary>
    public static int Width(string text)
    {
        var width = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            width += IsWide(rune.Value) ? 2 : 1;
        }

        return width;
    }

    private string Line(string[] cells, int[] widths)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < cells.Length; i++)
        {
            var pad = new string(' ', widths[i] - Width(cells[i]));
            sb.Append(_rightAligned[i] ? pad + cells[i] : cells[i] + pad);
            if (i < cells.Length - 1)
            {
                sb.Append("  ");
            }
        }

        return sb.ToString().TrimEnd();
    }

    private static bool IsWide(int c) =>
        c is >= 0x1100 and <= 0x115F or >= 0x2E80 and <= 0xA4CF or >= 0xAC00 and <= 0xD7A3 or >= 0xF900 and <= 0xFAFF
            or >= 0xFE30 and <= 0xFE4F or >= 0xFF00 and <= 0xFF60 or >= 0xFFE0 and <= 0xFFE6 or >= 0x20000 and <= 0x3FFFD;

    /// <summary>Formats a number with thousands separators and fixed decimals, invariant culture.</summary>
    public static string Num(double value, int decimals) => value.ToString("N" + decimals, CultureInfo.InvariantCulture);
}
