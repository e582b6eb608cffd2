using System.Text;
using SpatialPlan.Rendering.Text;

namespace SpatialPlan.Rendering.Painting;

/// <summary>
/// Breaks text into lines that fit a width: between any two CJK characters, or at spaces in Latin runs. Closing
/// punctuation (，。）％ …) never starts a line and opening punctuation (（《“ …) never ends one, and a number such as
/// 1,439.70 is never cut at its thousands separator, so a figure a reviewer reads stays in one piece.
/// </summary>
internal static class TextWrap
{
    private const string Closing = "，。、；：！？）】》」』〕”’％·…｜,.;:!?)]%";
    private const string Opening = "（【《「『〔“‘([";

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

    /// <summary>Unbreakable pieces: single CJK characters or Latin words (with their trailing space), glued to their punctuation.</summary>
    private static IEnumerable<string> Tokens(string text)
    {
        var glued = new List<string>();
        foreach (var token in RawTokens(text))
        {
            bool attachToPrevious = glued.Count > 0 && (Closing.Contains(token[0], StringComparison.Ordinal)
                || Opening.Contains(glued[^1][^1], StringComparison.Ordinal));
            if (attachToPrevious)
            {
                glued[^1] += token;
            }
            else
            {
                glued.Add(token);
            }
        }

        return glued;
    }

    private static IEnumerable<string> RawTokens(string text)
    {
        var word = new StringBuilder();
        for (int i = 0; i < text.Length; i++)
        {
            var c = text[i];
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
            bool thousands = c == ',' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]) && i > 0 && char.IsAsciiDigit(text[i - 1]);
            if (c == ' ' || c == '/' || (c == ',' && !thousands))
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
