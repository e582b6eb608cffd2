using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using SpatialPlan.Hostile;
using Xunit.Abstractions;

namespace SpatialPlan.App.Tests;

/// <summary>The app with the production upload limit (20 MB), so that hostile files reach the readers instead of the 413.</summary>
public sealed class HostileAppFactory : AppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("SpatialPlan:MaxUploadMegabytes", "20");
    }
}

/// <summary>
/// Issue 12: every input of the hostile corpus (tests/SpatialPlan.Hostile) through <c>POST /api/checks</c>, as a multipart
/// upload (and GeoJSON also as the request body): 200 with a report, or 400/408/413/422 problem+json whose detail says how
/// to fix it; never a 500, never a stack trace, each within its time budget; the app still answers at the end.
/// The gigabyte bombs run with <c>--filter Category=HostileLarge</c>.
/// </summary>
public sealed class HostileCorpusTests(HostileAppFactory factory, ITestOutputHelper output) : IClassFixture<HostileAppFactory>
{
    private static readonly HttpStatusCode[] Refusals =
        [HttpStatusCode.BadRequest, HttpStatusCode.RequestTimeout, HttpStatusCode.RequestEntityTooLarge, HttpStatusCode.UnprocessableEntity];

    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task EveryCorpusInputGetsAReportOrAProblemThatSaysHowToFixIt() => await Run(HostileCorpus.Default(), TimeSpan.FromSeconds(10));

    [Fact]
    [Trait("Category", "HostileLarge")]
    public async Task EveryLargeCorpusInputGetsAReportOrAProblemThatSaysHowToFixIt() => await Run(HostileCorpus.Large(), TimeSpan.FromSeconds(60));

    private async Task Run(IEnumerable<HostileInput> inputs, TimeSpan budget)
    {
        var upload = new CorpusTally("API multipart", budget);
        var body = new CorpusTally("API GeoJSON body", budget);
        foreach (var input in inputs)
        {
            upload.Run(input, () => Judge(Multipart(input)));
            if (input.FileName.EndsWith(".geojson", StringComparison.Ordinal))
            {
                body.Run(input, () => Judge(Body(input)));
            }
        }

        output.WriteLine(upload.Summary());
        output.WriteLine(body.Summary());
        Assert.Empty(upload.Failures);
        Assert.Empty(body.Failures);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/api/layers")).StatusCode);
    }

    private HttpResponseMessage Multipart(HostileInput input)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(input.Bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", input.FileName);
        foreach (var (name, value) in input.Fields())
        {
            form.Add(new StringContent(value), name);
        }

        return _client.PostAsync("/api/checks", form).GetAwaiter().GetResult();
    }

    private HttpResponseMessage Body(HostileInput input)
    {
        var query = string.Join("&", input.Fields().Select(f => $"{f.Name}={Uri.EscapeDataString(f.Value)}"));
        var content = new ByteArrayContent(input.Bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/geo+json");
        return _client.PostAsync("/api/checks?" + query, content).GetAwaiter().GetResult();
    }

    private static (bool? Report, string? Problem) Judge(HttpResponseMessage response)
    {
        using (response)
        {
            var text = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
            if (CorpusTally.HasStackTrace(text))
            {
                return (null, $"HTTP {(int)response.StatusCode} with a stack trace: {Clip(text)}");
            }

            if (response.StatusCode == HttpStatusCode.OK)
            {
                try
                {
                    using var _ = JsonDocument.Parse(text);
                    return (true, null);
                }
                catch (JsonException)
                {
                    return (null, $"HTTP 200 but not JSON: {Clip(text)}");
                }
            }

            if (!Refusals.Contains(response.StatusCode))
            {
                return (null, $"HTTP {(int)response.StatusCode}: {Clip(text)}");
            }

            if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                return (null, $"HTTP {(int)response.StatusCode} without problem+json: {Clip(text)}");
            }

            var detail = JsonDocument.Parse(text).RootElement.TryGetProperty("detail", out var d) ? d.GetString() ?? string.Empty : string.Empty;
            return CorpusTally.HasFix(detail) ? (false, null) : (null, $"HTTP {(int)response.StatusCode} without a fix: {Clip(text)}");
        }
    }

    private static string Clip(string text) => text.Length > 300 ? text[..300] + "…" : text;
}
