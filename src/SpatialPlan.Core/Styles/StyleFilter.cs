using System.Globalization;

namespace SpatialPlan.Core.Styles;

/// <summary>Matches a feature whose <see cref="Property"/> equals <see cref="EqualsValue"/> (compared as invariant text).</summary>
public sealed record StyleFilter
{
    public required string Property { get; init; }

    [System.Text.Json.Serialization.JsonPropertyName("equals")]
    public object? EqualsValue { get; init; }

    /// <summary>True when the feature's property, as text, equals the filter value as text.</summary>
    public bool Matches(Func<string, object?> property)
    {
        var actual = property(Property);
        return string.Equals(AsText(actual), AsText(EqualsValue), StringComparison.Ordinal);
    }

    private static string? AsText(object? value) => value switch
    {
        null => null,
        System.Text.Json.JsonElement { ValueKind: System.Text.Json.JsonValueKind.String } e => e.GetString(),
        System.Text.Json.JsonElement e => e.GetRawText(),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
