using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using SpatialPlan.Cli.Output;
using SpatialPlan.Core.Layers;

namespace SpatialPlan.Cli.Commands;

/// <summary><c>spatialplan layers</c>: every catalog layer with id, title, category, file, feature count and CRS.</summary>
internal static class LayersCommand
{
    private static readonly string[] Formats = ["table", "json"];

    public static Command Create()
    {
        var format = new Option<string?>("--format") { Description = "输出格式 table | json（默认 table）。Output format." };
        var data = CommonOptions.Data();
        var command = new Command("layers", "列出数据目录中的所有图层。List every layer of the data folder.") { format, data };
        command.SetAction(parsed =>
        {
            var output = CommonOptions.ParseFormat(parsed.GetValue(format), Formats);
            var catalog = LayerCatalog.Load(DataDirectory.Resolve(parsed.GetValue(data)));
            var rows = catalog.Layers.Select(l => Describe(catalog, l)).ToList();
            var o = parsed.InvocationConfiguration.Output;
            if (output == "json")
            {
                WriteJson(catalog, rows, o);
            }
            else
            {
                WriteTable(catalog, rows, o);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static LayerRow Describe(LayerCatalog catalog, LayerDefinition layer)
    {
        if (layer.SourceType != Core.Layers.Sources.LayerSourceSpec.GeoJsonType)
        {
            // An indexed layer (GeoPackage, PostGIS): its source counts (opening it checks file, table and index).
            using var source = Core.Layers.Sources.LayerSources.Open(catalog, layer, catalog.WorkingCrs.Epsg);
            var where = LayerCatalog.FileOf(layer) is not null
                ? Path.GetRelativePath(catalog.DataDirectory, catalog.FullPath(layer)).Replace('\\', '/') + (layer.SourceSpec?.Table is { } t ? ":" + t : string.Empty)
                : layer.SourceSpec!.Describe();
            return new LayerRow(layer, where, (int)Math.Min(source.Count, int.MaxValue), Core.Crs.Epsg.Name(source.WorkingEpsg));
        }

        using var stream = File.OpenRead(catalog.FullPath(layer));
        using var doc = Parse(stream, catalog, layer);
        var count = doc.RootElement.TryGetProperty("features", out var f) && f.ValueKind == JsonValueKind.Array ? f.GetArrayLength() : 0;
        var crs = doc.RootElement.TryGetProperty("crs", out var c) && c.TryGetProperty("properties", out var p) && p.TryGetProperty("name", out var n)
            ? n.GetString() ?? catalog.Crs
            : catalog.Crs;
        var relative = Path.GetRelativePath(catalog.DataDirectory, catalog.FullPath(layer)).Replace('\\', '/');
        return new LayerRow(layer, relative, count, crs);
    }

    /// <summary>A truncated, empty or malformed layer file is the data folder's problem: exit 2 naming the entry, not exit 1.</summary>
    private static JsonDocument Parse(Stream stream, LayerCatalog catalog, LayerDefinition layer)
    {
        try
        {
            return JsonDocument.Parse(stream);
        }
        catch (JsonException e)
        {
            var index = catalog.Layers.ToList().IndexOf(layer);
            throw new Core.Sources.InputException(
                $"不是完整的 JSON（第 {e.LineNumber + 1} 行附近）（empty, truncated or malformed layer file）。",
                "重新导出或复制该图层文件，或在 catalog.json 中删去这一项。", $"{layer.File}（catalog.json layers[{index}]：{layer.Id}）", inner: e);
        }
    }

    private static void WriteTable(LayerCatalog catalog, List<LayerRow> rows, TextWriter o)
    {
        o.WriteLine($"{catalog.TitleZh}  数据目录：{catalog.DataDirectory}");
        var table = new TextTable(["图层ID", "名称", "类别", "文件", "要素数", "坐标系", "检查规则", "示意"],
            [false, false, false, false, true, false, false, false]);
        foreach (var r in rows)
        {
            table.Add(r.Layer.Id, r.Layer.TitleZh, r.Layer.Category, r.Path, TextTable.Num(r.Count, 0), r.Crs,
                r.Layer.Policy ?? "—", r.Layer.Schematic ? "是" : "否");
        }

        table.WriteTo(o);
        if (rows.Any(r => r.Layer.Schematic))
        {
            o.WriteLine();
            o.WriteLine($"【示意数据】{catalog.DataNoteZh}");
        }
    }

    private static void WriteJson(LayerCatalog catalog, List<LayerRow> rows, TextWriter o)
    {
        var payload = new LayersPayload(catalog.DataDirectory, catalog.Crs,
            rows.Select(r => new LayerPayload(r.Layer.Id, r.Layer.TitleZh, r.Layer.TitleEn, r.Layer.Group, r.Layer.Category, r.Path, r.Count, r.Crs,
                r.Layer.Policy, r.Layer.Schematic)),
            catalog.DataNoteZh);
        o.WriteLine(JsonSerializer.Serialize(payload, CliJson.Indented.LayersPayload));
    }

    private sealed record LayerRow(LayerDefinition Layer, string Path, int Count, string Crs);
}
