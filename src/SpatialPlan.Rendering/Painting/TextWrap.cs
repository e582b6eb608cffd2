using System.Text;
using SpatialPlan.Rendering.Text;

namespace SpatialPlan.Rendering.Painting;

/// <summary>Breaks text into lines that fit a width: between any two CJK characters, or at spaces in Latin runs.</summary>
internal static class TextWrap
{
    public static List<string> Lines(string text, float widthPt, TextStyle style, TextPainter painter)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var token in Tokens(text))
        {
            var candidate = line.ToString() + token;
            if (line.Length > 0 && painter.Measure(candidate.TrimEnd(), style) > widthPt)
            {
                lines.Add(line.ToString().TrimEnd());
                line.Clear();
                line.Append(token.TrimStart());
            }
            else
            {
                line.Append(token);
            }
        }

        if (line.Length > 0)
        {
            lines.Add(line.ToString().TrimEnd());
        }

        return lines;
    }

    /// <summary>Single CJK characters (and full-width punctuation) or Latin words with their trailing space.</summary>
    private static IEnumerable<string> Tokens(string text)
    {
        var word = new StringBuilder();
        foreach (var c in text)
        {
            if (c > 0x2E80)
            {
                if (word.Length > 0)
                {
                    yield return word.ToString();
                    word.Clear();
                }

                yield return c.ToString();
                continue;
            }

            word.Append(c);
            if (c == ' ' || c == '/' || c == ',')
            {
                yield return word.ToString();
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }
}
