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
    public static AttributesTable From(JsonElement feature)
    {
        var table = new AttributesTable();
        if (feature.TryGetProperty("properties", out var props) && props.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in props.EnumerateObject())
            {
                Set(table, p.Name, Value(p.Value));
            }
        }

        if (feature.TryGetProperty("id", out var id) && !table.Exists("id"))
        {
            table.Add("id", Value(id));
        }

        return table;
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
