namespace SpatialPlan.Core.Layers.Sources;

/// <summary>
/// Which attribute of a layer's features is the 图斑编号 (id), the name, the land class (地类), the area in 亩 and the
/// level (catalog.json layer <c>fields</c>, docs/data-sources.md §1). Each one left null keeps its default name.
/// </summary>
public sealed record FieldMap
{
    /// <summary>The defaults: <c>id</c>, <c>name</c>, <c>landClass</c>, <c>areaMu</c>, <c>level</c>.</summary>
    public static FieldMap Default { get; } = new();

    /// <summary>The attribute holding the feature id (e.g. <c>JBNTTBBH</c>).</summary>
    public string? Id { get; init; }

    /// <summary>The attribute holding the name (e.g. <c>ZLDWMC</c>).</summary>
    public string? Name { get; init; }

    /// <summary>The attribute holding the land class (e.g. <c>DLMC</c>).</summary>
    public string? LandClass { get; init; }

    /// <summary>The attribute holding the area in 亩 (e.g. <c>TBMJ</c>).</summary>
    public string? AreaMu { get; init; }

    /// <summary>The attribute holding the level id of a zone with levels.</summary>
    public string? Level { get; init; }

    /// <summary>The id attribute's name.</summary>
    public string IdField => Id ?? "id";

    /// <summary>The name attribute's name.</summary>
    public string NameField => Name ?? "name";

    /// <summary>The land-class attribute's name.</summary>
    public string LandClassField => LandClass ?? "landClass";

    /// <summary>The area attribute's name.</summary>
    public string AreaMuField => AreaMu ?? "areaMu";

    /// <summary>The level attribute's name.</summary>
    public string LevelField => Level ?? "level";
}
