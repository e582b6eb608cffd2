using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using SpatialPlan.Core.Sources;

namespace SpatialPlan.Core.Layers;

/// <summary>
/// Edits a data folder's catalog.json as JSON (everything it holds is kept, in order, except comments) and writes it
/// back atomically: the new text goes to a temporary file beside it, which then replaces catalog.json in one rename, so
/// a reader sees the old catalog or the new one, never half of one. Used by <c>spatialplan import</c> to add or replace
/// one layer entry.
/// </summary>
public sealed class CatalogWriter
{
    private static readonly JsonSerializerOptions Output = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    private CatalogWriter(string path, string text, JsonObject root)
    {
        Path = path;
        OriginalText = text;
        Root = root;
    }

    /// <summary>Full path of catalog.json.</summary>
    public string Path { get; }

    /// <summary>The file's text as read (to restore it).</summary>
    public string OriginalText { get; }

    /// <summary>The whole catalog.</summary>
    public JsonObject Root { get; }

    /// <summary>The <c>layers</c> array (created when missing).</summary>
    public JsonArray Layers => Root["layers"] as JsonArray ?? (JsonArray)(Root["layers"] = new JsonArray());

    /// <summary>The <c>groups</c> array (created when missing).</summary>
    public JsonArray Groups => Root["groups"] as JsonArray ?? (JsonArray)(Root["groups"] = new JsonArray());

    /// <summary>Reads catalog.json of <paramref name="dataDirectory"/>.</summary>
    /// <exception cref="InputException">Missing, or not a JSON object.</exception>
    public static CatalogWriter Load(string dataDirectory)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetFullPath(dataDirectory), LayerCatalog.FileName);
        if (!File.Exists(path))
        {
            throw new InputException($"数据目录 {dataDirectory} 中没有 {LayerCatalog.FileName}（图层目录）（no catalog.json）。",
                "用 --data 指向含 catalog.json 的数据文件夹，或先用 spatialplan init 建立数据文件夹。", LayerCatalog.FileName);
        }

        var text = File.ReadAllText(path);
        try
        {
            var node = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            return node is JsonObject root
                ? new CatalogWriter(path, text, root)
                : throw new InputException("catalog.json 的最外层不是 JSON 对象（not an object）。", "catalog.json 应以 { \"layers\": [...] } 的形式书写。", LayerCatalog.FileName);
        }
        catch (JsonException e)
        {
            throw new InputException($"图层目录不是有效的 JSON（第 {e.LineNumber + 1} 行附近）。", "用 JSON 校验工具检查 catalog.json 的括号和逗号。", LayerCatalog.FileName, inner: e);
        }
    }

    /// <summary>The entry with this id, or null.</summary>
    public JsonObject? Find(string id) => Layers.OfType<JsonObject>().FirstOrDefault(l => (string?)l["id"] == id);

    /// <summary>The layer file an entry points to, relative to the data folder: <c>source.file</c>, else <c>file</c>.</summary>
    public static string? FileOf(JsonObject entry) =>
        entry["source"] is JsonObject source && source["file"] is JsonValue f ? (string?)f : entry["file"] is JsonValue g ? (string?)g : null;

    /// <summary>Adds the group when no group has its id.</summary>
    public void EnsureGroup(string id, string titleZh, string titleEn)
    {
        if (!Groups.OfType<JsonObject>().Any(g => (string?)g["id"] == id))
        {
            Groups.Add((JsonNode)new JsonObject { ["id"] = id, ["titleZh"] = titleZh, ["titleEn"] = titleEn });
        }
    }

    /// <summary>
    /// Puts <paramref name="entry"/> in place of the layer with the same id, or — for a new id — after the last layer of
    /// its group (so it draws with its kind), else first (at the bottom, under boundaries and lines).
    /// </summary>
    /// <returns>True when an entry was replaced.</returns>
    public bool Upsert(JsonObject entry)
    {
        var id = (string?)entry["id"];
        var layers = Layers;
        for (var i = 0; i < layers.Count; i++)
        {
            if (layers[i] is JsonObject existing && (string?)existing["id"] == id)
            {
                layers[i] = entry;
                return true;
            }
        }

        var group = (string?)entry["group"];
        var last = -1;
        for (var i = 0; i < layers.Count; i++)
        {
            if (layers[i] is JsonObject l && (string?)l["group"] == group)
            {
                last = i;
            }
        }

        layers.Insert(last + 1, entry);
        return false;
    }

    /// <summary>The catalog as indented JSON, Chinese unescaped.</summary>
    public string ToText() => Root.ToJsonString(Output) + Environment.NewLine;

    /// <summary>Writes <paramref name="text"/> to <paramref name="path"/> through a temporary file and one rename.</summary>
    public static void WriteAtomically(string path, string text)
    {
        var temp = path + ".tmp-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        try
        {
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
            using (var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false)))
            {
                writer.Write(text);
                writer.Flush();
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }
}
