using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using SpatialPlan.Core.Crs;
using SpatialPlan.Core.Sources;

namespace SpatialPlan.Cli.Commands;

/// <summary>Options shared by several commands, and parsers whose errors speak Chinese first.</summary>
internal static class CommonOptions
{
    public static Option<string?> Data() => new("--data")
    {
        Description = "数据目录（含 catalog.json、policy.json），默认自动查找 gis-data。Data folder; default: gis-data found upwards.",
    };

    public static Option<string?> Crs() => new("--crs")
    {
        Description = "输入文件的坐标系：EPSG:4490/4326 经纬度、EPSG:4534–4554（3 度带，不带带号）、EPSG:4513–4533（带带号）或 EPSG:3857；不给则按坐标范围推断。" +
            "The file's CRS (e.g. EPSG:4490); guessed when absent.",
    };

    /// <summary>Parses <c>EPSG:n</c> (or a bare number) and checks it is supported.</summary>
    /// <exception cref="InputException">Not a supported code.</exception>
    public static int? ParseEpsg(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var digits = text.Trim().Replace("EPSG:", string.Empty, StringComparison.OrdinalIgnoreCase);
        if (int.TryParse(digits, out var code) && Epsg.IsSupported(code))
        {
            return code;
        }

        throw new InputException($"--crs “{text}” 不是支持的坐标系（unsupported CRS）。", $"可用：{Epsg.SupportedZh}。");
    }

    /// <summary>Checks a <c>--format</c> value against the allowed ones.</summary>
    /// <exception cref="InputException">Not one of them.</exception>
    public static string ParseFormat(string? text, params string[] allowed)
    {
        var format = (text ?? allowed[0]).Trim().ToLowerInvariant();
        return allowed.Contains(format) ? format
            : throw new InputException($"--format “{text}” 无效（unknown format）。", $"可用：{string.Join("、", allowed)}。");
    }

    /// <summary>
    /// Gives every number option of every command under <paramref name="root"/> a strict parser: invariant digits
    /// with a decimal point only, finite. System.CommandLine's own parser takes "30,5" as 305 (a thousands
    /// separator) and "NaN" as a number; a planner who writes a decimal comma must be told, never re-read.
    /// </summary>
    public static void UseStrictNumbers(Command root)
    {
        foreach (var option in root.Options)
        {
            switch (option)
            {
                case Option<double?> d:
                    d.CustomParser = r => ParseNumber(r, option.Name, integer: false);
                    break;
                case Option<double> d:
                    d.CustomParser = r => ParseNumber(r, option.Name, integer: false) ?? 0;
                    break;
                case Option<int?> i:
                    i.CustomParser = r => (int?)ParseNumber(r, option.Name, integer: true);
                    break;
                case Option<int> i:
                    i.CustomParser = r => (int)(ParseNumber(r, option.Name, integer: true) ?? 0);
                    break;
            }
        }

        foreach (var command in root.Subcommands)
        {
            UseStrictNumbers(command);
        }
    }

    /// <summary>The option's single token as a finite number, or null with an error added to the parse result.</summary>
    internal static double? ParseNumber(ArgumentResult result, string option, bool integer)
    {
        // Name the option as the planner typed it (an alias such as --buffer, not only the canonical name).
        option = (result.Parent as OptionResult)?.IdentifierToken?.Value ?? option;
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value.Trim() : string.Empty;
        var error = NumberError(text, option, integer);
        if (error is not null)
        {
            result.AddError(error);
            return null;
        }

        return double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    /// <summary>Why <paramref name="text"/> is not a usable value for <paramref name="option"/>, or null when it is.</summary>
    internal static string? NumberError(string text, string option, bool integer)
    {
        var kind = integer ? "整数（an integer）" : "数（a number）";
        var example = integer ? "150" : "30.5";
        if (text.Contains(',', StringComparison.Ordinal) || text.Contains('，', StringComparison.Ordinal))
        {
            return $"{option} “{text}” 含逗号：小数点请用英文句点，例如 {option} {example}，数字中不要用千位分隔符。" +
                $" {option} '{text}' has a comma: write the decimal point as '.', e.g. {option} {example}, and no thousands separators.";
        }

        var style = integer ? NumberStyles.AllowLeadingSign : NumberStyles.Float;
        if (!double.TryParse(text, style, CultureInfo.InvariantCulture, out var value)
            || !double.IsFinite(value)
            || (integer && value is < int.MinValue or > int.MaxValue))
        {
            return $"{option} “{text}” 不是有限的{kind}，例如 {option} {example}（NaN、Infinity 不可用）。" +
                $" {option} '{text}' is not a finite {(integer ? "integer" : "number")}; e.g. {option} {example}.";
        }

        return null;
    }
}
