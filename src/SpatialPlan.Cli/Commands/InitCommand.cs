using System.CommandLine;
using System.Globalization;
using System.IO.Compression;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using NetTopologySuite.Operation.OverlayNG;
using SpatialPlan.Core.Checks;
using SpatialPlan.Core.Crs;
using SpatialPlan.Core.Layers;
using SpatialPlan.Core.Measurement;
using SpatialPlan.Core.Sources;
using SpatialPlan.Core.Styles;

namespace SpatialPlan.Cli.Commands;

/// <summary>
/// <c>spatialplan init DIR --boundary FILE [--name 名称] [--name-en NAME] [--crs EPSG:n]</c> (docs/data-sources.md §4): makes a
/// data folder for any county. DIR must be new or empty. It gets <c>catalog.json</c> whose area is the boundary (imported
/// as the layer <c>area-boundary</c>, lon/lat GeoJSON) with the working CRS derived from the boundary's centre and written
/// out, <c>policy.json</c> and <c>styles.json</c> from the embedded template (the files of the repository's gis-data, built
/// into the program), and an empty <c>layers/</c> for <c>spatialplan import</c>. The folder is built beside DIR and moved
/// into place only when it loads back; a bad boundary leaves DIR as it was (exit 2).
/// </summary>
internal static class InitCommand
{
    /// <summary>The layer id of the imported boundary.</summary>
    public const string BoundaryLayerId = "area-boundary";

    private const string TemplatePrefix = "SpatialPlan.Template.";

    private static readonly JsonSerializerOptions GeoJson = new()
    {
        Converters = { new GeoJsonConverterFactory() },
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static Command Create()
    {
        var dir = new Argument<string>("dir") { Description = "要创建的数据目录（须不存在或为空）。The data folder to create (new or empty)." };
        var boundary = new Option<string>("--boundary")
        {
            Description = "行政区界文件：GeoJSON、压缩的 Shapefile（.zip）或 .shp（同目录须有 .shx/.dbf，最好有 .prj）。The county boundary: GeoJSON, zipped Shapefile or .shp.",
            Required = true,
        };
        var name = new Option<string?>("--name") { Description = "数据区名称，如 临河区；不给则取边界要素的名称。The area's Chinese name; default: the boundary's." };
        var nameEn = new Option<string?>("--name-en") { Description = "英文名称，如 Linhe District。The area's English name." };
        var crs = CommonOptions.Crs();
        var command = new Command("init", "为任一县级行政区创建数据目录：边界、工作坐标系、管控规则和图例模板。Make a data folder for any county from its boundary.")
        {
            dir, boundary, name, nameEn, crs,
        };
        command.SetAction(parsed =>
        {
            var result = Run(parsed.GetValue(dir)!, parsed.GetValue(boundary)!, parsed.GetValue(name), parsed.GetValue(nameEn),
                CommonOptions.ParseEpsg(parsed.GetValue(crs)));
            Report(result, parsed.InvocationConfiguration.Output);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Creates the data folder; returns what was made.</summary>
    /// <exception cref="InputException">DIR is not new or empty, or the boundary cannot be used. DIR is left as it was.</exception>
    public static InitResult Run(string dir, string boundaryPath, string? nameZh, string? nameEn, int? declaredEpsg)
    {
        var target = Path.GetFullPath(dir);
        RequireNewOrEmpty(target);
        var load = ReadBoundary(boundaryPath, declaredEpsg);
        var boundaryName = Path.GetFileName(boundaryPath);
        var polygons = Polygons(load, boundaryName);
        var name = Text(nameZh) ?? Attribute(load, "name", "name_zh", "nameZh", "XZQMC", "QXMC", "NAME") ?? Path.GetFileNameWithoutExtension(boundaryPath);
        var english = Text(nameEn) ?? Attribute(load, "nameEn", "name_en", "NAME_EN") ?? name;
        var area = DataArea.FromBoundary(name, english, polygons, where: boundaryName);
        var zone = area.WorkingCrs!;

        var parent = Path.GetDirectoryName(target) ?? throw new InputException($"{target} 不能作为数据目录（no parent folder）。", "给出一个普通文件夹路径。");
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, $".{Path.GetFileName(target)}.init-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(Path.Combine(staging, "layers"));
            WriteBoundary(Path.Combine(staging, "layers", BoundaryLayerId + ".geojson"), polygons, name, english);
            File.WriteAllBytes(Path.Combine(staging, CheckPolicy.FileName), Template(CheckPolicy.FileName));
            File.WriteAllBytes(Path.Combine(staging, StyleBook.FileName), Template(StyleBook.FileName));
            File.WriteAllText(Path.Combine(staging, LayerCatalog.FileName), Catalog(name, english, zone, boundaryName));

            // Loads back as every command will read it, before it replaces anything.
            var catalog = LayerCatalog.Load(staging);
            _ = StyleBook.Load(staging);
            _ = CheckPolicy.Load(catalog.PathOf(CheckPolicy.FileName));
            if (catalog.WorkingCrs != zone)
            {
                throw new InvalidOperationException($"init wrote {zone.Name} but the folder reads back {catalog.WorkingCrs.Name}");
            }

            if (Directory.Exists(target))
            {
                Directory.Delete(target); // empty, checked above
            }

            Directory.Move(staging, target);
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }

        return new InitResult(target, area, PlanarMeasure.AreaOfLonLatM2(polygons, zone), polygons.NumGeometries, boundaryName);
    }

    /// <summary>The embedded copy of a gis-data template file (policy.json, styles.json, catalog.json).</summary>
    internal static byte[] Template(string fileName)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(TemplatePrefix + fileName)
            ?? throw new InvalidOperationException($"the init template {fileName} is not embedded in the program");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static void Report(InitResult r, TextWriter o)
    {
        var zone = r.Area.WorkingCrs!;
        var e = r.Area.LonLat;
        o.WriteLine($"已创建数据目录 {r.Directory}（data folder created）");
        o.WriteLine($"数据区：{r.Area.NameZh}（{r.Area.NameEn}），边界取自 {r.BoundaryFile}，{r.Parts} 个面");
        o.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"范围：{e.MinX:0.###}–{e.MaxX:0.###}°E，{e.MinY:0.###}–{e.MaxY:0.###}°N；面积 {r.AreaM2 / 1e6:N2} 平方千米 = {AreaUnits.ToMu(r.AreaM2):N0} 亩"));
        o.WriteLine($"工作坐标系：{zone.Name}（{zone.DescribeZh}），{r.Area.WorkingCrsReasonZh}；已写入 catalog.json 的 area.workingCrs");
        o.WriteLine($"已写出：catalog.json、{CheckPolicy.FileName}（管控规则模板）、{StyleBook.FileName}（图例模板）、layers/{BoundaryLayerId}.geojson");
        o.WriteLine("下一步（next）：");
        o.WriteLine($"  spatialplan import 永久基本农田.shp --data {r.Directory} --as permanent-farmland --category permanent-farmland");
        o.WriteLine($"  spatialplan check 项目范围.geojson --type <项目类型> --data {r.Directory}");
    }

    private static void RequireNewOrEmpty(string target)
    {
        if (File.Exists(target))
        {
            throw new InputException($"{target} 是一个文件，不是文件夹（DIR is a file）。", "给出一个新的或空的文件夹路径。Give a new or empty folder.");
        }

        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
        {
            throw new InputException($"文件夹 {target} 不是空的，init 不会覆盖已有的数据（DIR is not empty）。",
                "给出一个新的或空的文件夹；要改已有数据目录的边界，请直接编辑其 catalog.json。Give a new or empty folder.");
        }
    }

    private static FeatureLoadResult ReadBoundary(string path, int? declaredEpsg)
    {
        // No data folder yet: anywhere in China, and the boundary's own centre gives the zone.
        var options = new ReadOptions(declaredEpsg) { Limits = Core.Limits.InputLimits.DataLayer };
        if (!Path.GetExtension(path).Equals(".shp", StringComparison.OrdinalIgnoreCase))
        {
            return FeatureFileReader.Read(path, options);
        }

        // A bare .shp: its sidecar files go into a zip in memory, which the Shapefile reader takes.
        var name = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            throw new InputException($"找不到文件 {path}（file not found）。", "请检查路径和文件名是否正确。", name);
        }

        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            var stem = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, Path.GetFileNameWithoutExtension(path));
            foreach (var ext in new[] { ".shp", ".shx", ".dbf", ".prj", ".cpg" })
            {
                var sidecar = new[] { stem + ext, stem + ext.ToUpperInvariant() }.FirstOrDefault(File.Exists);
                if (sidecar is not null)
                {
                    using var entry = archive.CreateEntry(Path.GetFileNameWithoutExtension(path) + ext, CompressionLevel.NoCompression).Open();
                    using var file = File.OpenRead(sidecar);
                    file.CopyTo(entry);
                }
            }
        }

        zip.Position = 0;
        return FeatureFileReader.Read(zip, Path.ChangeExtension(name, ".zip"), options);
    }

    private static Geometry Polygons(FeatureLoadResult load, string file)
    {
        var geometries = load.Features.Select(f => f.Geometry).Where(g => g is { IsEmpty: false }).ToList();
        var others = geometries.Where(g => g is not IPolygonal).Select(g => g.GeometryType).Distinct().ToList();
        if (geometries.Count == 0 || others.Count > 0)
        {
            throw new InputException(
                geometries.Count == 0 ? "边界文件里没有几何（no geometry）。" : $"边界文件含有非面要素（{string.Join("、", others)}），不是行政区界（the boundary must be polygons）。",
                "--boundary 须为行政区界的面要素（Polygon/MultiPolygon），例如国土调查的 XZQ 图层或县界 Shapefile。", file);
        }

        var merged = geometries.Count == 1 ? geometries[0] : OverlayNGRobust.Union(geometries[0].Factory.BuildGeometry(geometries));
        return merged is Polygon p ? p.Factory.CreateMultiPolygon([p]) : merged;
    }

    private static void WriteBoundary(string path, Geometry polygons, string nameZh, string nameEn)
    {
        var features = new FeatureCollection
        {
            new Feature(polygons, new AttributesTable { { "id", BoundaryLayerId }, { "name", nameZh }, { "nameEn", nameEn } }),
        };
        File.WriteAllText(path, JsonSerializer.Serialize(features, GeoJson));
    }

    private static string Catalog(string nameZh, string nameEn, GaussKrugerZone zone, string boundaryFile)
    {
        // The template's groups, so imported layers of any category have their group.
        var template = JsonNode.Parse(Template(LayerCatalog.FileName))!;
        var date = DateTime.Now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var catalog = new JsonObject
        {
            ["titleZh"] = $"{nameZh}国土空间规划数据",
            ["titleEn"] = $"{nameEn} spatial plan data",
            ["crs"] = "EPSG:4490",
            ["dataNoteZh"] = "本数据目录由 spatialplan init 创建；导入的官方图层不是示意数据。",
            ["dataNoteEn"] = "Made by spatialplan init; imported official layers are not schematic.",
            ["area"] = new JsonObject
            {
                ["layer"] = BoundaryLayerId, ["nameZh"] = nameZh, ["nameEn"] = nameEn, ["workingCrs"] = zone.Name,
            },
            ["groups"] = template["groups"]!.DeepClone(),
            ["layers"] = new JsonArray(new JsonObject
            {
                ["id"] = BoundaryLayerId,
                ["titleZh"] = $"{nameZh}行政区界",
                ["titleEn"] = $"{nameEn} boundary",
                ["group"] = "base",
                ["category"] = LayerCategories.Base,
                ["file"] = $"layers/{BoundaryLayerId}.geojson",
                ["style"] = BoundaryLayerId,
                ["schematic"] = false,
                ["visible"] = true,
                ["labelField"] = null,
                ["provenanceZh"] = $"由 spatialplan init 从 {boundaryFile} 导入（{date}）。",
                ["provenanceEn"] = $"Imported by spatialplan init from {boundaryFile} ({date}).",
                ["source"] = boundaryFile,
                ["version"] = string.Empty,
                ["date"] = date,
                ["approvalNumber"] = string.Empty,
            }),
        };
        return catalog.ToJsonString(Indented) + Environment.NewLine;
    }

    private static string? Attribute(FeatureLoadResult load, params string[] keys)
    {
        foreach (var key in keys)
        {
            var values = load.Features
                .Select(f => f.Attributes is { } a ? a.GetNames().FirstOrDefault(n => n.Equals(key, StringComparison.OrdinalIgnoreCase)) is { } n ? a[n]?.ToString()?.Trim() : null : null)
                .OfType<string>().Where(v => v.Length > 0).Distinct().ToList();
            if (values.Count > 0)
            {
                return string.Join("、", values);
            }
        }

        return null;
    }

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>What <c>init</c> made.</summary>
/// <param name="Directory">The data folder (absolute).</param>
/// <param name="Area">Its data area (name, boundary, working CRS).</param>
/// <param name="AreaM2">The boundary's area on the ellipsoid, m².</param>
/// <param name="Parts">Polygons in the boundary.</param>
/// <param name="BoundaryFile">The boundary file's name.</param>
internal sealed record InitResult(string Directory, DataArea Area, double AreaM2, int Parts, string BoundaryFile);
