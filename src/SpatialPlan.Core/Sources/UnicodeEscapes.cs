namespace SpatialPlan.Core.Sources;

/// <summary>JSON <c>\uD800</c>-style escapes that do not form a UTF-16 pair: valid JSON syntax, but no text.</summary>
internal static class UnicodeEscapes
{
    public static InputException Refusal(string file, int? featureIndex, string? property, Exception inner) => new(
        property is null
            ? "JSON 中有无效的 Unicode 转义（单独的代理项，如 \\ud800），无法转换为文字（lone UTF-16 surrogate escape）。"
            : $"属性 {property} 的文字中有无效的 Unicode 转义（单独的代理项，如 \\ud800）（lone UTF-16 surrogate escape in property \"{property}\"）。",
        "请在导出软件中改正该文字（通常是被截断的表情符号或生僻字），或把文件另存为 UTF-8 后重新导出。", file, featureIndex, inner);

    /// <summary>True when the JSON text has a <c>\uD800–\uDBFF</c> escape not followed by <c>\uDC00–\uDFFF</c>, or a low one alone.</summary>
    public static bool HasLoneSurrogate(ReadOnlySpan<byte> json)
    {
        for (var i = 0; i + 5 < json.Length; i++)
        {
            if (json[i] != '\\')
            {
                continue;
            }

            if (json[i + 1] != 'u')
            {
                i++;
                continue;
            }

            var unit = Hex(json.Slice(i + 2, 4));
            if (unit is >= 0xDC00 and <= 0xDFFF)
            {
                return true;
            }

            if (unit is >= 0xD800 and <= 0xDBFF)
            {
                var next = i + 6 + 5 < json.Length && json[i + 6] == '\\' && json[i + 7] == 'u' ? Hex(json.Slice(i + 8, 4)) : -1;
                if (next is < 0xDC00 or > 0xDFFF)
                {
                    return true;
                }

                i += 11;
                continue;
            }

            i += 5;
        }

        return false;
    }

    private static int Hex(ReadOnlySpan<byte> four)
    {
        var value = 0;
        foreach (var b in four)
        {
            var digit = b switch
            {
                >= (byte)'0' and <= (byte)'9' => b - '0',
                >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
                >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
                _ => -1,
            };
            if (digit < 0)
            {
                return -1;
            }

            value = (value * 16) + digit;
        }

        return value;
    }
}
