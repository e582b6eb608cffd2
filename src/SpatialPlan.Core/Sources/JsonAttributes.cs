using System.Text.Json;
using NetTopologySuite.Features;

namespace SpatialPlan.Core.Sources;

/// <summary>
/// Copies a GeoJSON feature's <c>properties</c> (and its <c>id</c>, when properties have none) into an editable
/// <see cref="AttributesTable"/>. Numbers become <see cref="decimal"/> (as GeoJSON4STJ gives them; double when out
/// of decimal's range), nested objects and arrays stay <see cref="JsonElement"/>.
/// </summary>
internal static class JsonAttributes
{
    /// <exception cref="InputException">A name or text value holds a lone UTF-16 surrogate escape (e.g. "\ud800").</exception>
    public static AttributesTable From(JsonElement feature, string file, int index)
    {
        var table = new AttributesTable();
        if (feature.TryGetProperty("properties", out var props) && props.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in props.EnumerateObject())
            {
                var name = Text(() => p.Name, file, index, null, p.Value);
                Set(table, name, Text(() => Value(p.Value), file, index, name, p.Value));
            }
        }

        if (feature.TryGetProperty("id", out var id) && !table.Exists("id"))
        {
            table.Add("id", Text(() => Value(id), file, index, "id", id));
        }

        return table;
    }

    /// <summary>Runs a read that decodes JSON text; a lone surrogate escape becomes a refusal naming the property.</summary>
    private static T Text<T>(Func<T> read, string file, int index, string? property, JsonElement value)
    {
        try
        {
            return read();
        }
        catch (InvalidOperationException ex) when (value.ValueKind != JsonValueKind.Undefined)
        {
            throw UnicodeEscapes.Refusal(file, index, property, ex);
        }
    }

    private static void Set(AttributesTable table, string name, object? value)
    {
        // A repeated property name: the last one wins, as in JavaScript.
        if (table.Exists(name))
        {
            table[name] = value;
        }
        else
        {
            table.Add(name, value);
        }
    }

    private static object? Value(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => v.GetString(),
        JsonValueKind.Number => v.TryGetDecimal(out var d) ? d : v.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => v.Clone(),
    };
}
