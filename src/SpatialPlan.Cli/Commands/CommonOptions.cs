using System.CommandLine;
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
        Description = "输入文件的坐标系，如 EPSG:4545；不给则按坐标范围推断。The file's CRS, e.g. EPSG:4545; guessed when absent.",
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
        if (int.TryParse(digits, out var code) && Epsg.Supported.Contains(code))
        {
            return code;
        }

        throw new InputException($"--crs “{text}” 不是支持的坐标系（unsupported CRS）。",
            $"可用：{string.Join("、", Epsg.Supported.Select(Epsg.Name))}。");
    }

    /// <summary>Checks a <c>--format</c> value against the allowed ones.</summary>
    /// <exception cref="InputException">Not one of them.</exception>
    public static string ParseFormat(string? text, params string[] allowed)
    {
        var format = (text ?? allowed[0]).Trim().ToLowerInvariant();
        return allowed.Contains(format) ? format
            : throw new InputException($"--format “{text}” 无效（unknown format）。", $"可用：{string.Join("、", allowed)}。");
    }
}
