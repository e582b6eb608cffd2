using System.Globalization;
using SpatialPlan.Core.Layers;
using SpatialPlan.Core.Layers.Sources;
using SpatialPlan.Core.Styles;

namespace SpatialPlan.Core.Tiles;

/// <summary>
/// What a tile's feature carries (docs/tiles.md §2): <c>fid</c> (the id the GeoJSON answers and the check's overlap list
/// give the feature: its mapped id field, else its key) and, under their stored names, the mapped fields (id, name, land
/// class, level, area), the layer's and style's label fields and every property a style rule filters on. Nothing else: the
/// full row comes from the features query.
/// </summary>
public sealed class TileSchema
{
    /// <summary>The property every tile feature carries: its feature id as a string.</summary>
    public const string FidProperty = "fid";

    private readonly FieldMap _fields;

    /// <param name="definition">The catalog layer.</param>
    /// <param name="style">Its style (styles.json), or null.</param>
    public TileSchema(LayerDefinition definition, LayerStyle? style)
    {
        ArgumentNullException.ThrowIfNull(definition);
        _fields = definition.Fields ?? FieldMap.Default;
        var filters = new List<string>();
        Collect(style, filters);
        FilterProperties = [.. filters.Distinct(StringComparer.Ordinal)];
        var names = new List<string> { _fields.IdField, _fields.NameField, _fields.LandClassField, _fields.LevelField, _fields.AreaMuField };
        if (definition.LabelField is { Length: > 0 } label)
        {
            names.Add(label);
        }

        if (style?.Label?.Field is { Length: > 0 } styleLabel)
        {
            names.Add(styleLabel);
        }

        foreach (var rule in style?.Rules ?? [])
        {
            if (rule.Style.Label?.Field is { Length: > 0 } ruleLabel)
            {
                names.Add(ruleLabel);
            }
        }

        names.AddRange(FilterProperties);
        Properties = [.. names.Where(n => n != FidProperty).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The stored attribute names a tile feature carries besides <c>fid</c>.</summary>
    public IReadOnlyList<string> Properties { get; }

    /// <summary>The properties the style's rules test: merged (sub-pixel) features are grouped by their values.</summary>
    public IReadOnlyList<string> FilterProperties { get; }

    /// <summary>True when every property is one of the mapped fields (a warm, slim copy of the layer can answer).</summary>
    public bool MappedOnly => Properties.All(IsMapped);

    /// <summary>The feature id the GeoJSON answers, the features query and the check's overlap rows use.</summary>
    public static string Fid(LayerFeature feature)
    {
        ArgumentNullException.ThrowIfNull(feature);
        return feature.Id ?? feature.Key.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The value of <paramref name="name"/> on <paramref name="feature"/>: the stored attribute, or for a warm slim copy
    /// (attributes under the default names) the mapped field it stands for.
    /// </summary>
    public object? Value(LayerFeature feature, string name)
    {
        ArgumentNullException.ThrowIfNull(feature);
        if (feature.Attributes.Exists(name) && feature.Attributes[name] is { } stored)
        {
            return stored;
        }

        return name == _fields.IdField ? feature.Id
            : name == _fields.NameField ? feature.Name
            : name == _fields.LandClassField ? feature.LandClass
            : name == _fields.LevelField ? feature.Level
            : name == _fields.AreaMuField ? feature.AreaMu
            : null;
    }

    /// <summary>The tile properties of a feature: <c>fid</c> first, then <see cref="Properties"/> that have a value.</summary>
    public IEnumerable<KeyValuePair<string, object?>> Of(LayerFeature feature)
    {
        yield return new(FidProperty, Fid(feature));
        foreach (var name in Properties)
        {
            if (Value(feature, name) is { } v)
            {
                yield return new(name, v);
            }
        }
    }

    private bool IsMapped(string name) =>
        name == _fields.IdField || name == _fields.NameField || name == _fields.LandClassField || name == _fields.LevelField || name == _fields.AreaMuField;

    private static void Collect(LayerStyle? style, List<string> into)
    {
        foreach (var rule in style?.Rules ?? [])
        {
            into.Add(rule.Filter.Property);
            Collect(rule.Style, into);
        }
    }
}
