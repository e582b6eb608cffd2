using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using SpatialPlan.Core.Crs;

namespace SpatialPlan.Core.Sources;

/// <summary>
/// Reads a planner's feature file — GeoJSON (<c>.geojson</c>/<c>.json</c>), a 界址点 coordinate list
/// (<c>.txt</c>/<c>.csv</c>) or a zipped Shapefile (<c>.zip</c>) — into EPSG:4490 lon/lat features with valid
/// geometries. Works out the source CRS (declared, else guessed from the coordinate ranges), fixes swapped axes,
/// repairs invalid geometries with GeometryFixer, and reports every change. Bad input throws
/// <see cref="InputException"/> with a message naming the file, the feature, the problem and the fix.
/// Every budget of <see cref="ReadOptions.Limits"/> is checked before the work it bounds (docs/limits.md), and the
/// readers observe the <see cref="CancellationToken"/> in their loops (an <see cref="OperationCanceledException"/>
/// ends the read: the caller's request went away or ran out of time).
/// </summary>
public static class FeatureFileReader
{
    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    /// <exception cref="InputException">Missing, unreadable, malformed or misplaced input.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static FeatureLoadResult Read(string path, ReadOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            throw new InputException($"找不到文件 {path}（file not found）。", "请检查路径和文件名是否正确。", name);
        }

        FileStream stream;
        try
        {
            stream = File.OpenRead(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"无法打开文件 {path}：{ex.Message}（cannot open file）。", "请检查文件是否被其他程序占用，以及是否有读取权限。", name, inner: ex);
        }

        using (stream)
        {
            return Read(stream, name, options, cancellationToken);
        }
    }

    /// <summary>Reads an uploaded or in-memory file; <paramref name="fileName"/> gives the extension and is used in messages.</summary>
    /// <exception cref="InputException">Malformed or misplaced input, or input over a budget.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static FeatureLoadResult Read(Stream stream, string fileName, ReadOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(options);
        var file = Path.GetFileName(fileName);
        var bytes = InputBytes.ReadAll(stream, file, options.EffectiveMaxBytes, cancellationToken);
        var budget = new InputBudget(options.Limits, file, cancellationToken, options.MaxBytes);
        var raw = Path.GetExtension(file).ToLowerInvariant() switch
        {
            ".geojson" or ".json" => GeoJsonFeatureReader.Read(InputBytes.RequireText(bytes, file), file, budget),
            ".txt" or ".csv" => BoundaryPointListReader.Read(InputBytes.DecodeText(bytes, file), file, budget),
            ".zip" => ShapefileZipReader.Read(bytes, file, budget),
            var ext => throw new InputException(
                $"不支持的文件类型“{(ext.Length == 0 ? "(无扩展名)" : ext)}”（unsupported file type）。",
                "请提供 .geojson/.json（GeoJSON）、.txt/.csv（界址点坐标表）或 .zip（压缩的 Shapefile，含 .shp/.shx/.dbf/.prj）。", file),
        };
        return Finish(raw, file, options, cancellationToken);
    }

    private static FeatureLoadResult Finish(RawFeatures raw, string file, ReadOptions options, CancellationToken cancellationToken)
    {
        var repairs = new List<Repair>();
        var envelope = new Envelope();
        var flat = new List<IFeature>(raw.Features.Count);
        for (var i = 0; i < raw.Features.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var geometry = raw.Features[i].Geometry;
            CoordinateChecks.RequireFinite(geometry, i, file);
            var xy = CoordinateChecks.Flatten(geometry, i, repairs, raw.Ordinates is { } o && i < o.Count ? o[i] : 2);
            flat.Add(CoordinateChecks.WithGeometry(raw.Features[i], xy));
            envelope.ExpandToInclude(xy.EnvelopeInternal);
        }

        var area = options.EffectiveArea;
        var guess = options.DeclaredEpsg is { } declared
            ? CrsGuesser.Confirm(envelope, declared, "调用时指定的坐标系（--crs 选项）", file, area)
            : raw.DeclaredEpsg is { } inFile
                ? CrsGuesser.Confirm(envelope, inFile, raw.DeclaredWhere ?? "文件", file, area)
                : raw.WorkingZoneGaussKruger
                    ? CrsGuesser.Confirm(envelope, WorkingZone(area, file).Epsg, raw.DeclaredWhere ?? "文件", file, area)
                    : CrsGuesser.Guess(envelope, file, area);

        var features = new List<IFeature>(flat.Count);
        for (var i = 0; i < flat.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var source = flat[i].Geometry;
            if (guess.AxesSwapped)
            {
                source = AxisSwapper.Swap(source);
                repairs.Add(new Repair(i, "坐标轴顺序颠倒（x 为纬度/北坐标，y 为经度/东坐标）（axes swapped）。",
                    "已交换 x 与 y（swapped x and y back）。"));
            }

            var lonLat = CrsTransformer.Transform(source, guess.Epsg, Epsg.Cgcs2000);
            if (options.RequireEveryFeatureNearArea)
            {
                RequireNearArea(lonLat, i, file, area);
            }

            var valid = GeometryRepairer.Repair(lonLat, i, file, repairs);
            features.Add(new Feature(valid, Editable(flat[i].Attributes)));
        }

        var reason = raw.Notes is null ? guess.ReasonZh : $"{raw.Notes}{guess.ReasonZh}";
        return new FeatureLoadResult
        {
            Features = features, SourceEpsg = guess.Epsg, AxesSwapped = guess.AxesSwapped,
            CrsReasonZh = reason, Repairs = [.. repairs.OrderBy(r => r.FeatureIndex)], FileName = file,
        };
    }

    /// <summary>The file as a whole reaches the area; each feature must too (a stray feature at (0,0) must not pass).</summary>
    private static void RequireNearArea(Geometry lonLat, int index, string file, DataArea area)
    {
        if (!area.Reaches(lonLat.EnvelopeInternal))
        {
            var c = lonLat.EnvelopeInternal.Centre;
            throw new InputException($"该要素{area.DescribePoint(c.X, c.Y)}，而文件中其他要素在{area.NameZh}附近（one feature lies far from the others）。",
                "请检查该要素的坐标是否录入错误（如漏位、写反、为 0），或把它从文件中删除。", file, index);
        }
    }

    private static GaussKrugerZone WorkingZone(DataArea area, string file) => area.WorkingCrs ?? throw new InputException(
        "界址点坐标表的 Y（东坐标）不带带号，而没有数据目录，无法判断它属于哪个 3 度带（中央经线）（eastings without zone prefix, and no data folder to say the zone）。",
        "用 --crs 指明坐标系（EPSG:4534–4554，中央经线 75°E–135°E 每 3° 一个：EPSG = 4534 + (中央经线 − 75) ÷ 3），或用 --data 指定数据目录（按其工作坐标系读取），或改用带带号的东坐标（如 36xxxxxx.xxx）。",
        file);

    private static AttributesTable Editable(IAttributesTable? attributes)
    {
        if (attributes is AttributesTable table)
        {
            return table;
        }

        var copy = new AttributesTable();
        if (attributes is not null)
        {
            foreach (var name in attributes.GetNames())
            {
                copy.Add(name, attributes[name]);
            }
        }

        return copy;
    }
}
