using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using SpatialPlan.Cli.Output;
using SpatialPlan.Core.Import;
using SpatialPlan.Core.Measurement;
using SpatialPlan.Core.Sources;

namespace SpatialPlan.Cli.Commands;

/// <summary>
/// <c>spatialplan import SOURCE --data DIR --as ID --category C</c>: an official layer (Shapefile, GeoPackage, GeoJSON,
/// GeoJSON Lines) into <c>layers/&lt;ID&gt;.gpkg</c> of the data folder, with its catalog entry. Progress goes to stderr
/// (a bar on a terminal, a line every few seconds in a pipe); the report to stdout (text, or JSON with --format json).
/// </summary>
internal static class ImportCommand
{
    private static readonly string[] Formats = ["text", "json"];

    public static Command Create()
    {
        var source = new Argument<string>("source")
        {
            Description = "图层文件：Shapefile（.shp 或 .zip）、GeoPackage（文件.gpkg 或 文件.gpkg:表名）、GeoJSON（.geojson）、GeoJSON Lines（.geojsonl）。" +
                          "The layer file: Shapefile (.shp or .zip), GeoPackage (file.gpkg or file.gpkg:table), GeoJSON, GeoJSON Lines.",
        };
        var data = new Option<string?>("--data") { Description = "目标数据文件夹（含 catalog.json）。The data folder to import into.", Required = true };
        var id = new Option<string?>("--as") { Description = "新图层的 id（也是文件名 layers/<id>.gpkg），如 jbnt-2023。The new layer's id.", Required = true };
        var category = new Option<string?>("--category")
        {
            Description = "图层类别，如 permanent-farmland、ecological-redline、urban-boundary（见 spatialplan import --help）。The layer's category.",
            Required = true,
        };
        var title = new Option<string?>("--title") { Description = "图层中文名称（默认为类别名称）。The Chinese title." };
        var crs = new Option<string?>("--crs") { Description = "源文件的坐标系，如 EPSG:4524；不给则读 .prj 等或按坐标判断。The source CRS." };
        var idField = new Option<string?>("--id-field") { Description = "作为图斑编号（id）的字段，默认自动识别（YJJBNTTBBH、JBNTTBBH、TBBH…）。The 图斑编号 field." };
        var nameField = new Option<string?>("--name-field") { Description = "作为名称（name）的字段，默认自动识别（ZLDWMC 等）。The name field." };
        var replace = new Option<bool>("--replace") { Description = "替换同 id 的已有图层。Replace a layer with the same id." };
        var format = new Option<string?>("--format") { Description = "报告格式 text | json（默认 text）。Report format." };
        var command = new Command("import",
            "把官方图层（Shapefile、GeoPackage、GeoJSON、GeoJSON Lines）导入数据文件夹：建 R-tree 索引的 GeoPackage 并登记到 catalog.json。" +
            "Import an official layer into the data folder as an indexed GeoPackage with its catalog entry.")
        {
            source, data, id, category, title, crs, idField, nameField, replace, format,
        };
        command.SetAction(async (parsed, token) =>
        {
            await Task.Yield();
            var output = CommonOptions.ParseFormat(parsed.GetValue(format), Formats);
            var request = new ImportRequest(parsed.GetValue(source)!, parsed.GetValue(data)!, parsed.GetValue(id)!, parsed.GetValue(category)!)
            {
                Title = string.IsNullOrWhiteSpace(parsed.GetValue(title)) ? null : parsed.GetValue(title)!.Trim(),
                Crs = ParseEpsg(parsed.GetValue(crs)),
                IdField = parsed.GetValue(idField),
                NameField = parsed.GetValue(nameField),
                Replace = parsed.GetValue(replace),
            };
            var stderr = parsed.InvocationConfiguration.Error;
            var bar = new ProgressDisplay(stderr, ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected);
            ImportReport report;
            try
            {
                report = LayerImporter.Run(request, bar.Show, token);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                bar.Clear();
                stderr.WriteLine("导入已停止（被中断，或超出时间上限 SPATIALPLAN_WORK_SECONDS）：数据文件夹没有任何改动。" +
                                 " The import was stopped (interrupted or over its time budget): the data folder is unchanged.");
                return ExitCodes.BadInput;
            }
            finally
            {
                bar.Clear();
            }

            var o = parsed.InvocationConfiguration.Output;
            if (output == "json")
            {
                o.WriteLine(report.ToJson());
            }
            else
            {
                WriteText(report, o);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>EPSG:n or n, for the codes an import reads (the CGCS2000 3° zones included).</summary>
    private static int? ParseEpsg(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var digits = text.Trim().Replace("EPSG:", string.Empty, StringComparison.OrdinalIgnoreCase);
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var code) && code is > 0 and < 1_000_000
            ? code
            : throw new InputException($"--crs “{text}” 不是 EPSG 代码（not an EPSG code）。", "写成 EPSG:4524 或 4524 的形式。");
    }

    private static void WriteText(ImportReport r, TextWriter o)
    {
        o.WriteLine($"导入完成：{r.LayerId}（{r.TitleZh}，{r.Category}）← {r.Source}（{r.Format}）");
        o.WriteLine($"  写入：{r.LayerFile}（{r.WorkingCrs}，R-tree 索引）；catalog.json {(r.Replaced ? "已替换该图层条目" : "已新增图层条目")}");
        o.WriteLine($"  坐标系：{r.SourceCrs} → {r.WorkingCrs}。{r.CrsReasonZh}");
        o.WriteLine($"  要素：读取 {r.FeaturesRead:N0} 个，写入 {r.FeaturesWritten:N0} 个，未导入 {r.SkippedCount:N0} 个");
        o.WriteLine($"  面积合计：{r.AreaMu:N2} 亩 = {r.AreaHa:N4} 公顷 = {r.AreaM2:N1} 平方米（按 {r.WorkingCrs} 的投影变形改正）" +
                    (r.AttributeAreaMu is { } mu ? $"；属性面积（{r.Fields["areaMu"]}）合计 {mu:N2} 亩" : string.Empty));
        o.WriteLine($"  字段：{string.Join("；", r.Fields.Select(f => $"{f.Key} ← {f.Value}"))}；其余 {(r.RenamedColumns.Count == 0 ? "原字段按原名保留" : "原字段保留，改名：" + string.Join("、", r.RenamedColumns))}");

        o.WriteLine($"  几何修复：{r.RepairCount:N0} 个");
        var repairs = new TextTable(["fid", "id", "问题", "处理"], [true, false, false, false]);
        foreach (var x in r.Repairs.Take(20))
        {
            repairs.Add(x.Fid.ToString(CultureInfo.InvariantCulture), x.Id, x.Problem, x.Action);
        }

        Table(repairs, r.Repairs.Count, r.RepairCount, o);
        o.WriteLine($"  重叠图斑：{r.OverlapCount:N0} 对，重叠面积合计 {r.OverlapAreaM2:N2} 平方米（{AreaUnits.ToMu(r.OverlapAreaM2):N3} 亩）");
        var overlaps = new TextTable(["fid A", "id A", "fid B", "id B", "重叠面积（平方米）"], [true, false, true, false, true]);
        foreach (var x in r.Overlaps.OrderByDescending(x => x.AreaM2).Take(20))
        {
            overlaps.Add(x.FidA.ToString(CultureInfo.InvariantCulture), x.IdA, x.FidB.ToString(CultureInfo.InvariantCulture), x.IdB, x.AreaM2.ToString("N2", CultureInfo.InvariantCulture));
        }

        Table(overlaps, r.Overlaps.Count, r.OverlapCount, o);
        if (r.AreaNameZh is null)
        {
            o.WriteLine("  数据范围外：未检查（catalog.json 没有 area）");
        }
        else
        {
            o.WriteLine($"  数据范围（{r.AreaNameZh}）外：{r.OutsideCount:N0} 个");
            var outside = new TextTable(["fid", "id"], [true, false]);
            foreach (var x in r.Outside.Take(20))
            {
                outside.Add(x.Fid.ToString(CultureInfo.InvariantCulture), x.Id);
            }

            Table(outside, r.Outside.Count, r.OutsideCount, o);
        }

        if (r.SkippedCount > 0)
        {
            o.WriteLine($"  未导入：{r.SkippedCount:N0} 个");
            foreach (var s in r.Skipped.Take(20))
            {
                o.WriteLine($"    第 {s.Feature} 个要素：{s.Reason}");
            }
        }

        foreach (var note in r.Notes)
        {
            o.WriteLine($"  说明：{note}");
        }

        o.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  用时 {r.Seconds:0.0} 秒（{(r.Seconds > 0 ? r.FeaturesRead / r.Seconds : 0):N0} 个要素/秒）。完整清单：--format json。"));
    }

    private static void Table(TextTable table, int listed, long count, TextWriter o)
    {
        if (listed == 0)
        {
            return;
        }

        table.WriteTo(o, "    ");
        if (count > Math.Min(listed, 20))
        {
            o.WriteLine($"    …… 共 {count:N0} 个，这里列出前 20 个；--format json 列出{(count > listed ? $"前 {listed:N0} 个" : "全部")}。");
        }
    }

    /// <summary>A progress bar on a terminal (redrawn at most 5 times a second), or a plain line every 3 s in a pipe.</summary>
    private sealed class ProgressDisplay(TextWriter stderr, bool terminal)
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly Lock _lock = new();
        private TimeSpan _last = TimeSpan.MinValue;
        private string? _phase;
        private bool _drawn;

        public void Show(ImportProgress p)
        {
            lock (_lock)
            {
                var now = _clock.Elapsed;
                var interval = terminal ? TimeSpan.FromMilliseconds(200) : TimeSpan.FromSeconds(3);
                if (p.Phase == _phase && now - _last < interval && p.Fraction is not 1)
                {
                    return;
                }

                _phase = p.Phase;
                _last = now;
                var rate = now.TotalSeconds > 0 ? p.Features / now.TotalSeconds : 0;
                var percent = p.Fraction is { } f ? string.Create(CultureInfo.InvariantCulture, $"{f * 100,5:0.0}%") : "   — ";
                if (terminal)
                {
                    const int Width = 30;
                    var filled = (int)Math.Round((p.Fraction ?? 0) * Width);
                    stderr.Write(string.Create(CultureInfo.InvariantCulture,
                        $"\r{p.Phase} [{new string('#', filled)}{new string('.', Width - filled)}] {percent}  {p.Features:N0} 个要素  {rate:N0} 个/秒   "));
                    _drawn = true;
                }
                else
                {
                    stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{p.Phase}：{p.Features} 个要素，{percent.Trim()}，{rate:0} 个/秒，{now.TotalSeconds:0} 秒（{p.Phase}: {p.Features} features）"));
                }
            }
        }

        public void Clear()
        {
            lock (_lock)
            {
                if (_drawn)
                {
                    stderr.Write("\r" + new string(' ', 100) + "\r");
                    _drawn = false;
                }
            }
        }
    }
}
