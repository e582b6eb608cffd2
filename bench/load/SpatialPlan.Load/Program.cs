// SpatialPlan load script (issue 11 §7): N concurrent planners, each checking sample projects (POST /api/checks) and
// saving every k-th one as a record (POST /api/records), with think time between requests, for a given duration.
// It starts the app as a process over a copy of the data folder (or targets --url), samples the app's RSS from /proc,
// and reports errors, check and save latency percentiles, throughput and RSS growth after warm-up.
// Only loopback addresses are allowed as targets.
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var o = Options.Parse(args);
var samples = Sample.Load(o.Data);
Console.WriteLine($"load: {o.Users} users, {o.Duration.TotalSeconds:0} s ({o.Warmup.TotalSeconds:0} s warm-up), think {o.ThinkMs} ms ±50 %, a save every {o.SaveEvery} checks, {samples.Count} sample projects");

using var app = o.Url is null ? AppUnderTest.Start(o.App, o.Data) : null;
var baseUrl = o.Url ?? app!.BaseAddress;
if (!baseUrl.IsLoopback)
{
    Console.Error.WriteLine($"load: {baseUrl} is not a loopback address; this script only loads servers on this machine.");
    return 2;
}

Console.WriteLine($"load: target {baseUrl}{(app is null ? string.Empty : $" (pid {app.Pid}, data copy {app.DataDir})")}");
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = o.Users * 2, PooledConnectionLifetime = TimeSpan.FromMinutes(30) })
{
    BaseAddress = baseUrl,
    Timeout = TimeSpan.FromSeconds(120),
};

var results = new ConcurrentBag<Result>();
var rss = new ConcurrentQueue<(double Seconds, long Bytes)>();
var clock = Stopwatch.StartNew();
using var stop = new CancellationTokenSource(o.Duration);
var sampler = Task.Run(async () =>
{
    while (!stop.IsCancellationRequested)
    {
        if (app is not null)
        {
            rss.Enqueue((clock.Elapsed.TotalSeconds, app.RssBytes()));
        }

        try
        {
            await Task.Delay(TimeSpan.FromSeconds(5), stop.Token);
        }
        catch (OperationCanceledException)
        {
        }
    }
});

var users = Enumerable.Range(0, o.Users).Select(u => Task.Run(async () =>
{
    var random = new Random(u);
    await Delay(random.Next(0, Math.Max(1, o.ThinkMs * 2)), stop.Token); // users arrive spread out
    for (var i = 0; !stop.IsCancellationRequested; i++)
    {
        var sample = samples[random.Next(samples.Count)];
        await Timed("check", u, () => http.PostAsync("/api/checks", sample.Form(null), stop.Token));
        if ((i + 1) % o.SaveEvery == 0 && !stop.IsCancellationRequested)
        {
            await Delay(Think(random), stop.Token);
            await Timed("save", u, () => http.PostAsync("/api/records", sample.Form($"{sample.Name}（负载测试 {u}-{i}）"), stop.Token));
        }

        await Delay(Think(random), stop.Token);
    }
})).ToList();

await Task.WhenAll(users);
await sampler;
if (app is not null)
{
    rss.Enqueue((clock.Elapsed.TotalSeconds, app.RssBytes()));
}

var report = Report.Build(o, results.ToList(), rss.ToList(), app);
Console.WriteLine(report.Text);
if (o.Out is not null)
{
    File.WriteAllText(o.Out, JsonSerializer.Serialize(report.Figures, new JsonSerializerOptions { WriteIndented = true }));
    Console.WriteLine($"load: figures written to {o.Out}");
}

return report.Errors == 0 ? 0 : 1;

int Think(Random random) => o.ThinkMs == 0 ? 0 : random.Next(o.ThinkMs / 2, o.ThinkMs * 3 / 2);

async Task Timed(string kind, int user, Func<Task<HttpResponseMessage>> send)
{
    var started = clock.Elapsed;
    var watch = Stopwatch.StartNew();
    try
    {
        using var response = await send();
        var body = await response.Content.ReadAsStringAsync();
        watch.Stop();
        var ok = kind == "save" ? response.StatusCode == HttpStatusCode.Created : response.IsSuccessStatusCode;
        results.Add(new Result(kind, started.TotalSeconds, watch.Elapsed.TotalMilliseconds, ok ? null : $"{(int)response.StatusCode} {Short(body)}"));
    }
    catch (OperationCanceledException) when (stop.IsCancellationRequested)
    {
        // the run ended while this request was in flight: not counted
    }
    catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
    {
        results.Add(new Result(kind, started.TotalSeconds, watch.Elapsed.TotalMilliseconds, $"{e.GetType().Name}: {Short(e.Message)}"));
    }
}

static async Task Delay(int ms, CancellationToken ct)
{
    try
    {
        await Task.Delay(ms, ct);
    }
    catch (OperationCanceledException)
    {
    }
}

static string Short(string text) => text.Length > 160 ? text[..160] + "…" : text;

internal sealed record Result(string Kind, double At, double Ms, string? Error);

internal sealed record Options(int Users, TimeSpan Duration, TimeSpan Warmup, int ThinkMs, int SaveEvery, string Data, string App, Uri? Url, string? Out)
{
    public static Options Parse(string[] args)
    {
        string? Get(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var root = FindRoot();
        return new Options(
            int.Parse(Get("--users") ?? "50", CultureInfo.InvariantCulture),
            TimeSpan.FromSeconds(double.Parse(Get("--duration") ?? "120", CultureInfo.InvariantCulture)),
            TimeSpan.FromSeconds(double.Parse(Get("--warmup") ?? "30", CultureInfo.InvariantCulture)),
            int.Parse(Get("--think-ms") ?? "5000", CultureInfo.InvariantCulture),
            Math.Max(1, int.Parse(Get("--save-every") ?? "5", CultureInfo.InvariantCulture)),
            Path.GetFullPath(Get("--data") ?? Path.Combine(root, "gis-data")),
            Path.GetFullPath(Get("--app") ?? Path.Combine(root, "src", "SpatialPlan.App", "bin", "Release", "net10.0", "linux-x64", "SpatialPlan.App")),
            Get("--url") is { } url ? new Uri(url) : null,
            Get("--out"));
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "gis-data", "catalog.json")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}

/// <summary>A sample project from gis-data/samples/projects/index.json with the options it is checked with.</summary>
internal sealed record Sample(string Name, string FileName, byte[] Bytes, string Type, string[] Majors, double? Width, double? Radius, string? Crs)
{
    public static List<Sample> Load(string data)
    {
        var folder = Path.Combine(data, "samples", "projects");
        using var index = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "index.json")));
        return [.. index.RootElement.EnumerateArray().Select(e => new Sample(
            e.GetProperty("nameZh").GetString()!,
            e.GetProperty("file").GetString()!,
            File.ReadAllBytes(Path.Combine(folder, e.GetProperty("file").GetString()!)),
            e.GetProperty("type").GetString()!,
            [.. e.GetProperty("majors").EnumerateArray().Select(m => m.GetString()!)],
            e.GetProperty("width").ValueKind == JsonValueKind.Number ? e.GetProperty("width").GetDouble() : null,
            e.GetProperty("radius").ValueKind == JsonValueKind.Number ? e.GetProperty("radius").GetDouble() : null,
            e.GetProperty("crs").ValueKind == JsonValueKind.String ? e.GetProperty("crs").GetString() : null))];
    }

    /// <summary>The form the web page sends: the file and its settings (and the project's name when saving).</summary>
    public MultipartFormDataContent Form(string? projectName)
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(Bytes), "file", FileName }, { new StringContent(Type), "type" } };
        foreach (var major in Majors)
        {
            form.Add(new StringContent(major), "major");
        }

        void Add(string name, string? value)
        {
            if (value is not null)
            {
                form.Add(new StringContent(value), name);
            }
        }

        Add("width", Width?.ToString(CultureInfo.InvariantCulture));
        Add("radius", Radius?.ToString(CultureInfo.InvariantCulture));
        Add("crs", Crs);
        Add("projectName", projectName);
        return form;
    }
}

/// <summary>The app as a child process on a free loopback port over a copy of the data folder (the copy gets the records store).</summary>
internal sealed partial class AppUnderTest : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();

    private AppUnderTest(Process process, string dataDir)
    {
        _process = process;
        DataDir = dataDir;
        process.OutputDataReceived += (_, e) => { lock (_stdout) { _stdout.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (_stdout) { _stdout.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public string DataDir { get; }

    public int Pid => _process.Id;

    public static AppUnderTest Start(string appPath, string data)
    {
        if (!File.Exists(appPath))
        {
            throw new FileNotFoundException($"the app is not built at {appPath}: dotnet build src/SpatialPlan.App -c Release (or give --app / --url)");
        }

        var copy = Path.Combine(Directory.CreateTempSubdirectory("spatialplan-load-").FullName, "gis-data");
        foreach (var file in Directory.EnumerateFiles(data, "*", SearchOption.AllDirectories).Where(f => !Path.GetRelativePath(data, f).StartsWith("records/", StringComparison.Ordinal)))
        {
            var to = Path.Combine(copy, Path.GetRelativePath(data, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }

        var start = new ProcessStartInfo(appPath) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Path.GetDirectoryName(appPath)! };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var a in new[] { "--urls", "http://127.0.0.1:0", $"--SpatialPlan:DataDir={copy}", "--Logging:LogLevel:Default=Warning" })
        {
            start.ArgumentList.Add(a);
        }

        var app = new AppUnderTest(Process.Start(start)!, copy);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            lock (app._stdout)
            {
                if (Listening().Match(app._stdout.ToString()) is { Success: true } m)
                {
                    app.BaseAddress = new Uri(m.Groups[1].Value);
                    return app;
                }
            }

            if (app._process.WaitForExit(100))
            {
                throw new InvalidOperationException("the app exited at start-up: " + app._stdout);
            }
        }

        app.Dispose();
        throw new TimeoutException("the app did not start in 60 s");
    }

    public long RssBytes()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(Digits().Match(line).Value, CultureInfo.InvariantCulture) * 1024;
    }

    public long StoreBytes() => Directory.Exists(Path.Combine(DataDir, "records"))
        ? new DirectoryInfo(Path.Combine(DataDir, "records")).EnumerateFiles().Sum(f => f.Length)
        : 0;

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(Path.GetDirectoryName(DataDir)!, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [GeneratedRegex(@"open in a browser: (http://\S+)")]
    private static partial Regex Listening();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();
}

internal sealed record Report(string Text, Dictionary<string, object?> Figures, int Errors)
{
    public static Report Build(Options o, List<Result> results, List<(double Seconds, long Bytes)> rss, AppUnderTest? app)
    {
        var measured = results.Where(r => r.At >= o.Warmup.TotalSeconds).ToList();
        var errors = results.Where(r => r.Error is not null).ToList();
        var text = new StringBuilder();
        var figures = new Dictionary<string, object?>
        {
            ["users"] = o.Users,
            ["durationS"] = o.Duration.TotalSeconds,
            ["warmupS"] = o.Warmup.TotalSeconds,
            ["thinkMs"] = o.ThinkMs,
            ["saveEvery"] = o.SaveEvery,
            ["requests"] = results.Count,
            ["errors"] = errors.Count,
            ["cpus"] = Environment.ProcessorCount,
            ["date"] = DateTime.UtcNow.ToString("u", CultureInfo.InvariantCulture),
        };
        text.AppendLine($"requests: {results.Count} ({results.Count(r => r.Kind == "check")} checks, {results.Count(r => r.Kind == "save")} saves), errors: {errors.Count}");
        foreach (var group in errors.GroupBy(e => e.Error).OrderByDescending(g => g.Count()).Take(5))
        {
            text.AppendLine($"  {group.Count()} × {group.Key}");
        }

        foreach (var kind in new[] { "check", "save" })
        {
            var ms = measured.Where(r => r.Kind == kind && r.Error is null).Select(r => r.Ms).Order().ToList();
            if (ms.Count == 0)
            {
                continue;
            }

            var rate = ms.Count / (o.Duration - o.Warmup).TotalSeconds;
            text.AppendLine($"{kind} after warm-up: n={ms.Count} ({rate:0.0}/s)  p50 {P(ms, 50):0} ms  p95 {P(ms, 95):0} ms  p99 {P(ms, 99):0} ms  max {ms[^1]:0} ms");
            figures[kind] = new Dictionary<string, object> { ["n"] = ms.Count, ["perSecond"] = Math.Round(rate, 2), ["p50Ms"] = Math.Round(P(ms, 50)), ["p95Ms"] = Math.Round(P(ms, 95)), ["p99Ms"] = Math.Round(P(ms, 99)), ["maxMs"] = Math.Round(ms[^1]) };
        }

        if (rss.Count > 1)
        {
            var atWarmup = rss.First(r => r.Seconds >= o.Warmup.TotalSeconds - 0.001 || r == rss[^1]);
            var last = rss[^1];
            var peak = rss.Max(r => r.Bytes);
            var growth = (last.Bytes - atWarmup.Bytes) / (double)atWarmup.Bytes * 100;
            text.AppendLine($"RSS: {Mb(atWarmup.Bytes)} MB after warm-up ({atWarmup.Seconds:0} s), {Mb(last.Bytes)} MB at the end, peak {Mb(peak)} MB: growth {growth:+0.0;-0.0} % after warm-up");
            figures["rssAfterWarmupMb"] = Mb(atWarmup.Bytes);
            figures["rssEndMb"] = Mb(last.Bytes);
            figures["rssPeakMb"] = Mb(peak);
            figures["rssGrowthPercent"] = Math.Round(growth, 1);
            figures["rssSeries"] = rss.Select(r => new[] { Math.Round(r.Seconds), Mb(r.Bytes) }).ToList();
        }

        if (app is not null)
        {
            figures["storeMb"] = Mb(app.StoreBytes());
            text.AppendLine($"records store: {Mb(app.StoreBytes())} MB");
        }

        return new Report(text.ToString(), figures, errors.Count);
    }

    private static double P(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static double Mb(long bytes) => Math.Round(bytes / 1024.0 / 1024.0, 1);
}
