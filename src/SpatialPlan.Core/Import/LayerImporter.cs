using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.Operation.Valid;
using SpatialPlan.Core.Crs;
using SpatialPlan.Core.Layers.GeoPackage;
using SpatialPlan.Core.Measurement;
using SpatialPlan.Core.Sources;

namespace SpatialPlan.Core.Import;

/// <summary>
/// <c>spatialplan import</c>: reads a layer file record by record, brings every geometry into the data folder's working
/// CRS, makes invalid ones valid (GeometryFixer, each repair listed), measures it (scale-corrected), tells whether it lies
/// outside the data area, and writes it in batches into a new GeoPackage with an R-tree; then finds the overlapping 图斑
/// pairs, and finally puts the layer file and its catalog entry in place together (<see cref="ImportCommit"/>). Reading
/// is sequential; decoding and checking run on every core; writing is sequential in file order. Any failure or
/// cancellation leaves the data folder as it was.
/// </summary>
public static class LayerImporter
{
    // Records per batch between the reader, the workers and the writer. Everything in flight survives the young
    // collections that happen meanwhile and is copied on: with 1 024 a batch, the 1M import spent 3.7 s of 18 in GC pauses,
    // nearly all gen-1 collections; with 256, 1.8-2.1 s (SPATIALPLAN_IMPORT_TRACE=1 prints the pauses).
    private const int BatchSize = 256;

    /// <summary>Set SPATIALPLAN_IMPORT_TRACE=1 to get each phase's time on stderr (for measuring).</summary>
    private static readonly bool Tracing = Environment.GetEnvironmentVariable("SPATIALPLAN_IMPORT_TRACE") == "1";

    /// <summary>Runs an import.</summary>
    /// <exception cref="InputException">Bad input of any kind: the message says what is wrong and how to fix it.</exception>
    /// <exception cref="OperationCanceledException">Cancelled (Ctrl-C, a time budget): nothing was changed.</exception>
    public static ImportReport Run(ImportRequest request, Action<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var clock = Stopwatch.StartNew();
        LayerEntry.RequireCategory(request.Category);
        ImportTarget.RequireLayerId(request.LayerId);
        var target = ImportTarget.Open(request.DataDirectory, cancellationToken);
        Trace(clock, "data folder");
        var existing = target.Catalog.Find(request.LayerId);
        var file = $"layers/{request.LayerId}.gpkg";
        var finalPath = target.PathOf(file);
        if (!request.Replace && (existing is not null || File.Exists(finalPath)))
        {
            throw new InputException(
                existing is not null
                    ? $"数据目录中已有 id 为“{request.LayerId}”的图层（{(string?)existing["titleZh"]}）（layer id exists）。"
                    : $"数据目录中已有文件 {file}（不在 catalog.json 中）（layer file exists）。",
                "要用新数据替换它，加 --replace；否则用 --as 换一个图层 id。", LayerCatalogFile);
        }

        var layers = Path.GetDirectoryName(finalPath)!;
        Directory.CreateDirectory(layers);
        ImportCommit.RemoveStale(layers, request.LayerId);

        using var source = ImportSourceFactory.Open(request.Source, cancellationToken);
        Trace(clock, "source opened");
        var notes = new List<string>(source.Notes);
        using var records = source.Read(cancellationToken).GetEnumerator();

        // A sample of the first records tells the CRS when the file does not, and confirms it when it does.
        var sample = new List<PendingRecord>();
        var sampleEnvelope = new Envelope();
        while ((sample.Count < 1000 || sampleEnvelope.IsNull) && records.MoveNext())
        {
            var (g, values) = records.Current.Decode();
            sample.Add(new DecodedRecord(records.Current.Index, g, values));
            if (g is { IsEmpty: false })
            {
                sampleEnvelope.ExpandToInclude(g.EnvelopeInternal);
            }
        }

        var crs = ImportCrs.Resolve(request.Crs, source.Crs, sampleEnvelope, target.WorkingEpsg, source.Name);
        ImportCrs.RequireTransform(crs.SourceEpsg, target.WorkingEpsg, source.Name);
        RequireNearArea(target, crs, sampleEnvelope, request.Crs is null && source.Crs is null, source.Name, notes);

        Trace(clock, "sample and CRS");
        var mapping = FieldMapping.For(source.Columns, request.IdField, request.NameField, source.Name);
        notes.AddRange(mapping.Notes);
        var title = request.Title ?? (string?)existing?["titleZh"] ?? LayerEntry.DefaultTitle(request.Category);
        var staging = Path.Combine(layers, $".{request.LayerId}.import-{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}.gpkg");
        var state = new State(request, target, crs, mapping, target.Area is null ? null : new AreaCoverage(target.Area));
        Trace(clock, "area grid");
        var committed = false;
        try
        {
            using (var writer = GpkgLayerWriter.Create(staging, request.LayerId, target.WorkingEpsg, WorkingWkt(target.WorkingEpsg),
                       WorkingName(target.WorkingEpsg), mapping.Columns.Select(c => c.Column).ToList(), title))
            {
                Pump(sample, records, source, state, writer, progress, cancellationToken);
                Trace(clock, "read, checked, written: " + string.Join(", ", State.Steps.Select((n, i) =>
                    string.Create(CultureInfo.InvariantCulture, $"{n} {state.Ticks[i] / (double)Stopwatch.Frequency:0.0} s"))));
                if (source is GeoJsonImportSource { LateCrs: { } late } && late.Epsg != crs.SourceEpsg)
                {
                    throw new InputException(
                        $"GeoJSON 的 crs 成员（EPSG:{late.Epsg}）写在 features 之后，与导入时采用的 {Epsg.Name(crs.SourceEpsg)} 不同（crs member after the features disagrees）。",
                        $"用 --crs EPSG:{late.Epsg} 重新导入，或把 crs 成员移到 features 之前。", source.Name);
                }

                if (state.Written == 0)
                {
                    throw new InputException("没有可导入的要素：所有要素都没有几何或无法使用（nothing to import）。", "请检查图层是否为空，或几何是否完整。", source.Name);
                }

                var overlaps = state.Polygonal
                    ? OverlapFinder.Find(state.Geometries, f => progress?.Invoke(new ImportProgress("重叠检查", state.Read, f)), cancellationToken)
                    : [];
                state.Overlaps = overlaps;
                Trace(clock, "overlaps");
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Invoke(new ImportProgress("写入索引", state.Read, null));
                writer.Complete(state.GeometryType);
                Trace(clock, "index and file complete");
            }

            var entry = LayerEntry.Build(request, target, title, file, source, crs, state.Written, notes);
            cancellationToken.ThrowIfCancellationRequested();
            var replaced = ImportCommit.Commit(target.Catalog, staging, finalPath, entry);
            committed = true;
            Trace(clock, "committed");
            progress?.Invoke(new ImportProgress("完成", state.Read, 1));
            return state.Report(source, file, replaced, entry, notes, clock.Elapsed.TotalSeconds);
        }
        finally
        {
            if (!committed && File.Exists(staging))
            {
                File.Delete(staging);
            }
        }
    }

    private const string LayerCatalogFile = "catalog.json";

    private static void Trace(Stopwatch clock, string what)
    {
        if (Tracing)
        {
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"[import] {clock.Elapsed.TotalSeconds,7:0.000} s  {what}  (GC heap {GC.GetTotalMemory(false) / 1048576.0:0} MB, peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:0} MB, GC pauses {GC.GetTotalPauseDuration().TotalSeconds:0.00} s in {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} collections)"));
        }
    }

    /// <summary>
    /// Reads the rest of the source in batches: the reader task cuts batches in file order, worker tasks process them
    /// (decode, transform, repair, measure, outside test), and this thread writes them in order.
    /// </summary>
    private static void Pump(List<PendingRecord> sample, IEnumerator<PendingRecord> records, IImportSource source, State state,
        GpkgLayerWriter writer, Action<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var token = stop.Token;
        var workers = Math.Clamp(Environment.ProcessorCount, 1, 8);
        var toWork = Channel.CreateBounded<Batch>(new BoundedChannelOptions(workers * 2) { SingleWriter = true });
        var inOrder = Channel.CreateBounded<Batch>(new BoundedChannelOptions(workers * 4) { SingleWriter = true, SingleReader = true });

        var reader = Task.Run(async () =>
        {
            try
            {
                var batch = new List<PendingRecord>(BatchSize);
                var sequence = 0L;
                async Task Send()
                {
                    var b = new Batch(sequence++, [.. batch]);
                    batch.Clear();
                    await inOrder.Writer.WriteAsync(b, token).ConfigureAwait(false);
                    await toWork.Writer.WriteAsync(b, token).ConfigureAwait(false);
                }

                foreach (var r in sample)
                {
                    batch.Add(r);
                    if (batch.Count == BatchSize)
                    {
                        await Send().ConfigureAwait(false);
                    }
                }

                while (true)
                {
                    var t = Tracing ? Stopwatch.GetTimestamp() : 0;
                    var more = records.MoveNext();
                    if (Tracing)
                    {
                        Interlocked.Add(ref state.Ticks[7], Stopwatch.GetTimestamp() - t);
                    }

                    if (!more)
                    {
                        break;
                    }

                    batch.Add(records.Current);
                    if (batch.Count == BatchSize)
                    {
                        await Send().ConfigureAwait(false);
                    }
                }

                if (batch.Count > 0)
                {
                    await Send().ConfigureAwait(false);
                }
            }
            finally
            {
                inOrder.Writer.TryComplete();
                toWork.Writer.TryComplete();
            }
        }, token);

        var pool = Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            await foreach (var batch in toWork.Reader.ReadAllAsync(token).ConfigureAwait(false))
            {
                try
                {
                    state.Process(batch, token);
                    batch.Done.TrySetResult();
                }
                catch (Exception e)
                {
                    batch.Done.TrySetException(e);
                    throw;
                }
            }
        }, token)).ToList();

        try
        {
            var next = 0L;
            while (inOrder.Reader.WaitToReadAsync(token).AsTask().GetAwaiter().GetResult())
            {
                while (inOrder.Reader.TryRead(out var batch))
                {
                    Debug.Assert(batch.Sequence == next++, "batches arrive in order");
                    batch.Done.Task.GetAwaiter().GetResult();
                    state.Write(batch, writer);
                    progress?.Invoke(new ImportProgress("读取", state.Read, source.Count is > 0 ? (double)state.Read / source.Count.Value : source.Progress));
                }
            }

            reader.GetAwaiter().GetResult();
        }
        catch
        {
            stop.Cancel();
            var all = pool.Append(reader).ToArray();
            try
            {
                Task.WaitAll(all);
            }
            catch (AggregateException)
            {
                // The first real failure is rethrown below; the others are its consequences (cancellation).
            }

            var failure = all.Where(t => t.IsFaulted).SelectMany(t => t.Exception!.InnerExceptions)
                .FirstOrDefault(e => e is not OperationCanceledException);
            if (failure is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
            }

            throw;
        }

        Task.WaitAll(pool.ToArray());
    }

    /// <summary>
    /// A layer whose CRS was only guessed, and which then lies far from the data area, has most likely been guessed
    /// wrong (a Gauss-Kruger easting without its zone prefix names no zone): refused. A declared CRS is believed, and noted.
    /// </summary>
    private static void RequireNearArea(ImportTarget target, ResolvedCrs crs, Envelope sample, bool guessed, string file, List<string> notes)
    {
        if (target.Area is null)
        {
            return;
        }

        var box = ImportGeometry.Factory.ToGeometry(sample);
        ImportCrs.ToWorking(box, crs, target.WorkingEpsg);
        var distanceKm = box.EnvelopeInternal.Distance(target.Area.EnvelopeInternal) / 1000;
        if (distanceKm <= 50)
        {
            return;
        }

        var where = string.Create(CultureInfo.InvariantCulture, $"按 {Epsg.Name(crs.SourceEpsg)} 读，图层前面的要素距数据范围（{target.AreaNameZh}）约 {distanceKm:0} km");
        if (guessed)
        {
            throw new InputException($"{where}，坐标系很可能判断错了（the layer lands {distanceKm:0} km from the data area: the CRS is probably wrong）。",
                "请用 --crs EPSG:n 指明图层的坐标系（不带带号的 3 度带坐标无法从数值判断带号），或确认 --data 指向了正确的数据文件夹。", file);
        }

        notes.Add($"{where}：请确认图层与数据文件夹对应（the layer lies {distanceKm:0} km from the data area）。");
    }

    private static string WorkingWkt(int epsg) => Zone(epsg).Wkt;

    private static string WorkingName(int epsg) => Zone(epsg).RegistryName;

    private static GaussKrugerZone Zone(int epsg) => GaussKrugerZone.FromEpsg(epsg) ?? throw new InvalidOperationException($"EPSG:{epsg} is not a working CRS");

    /// <summary>A run of records, processed by one worker and written in order.</summary>
    private sealed class Batch(long sequence, PendingRecord[] records)
    {
        public long Sequence { get; } = sequence;

        public PendingRecord[] Records { get; } = records;

        public Item[] Items { get; } = new Item[records.Length];

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Total area of the batch's written geometries, m².</summary>
        public double AreaM2 { get; set; }
    }

    /// <summary>One processed record.</summary>
    private struct Item
    {
        public Geometry? Geometry;
        public object?[]? Row;
        public bool Outside;
        public string? Skip;
        public (string Problem, string Action, double Change)? Repair;
        public int Unfit;
    }

    /// <summary>Everything the import accumulates, and the per-record work.</summary>
    private sealed class State(ImportRequest request, ImportTarget target, ResolvedCrs crs, FieldMapping mapping, AreaCoverage? coverage)
    {
        /// <summary>Time spent per step, in Stopwatch ticks, summed over threads (only with SPATIALPLAN_IMPORT_TRACE=1).</summary>
        public readonly long[] Ticks = new long[8];

        public static readonly string[] Steps = ["decode", "row", "transform", "validity", "area", "outside", "write", "read"];

        private long Tick(int step, long since)
        {
            if (!Tracing)
            {
                return 0;
            }

            var now = Stopwatch.GetTimestamp();
            Interlocked.Add(ref Ticks[step], now - since);
            return now;
        }

        private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
        private readonly List<string> _idByFid = [];
        private readonly List<SkippedFeature> _skipped = [];
        private readonly List<ImportRepair> _repairs = [];
        private readonly List<FeatureRef> _outside = [];
        private readonly List<string> _duplicates = [];
        private readonly bool _polygons = LayerEntry.NeedsPolygons(request.Category);
        private long _skippedCount;
        private long _repairCount;
        private long _outsideCount;
        private long _duplicateCount;
        private long _unfit;
        private double _area;
        private double _attributeMu;
        private bool _hasAttributeMu;
        private int _kinds; // bit 1: Polygon, 2: MultiPolygon, 4: other

        public long Read { get; private set; }

        public long Written { get; private set; }

        /// <summary>Written geometries by fid − 1 (polygonal ones only, for the overlap join), kept compactly.</summary>
        public KeptShapes Geometries { get; } = new();

        public bool Polygonal => (_kinds & 4) == 0 && _kinds != 0;

        public List<Overlap> Overlaps { get; set; } = [];

        /// <summary>POLYGON or MULTIPOLYGON when every feature was one, else null (keep GEOMETRY).</summary>
        public string? GeometryType => _kinds switch
        {
            1 => "POLYGON",
            2 => "MULTIPOLYGON",
            _ => null,
        };

        /// <summary>Worker side: decode, check, transform, repair, measure.</summary>
        public void Process(Batch batch, CancellationToken cancellationToken)
        {
            for (var i = 0; i < batch.Records.Length; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var record = batch.Records[i];
                var t = Tracing ? Stopwatch.GetTimestamp() : 0;
                var (geometry, values) = record.Decode();
                t = Tick(0, t);
                ref var item = ref batch.Items[i];
                var unfit = 0;
                item.Row = mapping.Row(values, record.Index + 1, ref unfit);
                item.Unfit = unfit;
                t = Tick(1, t);
                if (geometry is null || geometry.IsEmpty)
                {
                    item.Skip = "没有几何（空几何或 .dbf 中已删除的记录），未导入（no geometry: not imported）";
                    continue;
                }

                // A multi-geometry of one part is that part (NetTopologySuite, GDAL and Shapefiles often wrap single polygons).
                if (geometry is GeometryCollection { NumGeometries: 1 } single && geometry is MultiPolygon or MultiLineString or MultiPoint)
                {
                    geometry = single.GetGeometryN(0);
                }

                if (_polygons && geometry is not (Polygon or MultiPolygon))
                {
                    throw new InputException(
                        $"这个要素是{geometry.GeometryType}，而“{LayerEntry.DefaultTitle(request.Category)}”图层只能由面（Polygon/MultiPolygon）组成（not a polygon）。",
                        "请确认导入的是面图层（图斑），线、点图层请用 --category base。", null, (int)Math.Min(record.Index, int.MaxValue));
                }

                ImportCrs.ToWorking(geometry, crs, target.WorkingEpsg);
                t = Tick(2, t);
                if (!Finite(geometry))
                {
                    throw new InputException("坐标转换后不是有效数字（超出坐标系的范围）（coordinates out of the CRS's range）。",
                        "请检查该要素的坐标和图层的坐标系。", null, (int)Math.Min(record.Index, int.MaxValue));
                }

                if (geometry is Polygon or MultiPolygon && !GeometryChecks.CertainlyValid(geometry))
                {
                    var op = new IsValidOp(geometry);
                    if (!op.IsValid)
                    {
                        var error = op.ValidationError;
                        var before = PlanarMeasure.AreaM2(geometry);
                        var repaired = GeometryFixer.Fix(geometry);
                        if (repaired.IsEmpty || repaired is not (Polygon or MultiPolygon))
                        {
                            item.Skip = $"几何无效（{Describe(error)}），修复后为空，未导入（invalid geometry collapses when repaired: not imported）";
                            continue;
                        }

                        geometry = ImportGeometry.Factory.CreateGeometry(repaired);
                        var after = PlanarMeasure.AreaM2(geometry);
                        item.Repair = ($"几何无效：{Describe(error)}（invalid geometry: {error.Message}）",
                            string.Create(CultureInfo.InvariantCulture, $"已用 GeometryFixer 修复为 {geometry.GeometryType}（{geometry.NumGeometries} 个部分），面积 {before:0.##} → {after:0.##} m²（repaired）"),
                            after - before);
                    }
                }

                t = Tick(3, t);
                item.Geometry = geometry;
                item.Outside = coverage?.IsOutside(geometry) ?? false;
                Tick(5, t);
            }

            // The batch's area in one measurement: PlanarMeasure finds the latitude (for ρν) once per geometry it is
            // given, and that lookup costs more than the integral for a small parcel. ρν varies by 1e-4 per degree of
            // latitude and enters the correction (≈ 2e-4 here) linearly: one latitude per batch moves the area by < 1e-7.
            var start = Tracing ? Stopwatch.GetTimestamp() : 0;
            var polygons = batch.Items.Where(it => it.Geometry is Polygon or MultiPolygon).Select(it => it.Geometry!).ToArray();
            batch.AreaM2 = polygons.Length == 0 ? 0 : PlanarMeasure.AreaM2(ImportGeometry.Factory.CreateGeometryCollection(polygons));
            Tick(4, start);
        }

        /// <summary>Writer side, in file order.</summary>
        public void Write(Batch batch, GpkgLayerWriter writer)
        {
            _area += batch.AreaM2;
            for (var i = 0; i < batch.Items.Length; i++)
            {
                ref var item = ref batch.Items[i];
                Read++;
                if (item.Skip is not null)
                {
                    _skippedCount++;
                    if (_skipped.Count < ImportReport.MaxListed)
                    {
                        _skipped.Add(new SkippedFeature(batch.Records[i].Index + 1, item.Skip));
                    }

                    continue;
                }

                var g = item.Geometry!;
                var t = Tracing ? Stopwatch.GetTimestamp() : 0;
                writer.Add(g, item.Row!);
                Tick(6, t);
                Written++;
                var fid = writer.Count;
                var id = item.Row![mapping.IdColumn] as string ?? string.Empty;
                _idByFid.Add(id);
                _kinds |= g is Polygon ? 1 : g is MultiPolygon ? 2 : 4;
                Geometries.Add(_polygons || g is Polygon or MultiPolygon ? g : null);
                _unfit += item.Unfit;
                if (mapping.AreaMuColumn >= 0 && item.Row[mapping.AreaMuColumn] is double mu)
                {
                    _attributeMu += mu;
                    _hasAttributeMu = true;
                }

                if (!_ids.Add(id))
                {
                    _duplicateCount++;
                    if (_duplicates.Count < 100)
                    {
                        _duplicates.Add(id);
                    }
                }

                if (item.Repair is { } r)
                {
                    _repairCount++;
                    if (_repairs.Count < ImportReport.MaxListed)
                    {
                        _repairs.Add(new ImportRepair(fid, id, r.Problem, r.Action, r.Change));
                    }
                }

                if (item.Outside)
                {
                    _outsideCount++;
                    if (_outside.Count < ImportReport.MaxListed)
                    {
                        _outside.Add(new FeatureRef(fid, id));
                    }
                }

                batch.Records[i] = null!; // the record and its row can go
                item.Row = null;
            }
        }

        public ImportReport Report(IImportSource source, string file, bool replaced, System.Text.Json.Nodes.JsonObject entry, List<string> notes, double seconds)
        {
            if (_unfit > 0)
            {
                notes.Add(string.Create(CultureInfo.InvariantCulture, $"{_unfit} 个属性值与字段类型不符（如数值字段中的文字），已写为空值（values that did not fit their column were written as null）。"));
            }

            if (_duplicateCount > 0)
            {
                notes.Add(string.Create(CultureInfo.InvariantCulture,
                    $"有 {_duplicateCount} 个要素的 id 与前面的要素重复（如 {string.Join("、", _duplicates.Take(5))}）：图斑编号在本图层内不唯一，可用 --id-field 换一个唯一的字段（如 BSM）（duplicate ids）。"));
            }

            return new ImportReport
            {
                Source = source.Name,
                Format = source.Format,
                LayerId = request.LayerId,
                Category = request.Category,
                TitleZh = (string?)entry["titleZh"] ?? string.Empty,
                LayerFile = file,
                Replaced = replaced,
                SourceCrs = Epsg.Name(crs.SourceEpsg),
                WorkingCrs = Epsg.Name(target.WorkingEpsg),
                CrsReasonZh = crs.ReasonZh,
                AxesSwapped = crs.AxesSwapped,
                FeaturesRead = Read,
                FeaturesWritten = Written,
                Skipped = _skipped,
                SkippedCount = _skippedCount,
                AreaM2 = _area,
                AttributeAreaMu = _hasAttributeMu ? _attributeMu : null,
                Fields = mapping.Normalised,
                RenamedColumns = mapping.Renamed,
                UnfitValues = _unfit,
                RepairCount = _repairCount,
                Repairs = _repairs,
                OverlapCount = Overlaps.Count,
                OverlapAreaM2 = Overlaps.Sum(o => o.AreaM2),
                Overlaps = Overlaps.Take(ImportReport.MaxListed)
                    .Select(o => new ImportOverlap(o.A + 1, _idByFid[o.A], o.B + 1, _idByFid[o.B], o.AreaM2, AreaUnits.ToMu(o.AreaM2))).ToList(),
                AreaNameZh = coverage is null ? null : target.AreaNameZh,
                OutsideCount = _outsideCount,
                Outside = _outside,
                DuplicateIdCount = _duplicateCount,
                DuplicateIds = _duplicates,
                Notes = notes,
                CatalogEntry = entry,
                Seconds = seconds,
            };
        }

        private static bool Finite(Geometry g)
        {
            var e = g.EnvelopeInternal;
            return double.IsFinite(e.MinX) && double.IsFinite(e.MaxX) && double.IsFinite(e.MinY) && double.IsFinite(e.MaxY);
        }

        private static string Describe(TopologyValidationError error)
        {
            var what = GeometryRepairer.ErrorNameZh(error);
            return error.Coordinate is { } c
                ? string.Create(CultureInfo.InvariantCulture, $"{what}，位置 X(东)={c.X:0.###}, Y(北)={c.Y:0.###}")
                : what;
        }
    }
}
