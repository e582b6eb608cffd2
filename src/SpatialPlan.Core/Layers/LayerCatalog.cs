using System.Text.Json.Serialization.Metadata;
using SpatialPlan.Core.Crs;
using SpatialPlan.Core.Sources;

namespace SpatialPlan.Core.Layers;

/// <summary>
/// The layers of a data directory, read from its <c>catalog.json</c>. Layer order is drawing order,
/// bottom first. Loading validates ids, groups, categories and files, so a planner pointing the tool at
/// their own folder gets a clear message instead of a half-loaded map.
/// </summary>
public sealed class LayerCatalog
{
    /// <summary>The catalog file name inside a data directory.</summary>
    public const string FileName = "catalog.json";

    private readonly Dictionary<string, LayerDefinition> _byId;
    private readonly Lazy<DataArea> _dataArea;

    private LayerCatalog(string dataDirectory, CatalogFile file)
    {
        DataDirectory = dataDirectory;
        TitleZh = file.TitleZh ?? string.Empty;
        TitleEn = file.TitleEn ?? string.Empty;
        Crs = file.Crs ?? "EPSG:4490";
        DataNoteZh = file.DataNoteZh ?? "示意数据：本数据目录中标为示意的图层不是官方矢量数据。";
        DataNoteEn = file.DataNoteEn ?? "Schematic data: layers marked schematic are not official vector data.";
        Groups = file.Groups ?? [];
        Layers = file.Layers ?? [];
        Area = file.Area;
        _dataArea = new Lazy<DataArea>(() => CatalogAreaLoader.Load(this));

        // Tolerant of nulls and duplicates: the validator, which runs next, refuses them with a message.
        _byId = new Dictionary<string, LayerDefinition>(StringComparer.Ordinal);
        foreach (var layer in Layers)
        {
            if (layer?.Id is { } id)
            {
                _byId.TryAdd(id, layer);
            }
        }
    }

    /// <summary>Absolute path of the data directory.</summary>
    public string DataDirectory { get; }

    public string TitleZh { get; }

    public string TitleEn { get; }

    /// <summary>CRS the catalog declares for its layers (EPSG:4490 for the embedded data).</summary>
    public string Crs { get; }

    /// <summary>The 「示意数据」 note shown on the map and every export while a schematic layer is on.</summary>
    public string DataNoteZh { get; }

    public string DataNoteEn { get; }

    public IReadOnlyList<LayerGroup> Groups { get; }

    /// <summary>All layers, drawing order (bottom first).</summary>
    public IReadOnlyList<LayerDefinition> Layers { get; }

    /// <summary>
    /// The catalog's <c>area</c> entry (<c>{"layer": "area-boundary", "neighbours": "neighbours", "nameZh": …, "nameEn": …,
    /// "workingCrs": "EPSG:4534…4554"}</c>): the layer whose features together are the area the data covers, the layer of
    /// neighbouring counties, the area's names and working CRS; null when the catalog names none.
    /// </summary>
    public CatalogArea? Area { get; }

    /// <summary>
    /// The data area resolved (docs/data-sources.md §1): name, boundary, extent and working CRS. Read on first use (the
    /// area layer's file, once) and kept. See <see cref="CatalogAreaLoader"/> for a catalog without <c>area</c>.
    /// </summary>
    /// <exception cref="InputException">The area layer cannot be read or has no polygons, or no working CRS can be found.</exception>
    public DataArea DataArea => _dataArea.Value;

    /// <summary>The working CRS every check measures, overlays and draws in: <see cref="DataArea"/>'s (never null for a catalog).</summary>
    /// <exception cref="InputException">As <see cref="DataArea"/>.</exception>
    public GaussKrugerZone WorkingCrs => DataArea.WorkingCrs!;

    /// <summary>Layers the site check checks (those with a policy), in catalog order.</summary>
    public IEnumerable<LayerDefinition> ZoneLayers => Layers.Where(l => l.IsZone);

    /// <summary>Loads and validates <c>catalog.json</c> in <paramref name="dataDirectory"/>.</summary>
    /// <exception cref="InputException">The catalog is missing, malformed or inconsistent.</exception>
    public static LayerCatalog Load(string dataDirectory)
    {
        var dir = Path.GetFullPath(dataDirectory);
        var file = DataFileJson.Read(dir, FileName, (JsonTypeInfo<CatalogFile>)DataFileJson.Lenient.GetTypeInfo(typeof(CatalogFile)), "图层目录",
            "用 --data 指向含 catalog.json 的数据文件夹，例如仓库里的 gis-data。",
            "用 JSON 校验工具检查 catalog.json 的括号和逗号。");
        var catalog = new LayerCatalog(dir, file ?? new CatalogFile());
        CatalogValidator.Validate(catalog);
        return catalog;
    }

    /// <summary>The layer with this id, or null.</summary>
    public LayerDefinition? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>The layer with this id.</summary>
    /// <exception cref="InputException">No such layer; the message lists the known ids.</exception>
    public LayerDefinition Get(string id) => Find(id) ?? throw new InputException(
        $"没有 id 为“{id}”的图层。",
        $"可用的图层：{string.Join(", ", Layers.Select(l => l.Id))}。",
        FileName);

    /// <summary>Absolute path of a layer's file (inside <see cref="DataDirectory"/>: <see cref="Load"/> refuses any other).</summary>
    /// <exception cref="InvalidOperationException">The layer's source is not a file (PostGIS).</exception>
    public string FullPath(LayerDefinition layer) => Path.GetFullPath(Path.Combine(DataDirectory,
        FileOf(layer) ?? throw new InvalidOperationException($"layer {layer.Id} has no file (its source is {layer.SourceType})")));

    /// <summary>The layer's file relative to the data folder (GeoJSON, GeoPackage), or null for a PostGIS layer.</summary>
    public static string? FileOf(LayerDefinition layer) => layer.SourceSpec is { Type: not Sources.LayerSourceSpec.PostgisType } s ? s.File : null;

    /// <summary>True when <paramref name="fullPath"/> lies inside <paramref name="directory"/> (both absolute, compared as written).</summary>
    internal static bool IsInside(string directory, string fullPath)
    {
        var root = Path.EndsInDirectorySeparator(directory) ? directory : directory + Path.DirectorySeparatorChar;
        var comparison = OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        return fullPath.StartsWith(root, comparison);
    }

    /// <summary>Path of another file of the data directory (styles.json, policy.json, …).</summary>
    public string PathOf(string relative) => Path.GetFullPath(Path.Combine(DataDirectory, relative));

    private sealed class CatalogFile
    {
        public string? TitleZh { get; set; }

        public string? TitleEn { get; set; }

        public string? Crs { get; set; }

        public string? DataNoteZh { get; set; }

        public string? DataNoteEn { get; set; }

        public List<LayerGroup>? Groups { get; set; }

        public List<LayerDefinition>? Layers { get; set; }

        public CatalogArea? Area { get; set; }
    }
}
