using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using Xunit.Abstractions;

namespace SpatialPlan.App.Tests;

/// <summary>
/// A burst of hostile sheet and upload requests against the app as a process: no 500, no request past its work
/// budget without a clean refusal, resident memory grows by less than 512 MB, and the app is alive at the end.
/// Prints the counts. About 20 s, so it carries the Slow trait (filter it out with Category!=Slow).
/// </summary>
[Trait("Category", "Slow")]
public sealed class HostileBurstTests(ITestOutputHelper output)
{
    private const long MaxGrowthBytes = 512L * 1024 * 1024;
    private const double WorkBudgetSeconds = 30;

    [Fact]
    public async Task ABurstOfHostileRequestsLeavesTheAppAliveWithinItsBudgets()
    {
        using var app = AppProcess.Start(AppFactory.FixtureData);
        Assert.False(app.HasExited, app.Stderr);
        using var client = app.Client();
        (await client.GetAsync("/api/sheets?format=png&dpi=72&paper=A4")).EnsureSuccessStatusCode(); // warm up: layers, fonts, JIT
        var baseline = app.RssBytes;

        var requests = Corpus().ToList();
        var results = new ConcurrentBag<(string Name, int Status, double Seconds)>();
        long peak = baseline;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested && !app.HasExited)
            {
                peak = Math.Max(peak, app.RssBytes);
                await Task.Delay(50);
            }
        });

        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (request, ct) =>
        {
            var clock = Stopwatch.StartNew();
            using var message = request.Make();
            using var response = await client.SendAsync(message, ct);
            await response.Content.ReadAsByteArrayAsync(ct);
            results.Add((request.Name, (int)response.StatusCode, clock.Elapsed.TotalSeconds));
        });
        await sampling.CancelAsync();
        await sampler;

        var alive = !app.HasExited && (await client.GetAsync("/api/layers")).StatusCode == HttpStatusCode.OK;
        var byStatus = results.GroupBy(r => r.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}×{g.Count()}");
        var serverErrors = results.Where(r => r.Status >= 500 && r.Status != 503).ToList();
        var slowSuccesses = results.Where(r => r.Status < 400 && r.Seconds > WorkBudgetSeconds).ToList();
        output.WriteLine($"requests {results.Count}: {string.Join(", ", byStatus)}");
        output.WriteLine($"5xx (not 503) {serverErrors.Count}; answered past the {WorkBudgetSeconds} s budget without a refusal {slowSuccesses.Count}; slowest {results.Max(r => r.Seconds):0.0} s");
        output.WriteLine($"RSS baseline {baseline / 1048576.0:0} MB, peak {peak / 1048576.0:0} MB, growth {(peak - baseline) / 1048576.0:0} MB, after {(app.HasExited ? 0 : app.RssBytes) / 1048576.0:0} MB; alive {alive}");

        Assert.True(alive, "the app died: " + app.Stderr);
        Assert.Empty(serverErrors);
        Assert.Empty(slowSuccesses);
        Assert.True(peak - baseline < MaxGrowthBytes, $"RSS grew by {(peak - baseline) / 1048576.0:0} MB");
        Assert.True(requests.Count >= 100);
    }

    private sealed record HostileRequest(string Name, Func<HttpRequestMessage> Make);

    /// <summary>Sheet queries and uploads a hostile or careless client sends, generated (not stored).</summary>
    private static IEnumerable<HostileRequest> Corpus()
    {
        const string Extent = "380000,4480000,480000,4570000";
        var redLine = AppProcessTests.RedLineExtent(0.5);
        foreach (var dpi in new[] { "abc", "", "0", "-1", "35", "601", "1e3", "NaN", "Infinity", "150.5", "1,50", "99999999999999999999", "0x96", " 150 ", "１５０" })
        {
            yield return Get($"dpi {dpi}", $"/api/sheets?format=png&paper=A4&extent={Extent}&dpi={Uri.EscapeDataString(dpi)}");
        }

        foreach (var layers in new[] { ",,,", "", " ", "no-such-layer", "boundary,,boundary", "../../etc/passwd", "%00", new string('a', 4000), string.Join(",", Enumerable.Repeat("boundary", 500)) })
        {
            yield return Get($"layers {layers[..Math.Min(20, layers.Length)]}", $"/api/sheets?format=pdf&paper=A4&extent={Extent}&layers={Uri.EscapeDataString(layers)}");
        }

        foreach (var extent in new[]
        {
            "NaN,NaN,NaN,NaN", "1,2,3", "1,2,3,4,5", "0,0,0,0", "-1e308,-1e308,1e308,1e308", "1e400,0,2e400,1", "480000,4570000,380000,4480000",
            "380000,4480000,380000.000001,4480000.000001", redLine, "0,0,1,1", "-1e9,-1e9,-1e9,1e9", "a,b,c,d", ",,,", "Infinity,0,Infinity,1",
        })
        {
            foreach (var format in new[] { "png", "pdf" })
            {
                yield return Get($"extent {extent} {format}", $"/api/sheets?format={format}&dpi=150&paper=A4&extent={Uri.EscapeDataString(extent)}");
            }
        }

        foreach (var (paper, orientation, dpi) in new[] { ("A3", "landscape", "600"), ("A3", "portrait", "500"), ("A4", "landscape", "600"), ("A2", "landscape", "150"), ("A3", "sideways", "150"), ("a4", "PORTRAIT", "36") })
        {
            yield return Get($"paper {paper} {orientation} {dpi}", $"/api/sheets?format=png&paper={paper}&orientation={orientation}&dpi={dpi}&extent={Extent}");
        }

        yield return Get("hatched 1:1 A3 300 dpi", $"/api/sheets?format=png&paper=A3&dpi=300&extent={redLine}");
        yield return Get("hatched 1:1 A3 pdf", $"/api/sheets?format=pdf&paper=A3&extent={redLine}");
        foreach (var title in new[] { "\u0000", "😀", "ᠬᠠᠩᠭᠢᠨ", new string('杭', 3000), "<script>alert(1)</script>", "\ud800", "%s%n%x", "\u202e反向" })
        {
            yield return Get($"title {title[..Math.Min(8, title.Length)]}", $"/api/sheets?format=pdf&paper=A4&extent={Extent}&title={Uri.EscapeDataString(title)}");
        }

        foreach (var format in new[] { "svg", "PNG ", "1", "pdf,png", "" })
        {
            yield return Get($"format {format}", $"/api/sheets?format={Uri.EscapeDataString(format)}&paper=A4&dpi=36&extent={Extent}");
        }

        var geojson = """{"type":"FeatureCollection","features":[]}""";
        foreach (var (name, contentType, body) in new[]
        {
            ("wrong boundary", "multipart/form-data; boundary=other", Multipart("x", geojson, true)),
            ("no boundary", "multipart/form-data", Multipart("x", geojson, true)),
            ("empty boundary", "multipart/form-data; boundary=", Multipart("x", geojson, true)),
            ("long boundary", "multipart/form-data; boundary=" + new string('b', 200), Multipart(new string('b', 200), geojson, true)),
            ("truncated", "multipart/form-data; boundary=x", Multipart("x", geojson, false)),
            ("truncated big", "multipart/form-data; boundary=x", Multipart("x", new string('x', 300_000), false)),
            ("no file", "multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"type\"\r\n\r\nurban\r\n--x--\r\n"),
            ("headers only", "multipart/form-data; boundary=x", "--x\r\n" + new string('H', 20_000) + "\r\n\r\n"),
            ("empty body", "multipart/form-data; boundary=x", string.Empty),
            ("garbage", "multipart/form-data; boundary=x", "\u0001\u0002garbage"),
            ("form urlencoded", "application/x-www-form-urlencoded", "file=" + new string('a', 1000)),
            ("nan width", "multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"width\"\r\n\r\nNaN\r\n" + Multipart("x", geojson, true)[2..]),
        })
        {
            foreach (var path in new[] { "/api/checks", "/api/checks/report" })
            {
                yield return new HostileRequest($"{path} {name}", () => new HttpRequestMessage(HttpMethod.Post, path)
                {
                    Content = Raw(body, contentType),
                });
            }
        }

        foreach (var query in new[] { "width=NaN", "radius=Infinity", "width=30,5", "crs=EPSG:99999999999", "type=linear,agriculture", "format=xml", "nationalMajor=maybe" })
        {
            yield return new HostileRequest($"check {query}", () => new HttpRequestMessage(HttpMethod.Post, "/api/checks?" + query)
            {
                Content = Raw("""{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[107.1,40.8]}}""", "application/geo+json"),
            });
        }
    }

    private static HostileRequest Get(string name, string url) => new(name, () => new HttpRequestMessage(HttpMethod.Get, url));

    private static string Multipart(string boundary, string file, bool complete) =>
        $"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.geojson\"\r\nContent-Type: application/geo+json\r\n\r\n{file}\r\n"
        + (complete ? $"--{boundary}--\r\n" : string.Empty);

    private static ByteArrayContent Raw(string body, string contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }
}
