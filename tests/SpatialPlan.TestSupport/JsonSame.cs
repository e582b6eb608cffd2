using System.Globalization;
using System.Text.Json;

namespace SpatialPlan.TestSupport;

/// <summary>
/// Compares two JSON documents: the same members, arrays of the same length, strings and literals equal, numbers within a
/// relative tolerance. Lists every difference with its path.
/// </summary>
public static class JsonSame
{
    /// <summary>The differences between <paramref name="expected"/> and <paramref name="actual"/> (empty when the same).</summary>
    /// <param name="expected">The reference document.</param>
    /// <param name="actual">The document compared.</param>
    /// <param name="relative">Numbers a, b agree when |a − b| ≤ relative × max(|a|, |b|) (or both are within relative of 0).</param>
    /// <param name="ignore">Paths left out, e.g. <c>$.settings.dataVersion</c>.</param>
    public static List<string> Differences(string expected, string actual, double relative, params string[] ignore)
    {
        using var a = JsonDocument.Parse(expected);
        using var b = JsonDocument.Parse(actual);
        var found = new List<string>();
        Compare(a.RootElement, b.RootElement, "$", relative, ignore, found);
        return found;
    }

    private static void Compare(JsonElement a, JsonElement b, string path, double relative, string[] ignore, List<string> found)
    {
        if (ignore.Contains(path) || found.Count > 20)
        {
            return;
        }

        if (a.ValueKind != b.ValueKind)
        {
            found.Add($"{path}: {a.ValueKind} vs {b.ValueKind}");
            return;
        }

        switch (a.ValueKind)
        {
            case JsonValueKind.Object:
                var names = a.EnumerateObject().Select(p => p.Name).Union(b.EnumerateObject().Select(p => p.Name)).ToList();
                foreach (var name in names)
                {
                    var inA = a.TryGetProperty(name, out var va);
                    var inB = b.TryGetProperty(name, out var vb);
                    if (inA != inB)
                    {
                        if (!ignore.Contains($"{path}.{name}"))
                        {
                            found.Add($"{path}.{name}: present only in {(inA ? "expected" : "actual")}");
                        }
                    }
                    else
                    {
                        Compare(va, vb, $"{path}.{name}", relative, ignore, found);
                    }
                }

                break;
            case JsonValueKind.Array:
                if (a.GetArrayLength() != b.GetArrayLength())
                {
                    found.Add($"{path}: {a.GetArrayLength()} items vs {b.GetArrayLength()}");
                    return;
                }

                for (var i = 0; i < a.GetArrayLength(); i++)
                {
                    Compare(a[i], b[i], $"{path}[{i}]", relative, ignore, found);
                }

                break;
            case JsonValueKind.Number:
                var x = a.GetDouble();
                var y = b.GetDouble();
                if (Math.Abs(x - y) > relative * Math.Max(Math.Max(Math.Abs(x), Math.Abs(y)), 1e-300) && Math.Abs(x - y) > 1e-300)
                {
                    found.Add(string.Create(CultureInfo.InvariantCulture, $"{path}: {x:R} vs {y:R}"));
                }

                break;
            default:
                if (a.GetRawText() != b.GetRawText())
                {
                    found.Add($"{path}: {a.GetRawText()} vs {b.GetRawText()}");
                }

                break;
        }
    }
}
