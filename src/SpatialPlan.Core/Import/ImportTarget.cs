using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Union;
using SpatialPlan.Core.Crs;
using SpatialPlan.Core.Layers;
using SpatialPlan.Core.Layers.GeoPackage;
using SpatialPlan.Core.Limits;
using SpatialPlan.Core.Sources;

namespace SpatialPlan.Core.Import;

/// <summary>
/// The data folder an import writes into, as catalog.json describes it: its layers, its working CRS
/// (<c>area.workingCrs</c>, else derived from the area's centre, docs/data-sources.md §1), its data area (the union of
/// the <c>area.layer</c> features, in the working CRS), and which policy and style keys it has.
/// </summary>
internal sealed partial class ImportTarget
{
    private ImportTarget(string directory, CatalogWriter catalog, int workingEpsg, Geometry? area, string? areaName,
        IReadOnlySet<string> policyKeys, IReadOnlySet<string> styleKeys, string workingCrsFrom)
    {
        Directory = directory;
        Catalog = catalog;
        WorkingEpsg = workingEpsg;
        Area = area;
        AreaNameZh = areaName;
        PolicyKeys = policyKeys;
        StyleKeys = styleKeys;
        WorkingCrsFrom = workingCrsFrom;
    }

    /// <summary>The data folder (absolute).</summary>
    public string Directory { get; }

    public CatalogWriter Catalog { get; }

    /// <summary>EPSG code of the working CRS (a CGCS2000 3° zone without the prefix).</summary>
    public int WorkingEpsg { get; }

    /// <summary>How the working CRS was found, in Chinese.</summary>
    public string WorkingCrsFrom { get; }

    /// <summary>The data area in the working CRS, or null when the catalog names none.</summary>
    public Geometry? Area { get; }

    public string? AreaNameZh { get; }

    /// <summary>Keys of policy.json#/zones and #/guidance.</summary>
    public IReadOnlySet<string> PolicyKeys { get; }

    /// <summary>Keys of styles.json.</summary>
    public IReadOnlySet<string> StyleKeys { get; }

    /// <summary>Checks a layer id: it becomes a file name and a table name.</summary>
    /// <exception cref="InputException">Not a usable id.</exception>
    public static void RequireLayerId(string id)
    {
        if (!LayerId().IsMatch(id))
        {
            throw new InputException($"--as “{id}” 不能作图层 id（invalid layer id）。",
                "图层 id 用英文字母开头，只含字母、数字、“-”和“_”，不超过 63 个字符，例如 --as jbnt-2023（它也是文件名 layers/jbnt-2023.gpkg）。");
        }
    }

    /// <summary>Opens the data folder <paramref name="dataDirectory"/>.</summary>
    /// <exception cref="InputException">No such folder, no catalog.json, a broken catalog, or an unreadable area layer.</exception>
    public static ImportTarget Open(string dataDirectory, CancellationToken cancellationToken)
    {
        var directory = Path.GetFullPath(dataDirectory);
        if (!System.IO.Directory.Exists(directory))
        {
            throw new InputException($"数据目录 {directory} 不存在（data folder not found）。",
                "请检查 --data 的路径；新的县（旗、区）先用 spatialplan init 目录 --boundary 边界文件 建立数据文件夹。");
        }

        var catalog = CatalogWriter.Load(directory);
        var (area, areaEpsg, areaName) = ReadArea(directory, catalog, cancellationToken);
        var (working, from) = WorkingCrs(catalog, area, areaEpsg);
        if (area is not null && areaEpsg != working)
        {
            ImportCrs.RequireTransform(areaEpsg, working, "catalog.json area");
            ImportCrs.ToWorking(area, new ResolvedCrs(areaEpsg, false, string.Empty), working);
        }

        return new ImportTarget(directory, catalog, working, area, areaName, Keys(directory, "policy.json", "zones", "guidance"),
            Keys(directory, "styles.json"), from);
    }

    /// <summary>Absolute path of a file of the data folder.</summary>
    public string PathOf(string relative) => Path.GetFullPath(Path.Combine(Directory, relative));

    private static (int Epsg, string From) WorkingCrs(CatalogWriter catalog, Geometry? area, int areaEpsg)
    {
        if (catalog.Root["area"] is JsonObject a && a["workingCrs"] is JsonValue v && v.TryGetValue<string>(out var text))
        {
            var digits = text.Trim().Replace("EPSG:", string.Empty, StringComparison.OrdinalIgnoreCase);
            if (int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var code) && PrjRecognizer.IsGaussKruger3(code) && !PrjRecognizer.IsZoned(code))
            {
                return (code, "catalog.json 的 area.workingCrs");
            }

            throw new InputException($"catalog.json 的 area.workingCrs “{text}” 不是 CGCS2000 3 度带（不带带号）坐标系（invalid working CRS）。",
                "workingCrs 写 EPSG:4534–4554 之一（不带带号的 3 度带），或删去它让程序按数据范围的中心推算。", LayerCatalog.FileName);
        }

        if (area is not null)
        {
            var centre = area.EnvelopeInternal.Centre;
            var lon = CrsTransformer.IsGeographic(areaEpsg) ? centre.X : CrsTransformer.Transform(centre, areaEpsg, Epsg.Cgcs2000).X;
            var cm = 3 * (int)Math.Round(lon / 3);
            if (cm is >= 75 and <= 135)
            {
                return (PrjRecognizer.FirstPlain + ((cm - 75) / 3), $"由数据范围中心（{lon.ToString("0.##", CultureInfo.InvariantCulture)}°E）推算的 3 度带");
            }
        }

        // As LayerCatalog.DataArea: without an area, the catalog's top-level crs when that is a zone without prefix.
        if (catalog.Root["crs"] is JsonValue c && c.TryGetValue<string>(out var crsText) && GaussKrugerZone.Parse(crsText) is { } zone &&
            !GaussKrugerZone.IsZoned(zone.Epsg))
        {
            return (zone.Epsg, "catalog.json 的 crs（未声明 area）");
        }

        throw new InputException("数据文件夹没有数据范围，也没有声明工作坐标系（catalog.json has no area and no working CRS）。",
            "用 spatialplan init 目录 --boundary 边界文件 建立数据文件夹，或在 catalog.json 中写明 area：{\"layer\": 边界图层 id, \"workingCrs\": \"EPSG:4534–4554 之一\"}。",
            LayerCatalog.FileName);
    }

    /// <summary>The area layer's features together, in their own CRS; null when the catalog names no area.</summary>
    private static (Geometry? Area, int Epsg, string? Name) ReadArea(string directory, CatalogWriter catalog, CancellationToken cancellationToken)
    {
        if (catalog.Root["area"] is not JsonObject area || area["layer"] is not JsonValue layerValue || !layerValue.TryGetValue<string>(out var layerId))
        {
            return (null, 0, null);
        }

        var entry = catalog.Find(layerId);
        var name = area["nameZh"] is JsonValue n && n.TryGetValue<string>(out var s) ? s
            : entry?["titleZh"] is JsonValue tz && tz.TryGetValue<string>(out var title) ? title : layerId;
        var file = entry is null ? null : CatalogWriter.FileOf(entry);
        if (file is null)
        {
            throw new InputException($"catalog.json 的 area.layer “{layerId}” 不是目录中的图层，或没有文件（area layer not found）。",
                "把 area.layer 改成数据范围图层的 id，或删去 area。", LayerCatalog.FileName);
        }

        var path = Path.GetFullPath(Path.Combine(directory, file));
        if (!LayerCatalog.IsInside(directory, path) || !File.Exists(path))
        {
            throw new InputException($"找不到数据范围图层的文件 {file}（area layer file missing）。", "检查 catalog.json 中该图层的 file 路径。", LayerCatalog.FileName);
        }

        List<Geometry> parts;
        int epsg;
        if (path.EndsWith(".gpkg", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var table = entry!["source"] is JsonObject src && src["table"] is JsonValue t ? (string?)t : null;
                using var reader = GpkgLayerReader.Open(path, table);
                epsg = reader.Srid;
                parts = reader.All(cancellationToken).Select(f => f.Geometry).ToList();
            }
            catch (GpkgException e)
            {
                throw new InputException($"无法读取数据范围图层 {file}：{e.Message}", "重新导入数据范围图层。", LayerCatalog.FileName, inner: e);
            }
        }
        else
        {
            var read = FeatureFileReader.Read(path, new ReadOptions { Limits = InputLimits.DataLayer, RequireEveryFeatureNearArea = false, Area = DataArea.China }, cancellationToken);
            epsg = Epsg.Cgcs2000;
            parts = read.Features.Select(f => f.Geometry).ToList();
        }

        var polygons = parts.Where(p => p is Polygon or MultiPolygon).ToList();
        if (polygons.Count == 0)
        {
            return (null, 0, name);
        }

        var union = UnaryUnionOp.Union(polygons.Select(p => p.Copy()).ToList());
        return (ImportGeometry.Factory.CreateGeometry(union), epsg, name);
    }

    private static HashSet<string> Keys(string directory, string file, params string[] objects)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var path = Path.Combine(directory, file);
        if (!File.Exists(path))
        {
            return keys;
        }

        try
        {
            var root = JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }) as JsonObject;
            foreach (var node in objects.Length == 0 ? [root] : objects.Select(o => root?[o]))
            {
                if (node is JsonObject o)
                {
                    foreach (var (key, _) in o)
                    {
                        keys.Add(key);
                    }
                }
            }
        }
        catch (JsonException e)
        {
            throw new InputException($"{file} 不是有效的 JSON（第 {e.LineNumber + 1} 行附近）。", $"用 JSON 校验工具检查 {file}。", file, inner: e);
        }

        return keys;
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]{0,62}$")]
    private static partial Regex LayerId();
}
