using System.Globalization;

namespace SpatialPlan.Core.Checks;

/// <summary>What a check ran with, so that a signed report can be reproduced (the report's 核查设置).</summary>
public sealed record CheckSettings
{
    /// <summary>The sliver tolerance, m².</summary>
    public required double SliverM2 { get; init; }

    /// <summary>邻近提示距离 per zone layer id, metres (a system setting, not law), in layer order.</summary>
    public required IReadOnlyList<KeyValuePair<string, double>> ProximityM { get; init; }

    /// <summary>The checked file's name, or null.</summary>
    public string? InputFile { get; init; }

    /// <summary>SHA-256 (hex) of the checked file's bytes, or null.</summary>
    public string? InputSha256 { get; init; }

    /// <summary>When the check ran, local time truncated to the minute.</summary>
    public required DateTimeOffset CheckedAt { get; init; }

    /// <summary><see cref="CheckedAt"/> as ISO 8601 to the minute with the offset, e.g. <c>2026-11-29T21:09+08:00</c>.</summary>
    public string CheckedAtText => CheckedAt.ToString("yyyy-MM-dd'T'HH:mmzzz", CultureInfo.InvariantCulture);

    /// <summary>policy.json's <c>policyVersion</c>.</summary>
    public required string PolicyVersion { get; init; }

    /// <summary>SHA-256 (hex) over catalog.json, policy.json and the layer files (see <see cref="DataVersion"/>), or null.</summary>
    public string? DataVersion { get; init; }
}
