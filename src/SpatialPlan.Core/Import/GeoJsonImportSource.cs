using System.Globalization;
using System.Text.Json;
using NetTopologySuite.Features;
using SpatialPlan.Core.Limits;
using SpatialPlan.Core.Sources;

namespace SpatialPlan.Core.Import;

/// <summary>
/// A GeoJSON FeatureCollection (<c>.geojson</c>/<c>.json</c>) or GeoJSON Lines file (<c>.geojsonl</c>, <c>.geojsons</c>,
/// <c>.jsonl</c>: one feature per line, RFC 8142 record separators allowed), read as a stream: each feature's bytes are
/// cut out in file order and parsed on the import's worker threads. The columns are learned from the first
/// <see cref="GeoJsonRecords.SampleSize"/> features; a property that first appears later is not imported and is
/// reported. The legacy <c>crs</c> member names the CRS when it comes before <c>features</c> (as GDAL writes it).
/// </summary>
internal sealed class GeoJsonImportSource : IImportSource
{
    private readonly FileStream _stream;
    private readonly bool _lines;
    private readonly List<byte[]> _sample = [];
    private readonly HashSet<string> _late = new(StringComparer.Ordinal);
    private readonly List<string> _notes = [];
    private byte[] _buffer = new byte[1 << 20];
    private int _start;
    private int _end;
    private bool _eof;
    private long _consumed;
    private JsonReaderState _state = new(new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = InputLimits.DataLayer.MaxJsonDepth });
    private Phase _phase = Phase.Root;
    private string? _property;
    private long _features;

    private GeoJsonImportSource(string path, bool lines)
    {
        Name = Path.GetFileName(path);
        _lines = lines;
        _stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        try
        {
            Columns = Begin();
        }
        catch
        {
            _stream.Dispose();
            throw;
        }
    }

    private List<SourceColumn> Begin()
    {
        if (_stream.Length > InputLimits.DataLayer.MaxInputBytes)
        {
            throw new InputException(
                string.Create(CultureInfo.InvariantCulture, $"文件有 {_stream.Length / (1024.0 * 1024):0} MB，超过 GeoJSON 图层的上限 {InputLimits.DataLayer.MaxInputBytes / (1024 * 1024)} MB（file too large）。"),
                "大图层请用 Shapefile 或 GeoPackage 导入（ogr2ogr -f GPKG out.gpkg in.geojson），或按行政区拆分。", Name);
        }

        Fill();
        if (_end - _start >= 3 && _buffer[_start] == 0xEF && _buffer[_start + 1] == 0xBB && _buffer[_start + 2] == 0xBF)
        {
            _start += 3;
            _consumed += 3;
        }

        var attributes = new List<IAttributesTable>();
        while (_sample.Count < GeoJsonRecords.SampleSize && Next() is { } json)
        {
            _sample.Add(json);
            attributes.Add(GeoJsonRecords.Attributes(json, _sample.Count - 1, Name));
        }

        if (_sample.Count == 0)
        {
            throw new InputException("文件中没有任何要素（no features）。", "请确认导出时选中了要素。", Name);
        }

        return GeoJsonRecords.Learn(attributes);
    }

    private enum Phase
    {
        Root,
        RootObject,
        Features,
        Done,
    }

    public string Name { get; }

    public string Format => _lines ? "GeoJSON Lines" : "GeoJSON";

    public IReadOnlyList<SourceColumn> Columns { get; }

    public DeclaredCrs? Crs { get; private set; }

    /// <summary>A <c>crs</c> member found after the features (checked against the CRS the import used, at the end).</summary>
    public DeclaredCrs? LateCrs { get; private set; }

    public long? Count => null;

    public double Progress => _stream.Length == 0 ? 1 : Math.Min(1, (double)Interlocked.Read(ref _consumed) / _stream.Length);

    public IReadOnlyList<string> Notes => _notes;

    /// <summary>Opens a FeatureCollection (<paramref name="lines"/> false) or a GeoJSON Lines file and reads its sample.</summary>
    public static GeoJsonImportSource Open(string path, bool lines) => new(path, lines);

    public IEnumerable<PendingRecord> Read(CancellationToken cancellationToken)
    {
        var index = 0L;
        var known = new HashSet<string>(Columns.Select(c => c.Name), StringComparer.Ordinal);
        foreach (var json in _sample)
        {
            yield return new GeoJsonRecord(index++, json, Name, Columns);
        }

        _sample.Clear();
        while (Next() is { } json)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if ((index & 0x3FF) == 0)
            {
                // Now and then, look for properties the sample did not have: they are not imported, and that is said.
                foreach (var name in GeoJsonRecords.Attributes(json, index, Name).GetNames())
                {
                    if (!known.Contains(name) && _late.Add(name))
                    {
                        _notes.Add(string.Create(CultureInfo.InvariantCulture,
                            $"属性“{name}”在前 {GeoJsonRecords.SampleSize} 个要素中没有出现（首见于第 {index + 1} 个要素），未导入（property first seen late, not imported）。"));
                    }
                }
            }

            yield return new GeoJsonRecord(index++, json, Name, Columns);
        }
    }

    public void Dispose() => _stream.Dispose();

    /// <summary>The next feature's bytes, or null at the end.</summary>
    private byte[]? Next() => _lines ? NextLine() : NextInCollection();

    private byte[]? NextLine()
    {
        while (true)
        {
            var span = _buffer.AsSpan(_start, _end - _start);
            var newline = span.IndexOf((byte)'\n');
            if (newline < 0 && !_eof)
            {
                Refill();
                continue;
            }

            var length = newline < 0 ? span.Length : newline + 1;
            var line = span[..(newline < 0 ? span.Length : newline)].Trim(" \t\r\u001e"u8);
            _start += length;
            Interlocked.Add(ref _consumed, length);
            if (line.Length > 0)
            {
                _features++;
                return line.ToArray();
            }

            if (_eof && _start >= _end)
            {
                return null;
            }
        }
    }

    private byte[]? NextInCollection()
    {
        while (true)
        {
            var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _eof, _state);
            byte[]? feature;
            bool produced;
            int used;
            try
            {
                produced = Step(ref reader, _buffer.AsSpan(_start, _end - _start), out feature, out used);
            }
            catch (JsonException e)
            {
                throw new InputException(
                    string.Create(CultureInfo.InvariantCulture, $"不是有效的 JSON：第 {(e.LineNumber ?? 0) + 1} 行附近有语法错误或文件被截断（invalid or truncated JSON）。"),
                    "文件可能没有复制完整：请重新导出，或用文本编辑器检查该处的括号、逗号和引号。", Name, inner: e);
            }

            _start += used;
            Interlocked.Add(ref _consumed, used);
            if (produced)
            {
                return feature;
            }

            if (_phase == Phase.Done)
            {
                return null;
            }

            if (_eof)
            {
                throw new InputException("JSON 在结尾处被截断，文件不完整（truncated JSON）。", "文件可能没有下载或复制完整，请重新导出或重新下载。", Name);
            }

            Refill();
        }
    }

    /// <summary>
    /// Advances through the document until a feature's bytes are cut out (true) or more data is needed or the document
    /// ends (false). <paramref name="used"/> is how many bytes were consumed up to the last complete step; the reader
    /// state is kept at that step, so a refill resumes exactly there.
    /// </summary>
    private bool Step(ref Utf8JsonReader reader, ReadOnlySpan<byte> span, out byte[]? feature, out int used)
    {
        feature = null;
        used = 0;
        while (true)
        {
            switch (_phase)
            {
                case Phase.Root:
                    if (!reader.Read())
                    {
                        return false;
                    }

                    if (reader.TokenType != JsonTokenType.StartObject)
                    {
                        throw new InputException("GeoJSON 的最外层应是一个 JSON 对象（root is not an object）。",
                            "文件应以 { \"type\": \"FeatureCollection\", \"features\": [...] } 开头；一行一个要素的文件请用 .geojsonl 扩展名。", Name);
                    }

                    _phase = Phase.RootObject;
                    break;

                case Phase.RootObject when _property is null:
                    if (!reader.Read())
                    {
                        return false;
                    }

                    if (reader.TokenType == JsonTokenType.EndObject)
                    {
                        _phase = Phase.Done;
                        Commit(ref reader, out used);
                        if (_features == 0)
                        {
                            throw new InputException("FeatureCollection 缺少 features 数组，或其中没有要素（no features）。",
                                "请确认文件是 FeatureCollection，且导出时选中了要素。", Name);
                        }

                        return false;
                    }

                    _property = reader.GetString();
                    break;

                case Phase.RootObject when _property == "features":
                    if (!reader.Read())
                    {
                        return false;
                    }

                    if (reader.TokenType != JsonTokenType.StartArray)
                    {
                        throw new InputException("features 不是数组（\"features\" is not an array）。", "features 应写成 [ {要素}, {要素}, … ]。", Name);
                    }

                    _property = null;
                    _phase = Phase.Features;
                    break;

                case Phase.RootObject:
                {
                    var probe = reader;
                    if (!probe.Read() || ((probe.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray) && !probe.TrySkip()))
                    {
                        return false;
                    }

                    reader.Read();
                    if (_property == "crs" && reader.TokenType == JsonTokenType.StartObject)
                    {
                        using var member = JsonDocument.ParseValue(ref reader);
                        using var wrapper = JsonDocument.Parse($"{{\"crs\":{member.RootElement.GetRawText()}}}");
                        var (epsg, where) = GeoJsonCrsMember.Read(wrapper.RootElement, Name);
                        if (epsg is { } code)
                        {
                            var declared = new DeclaredCrs(code, where!);
                            if (_phase == Phase.RootObject && _features == 0)
                            {
                                Crs = declared;
                            }
                            else
                            {
                                LateCrs = declared;
                            }
                        }
                    }
                    else if (_property == "type" && reader.TokenType == JsonTokenType.String && reader.GetString() != "FeatureCollection")
                    {
                        throw new InputException($"GeoJSON 类型是“{reader.GetString()}”，图层导入需要 FeatureCollection（not a FeatureCollection）。",
                            "请导出为 FeatureCollection（ogr2ogr -f GeoJSON），或一行一个要素存为 .geojsonl。", Name);
                    }
                    else
                    {
                        reader.TrySkip();
                    }

                    _property = null;
                    break;
                }

                case Phase.Features:
                {
                    var probe = reader;
                    if (!probe.Read())
                    {
                        return false;
                    }

                    if (probe.TokenType == JsonTokenType.EndArray)
                    {
                        reader.Read();
                        _phase = Phase.RootObject;
                        break;
                    }

                    if (probe.TokenType != JsonTokenType.StartObject)
                    {
                        throw new InputException(
                            string.Create(CultureInfo.InvariantCulture, $"features 数组的第 {_features + 1} 项不是对象（not a Feature object）。"),
                            "features 数组中的每一项都应是 {\"type\":\"Feature\",\"geometry\":…,\"properties\":…}。", Name);
                    }

                    if (!probe.TrySkip())
                    {
                        return false;
                    }

                    reader.Read();
                    var start = (int)reader.TokenStartIndex;
                    reader.TrySkip();
                    feature = span[start..(int)reader.BytesConsumed].ToArray();
                    _features++;
                    Commit(ref reader, out used);
                    return true;
                }

                default:
                    return false;
            }

            Commit(ref reader, out used);
        }
    }

    private void Commit(ref Utf8JsonReader reader, out int used)
    {
        used = (int)reader.BytesConsumed;
        _state = reader.CurrentState;
    }

    /// <summary>Moves the unread bytes to the front and reads more; grows the buffer when one feature fills it.</summary>
    private void Refill()
    {
        if (_start == 0 && _end == _buffer.Length)
        {
            if (_buffer.Length >= 1 << 30)
            {
                throw new InputException("一个要素超过 1 GB，不是正常的图斑（feature too large）。", "请检查文件是否损坏，或简化该要素后重新导出。", Name);
            }

            Array.Resize(ref _buffer, _buffer.Length * 2);
        }
        else
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        Fill();
    }

    private void Fill()
    {
        while (_end < _buffer.Length)
        {
            var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
            if (read == 0)
            {
                _eof = true;
                return;
            }

            _end += read;
        }
    }
}
