using System.Text.Json;
using System.Text.Json.Serialization;

namespace SpatialPlan.Core.Layers.Sources;

/// <summary>The catalog's <c>source</c> value: a credit string (before issue 8), or an object naming where the features are.</summary>
/// <param name="Credit">The source credit for map sheets.</param>
/// <param name="Origin">The source object, or null for the string form.</param>
internal sealed record SourceEntry(string? Credit, LayerSourceSpec? Origin);

/// <summary>
/// Reads <c>"source": "…"</c> as a credit and <c>"source": {"type": …}</c> as a <see cref="LayerSourceSpec"/> (its
/// <c>credit</c> becomes the credit). Writes only the credit string: the browser never sees a connection string.
/// </summary>
internal sealed class SourceEntryConverter : JsonConverter<SourceEntry>
{
    private static readonly JsonSerializerOptions SpecOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public override SourceEntry Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return new SourceEntry(null, null);
            case JsonTokenType.String:
                return new SourceEntry(reader.GetString(), null);
            case JsonTokenType.StartObject:
                var spec = JsonSerializer.Deserialize<LayerSourceSpec>(ref reader, SpecOptions)
                    ?? throw new JsonException("source object is null");
                return new SourceEntry(spec.Credit, spec);
            default:
                throw new JsonException("\"source\" must be a string (a credit) or an object {\"type\": \"geojson|gpkg|postgis\", …}");
        }
    }

    public override void Write(Utf8JsonWriter writer, SourceEntry value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Credit ?? string.Empty);
}
