using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;

namespace SpatialPlan.App.Tests;

/// <summary>
/// Requests a hostile or careless client sends: each gets a 4xx problem whose detail names the field and the fix —
/// never a 500, a bare "Bad Request", or a dead server — and every response carries the security headers.
/// </summary>
public sealed class HostileRequestTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private const string Extent = "extent=380000,4480000,480000,4570000";
    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData("abc")]
    [InlineData("1e3")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-150")]
    [InlineData("150.5")]
    [InlineData("9999")]
    [InlineData("99999999999999999999")]
    public async Task ADpiThatIsNotAWholeNumberInRangeIsA400NamingDpi(string dpi)
    {
        var response = await _client.GetAsync($"/api/sheets?format=png&paper=A4&{Extent}&dpi={Uri.EscapeDataString(dpi)}");

        var detail = await DetailOf(response, HttpStatusCode.BadRequest);
        Assert.Contains("dpi", detail, StringComparison.Ordinal);
        Assert.Contains("36 到 600", detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(",,,")]
    [InlineData(" , ")]
    [InlineData("")]
    public async Task ALayersListWithNoIdsIsA400NamingLayers(string layers)
    {
        var response = await _client.GetAsync($"/api/sheets?format=png&dpi=36&paper=A4&{Extent}&layers={Uri.EscapeDataString(layers)}");

        var detail = await DetailOf(response, HttpStatusCode.BadRequest);
        Assert.Contains("layers", detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("NaN,4480000,480000,4570000")]
    [InlineData("380000,4480000,Infinity,4570000")]
    [InlineData("380000,-Infinity,480000,4570000")]
    [InlineData("380000,4480000,1e400,4570000")]
    [InlineData("380000,4480000,380000,4570000")]
    [InlineData("380000,4480000,480000")]
    public async Task AnExtentThatIsNotFourFiniteOrderedNumbersIsA400(string extent)
    {
        var response = await _client.GetAsync($"/api/sheets?format=png&dpi=36&paper=A4&extent={Uri.EscapeDataString(extent)}");

        var detail = await DetailOf(response, HttpStatusCode.BadRequest);
        Assert.Contains("extent", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnExtentThousandsOfKilometresAcrossIsA400()
    {
        var response = await _client.GetAsync("/api/sheets?format=pdf&extent=-1e12,-1e12,1e12,1e12");

        await DetailOf(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task AnA3PngAt600DpiIsA422SayingWhichDpiFits()
    {
        var response = await _client.GetAsync($"/api/sheets?format=png&paper=A3&dpi=600&{Extent}");

        var detail = await DetailOf(response, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("百万像素", detail, StringComparison.Ordinal);
        Assert.Contains("431", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AViewOfAFewMetresAt300DpiIsAPng()
    {
        // Half a metre across (about 1:1). The hatched red line at this zoom once aborted the process in Skia: that case
        // runs in a child process (AppProcessTests), so that a regression fails a test instead of killing the test host.
        var response = await _client.GetAsync("/api/sheets?format=png&paper=A4&dpi=300&layers=boundary&extent=430000.0,4520000.0,430000.5,4520000.5");

        response.EnsureSuccessStatusCode();
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("multipart/form-data; boundary=other", true)]
    [InlineData("multipart/form-data; boundary=x", false)]
    [InlineData("multipart/form-data", true)]
    [InlineData("multipart/form-data; boundary=\"\"", true)]
    public async Task AMalformedMultipartBodyIsA400SayingTheFormCannotBeRead(string contentType, bool complete)
    {
        var body = "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.geojson\"\r\nContent-Type: application/geo+json\r\n\r\n{\"type\":\"FeatureCollection\",\"features\":[]}\r\n" + (complete ? "--x--\r\n" : string.Empty);
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        var response = await _client.PostAsync("/api/checks", content);

        var detail = await DetailOf(response, HttpStatusCode.BadRequest);
        Assert.DoesNotContain("MB", detail, StringComparison.Ordinal); // not "exceeds the 20 MB limit"
        Assert.Contains("multipart", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATruncatedMultipartUploadIsA400()
    {
        var body = "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.geojson\"\r\n\r\n" + new string('x', 100_000);
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=x");

        var response = await _client.PostAsync("/api/checks", content);

        await DetailOf(response, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/api/layers")]
    [InlineData("/api/layers/no-such-layer")]
    [InlineData("/api/sheets?dpi=abc")]
    [InlineData("/no/such/page")]
    public async Task EveryResponseCarriesTheSecurityHeaders(string path)
    {
        var response = await _client.GetAsync(path);

        Assert.Equal("nosniff", string.Join(",", response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", string.Join(",", response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("strict-origin-when-cross-origin", string.Join(",", response.Headers.GetValues("Referrer-Policy")));
        var csp = string.Join(",", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://t{0-7}.tianditu.gov.cn/vec_w/wmts?x={x}&y={y}&l={z}&tk=KEY", "https://*.tianditu.gov.cn")]
    [InlineData("http://127.0.0.1:8080/{z}/{x}/{y}.png", "http://127.0.0.1:8080")]
    [InlineData("", null)]
    [InlineData("not a url", null)]
    public void TheBasemapsOriginIsAllowedForImages(string url, string? origin)
    {
        Assert.Equal(origin, Hosting.SecurityHeaders.BasemapOrigin(url));
        if (origin is not null)
        {
            Assert.Contains($"img-src 'self' data: blob: {origin};", Hosting.SecurityHeaders.ContentSecurityPolicy(url), StringComparison.Ordinal);
        }
    }

    internal static async Task<string> DetailOf(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var detail = JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString()!;
        Assert.DoesNotContain("   at ", detail, StringComparison.Ordinal);
        Assert.Contains("处理办法", detail, StringComparison.Ordinal);
        return detail;
    }
}

/// <summary>A request over its work budget ends with a 422 that says so, and the app's settings refuse NaN budgets.</summary>
public sealed class WorkBudgetTests
{
    [Fact]
    public async Task ASheetOverTheWorkBudgetIsA422SayingSo()
    {
        using var app = new BudgetFactory("0.001");
        var response = await app.CreateClient().GetAsync("/api/sheets?format=pdf&paper=A4&extent=380000,4480000,480000,4570000");

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("0.001 秒的上限", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-1")]
    [InlineData("0")]
    public void AnUnusableWorkBudgetSettingStopsTheAppNamingTheSetting(string seconds)
    {
        using var app = new BudgetFactory(seconds);

        var e = Assert.Throws<Core.Sources.InputException>(() => app.CreateClient());

        Assert.Contains("WorkBudgetSeconds", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhenEveryTurnIsTakenAndTheQueueIsFullAWorkRequestIsA503ToRetry()
    {
        using var app = new BudgetFactory("30", concurrent: 1, queued: 0);
        var client = app.CreateClient();
        const string Slow = "/api/sheets?format=png&paper=A4&dpi=600&extent=380000,4480000,480000,4570000";

        // Warm the host (start-up, layer loading, fonts) first: with a cold host the request sent first could reach the
        // limiter after the second one, which made the order of the two answers a race (fresh-clone CI once saw it).
        using (var warm = await client.GetAsync("/api/sheets?format=png&paper=A4&dpi=72&extent=380000,4480000,390000,4490000"))
        {
            Assert.Equal(HttpStatusCode.OK, warm.StatusCode);
        }

        // Both at once: whichever takes the one turn renders, the other finds no turn and no queue place.
        var answers = await Task.WhenAll(client.GetAsync(Slow), client.GetAsync(Slow));
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        var second = Assert.Single(answers, a => a.StatusCode != HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(second.Headers.RetryAfter);
    }

    private sealed class BudgetFactory(string seconds, int concurrent = 2, int queued = 64) : AppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("SpatialPlan:WorkBudgetSeconds", seconds);
            builder.UseSetting("SpatialPlan:MaxConcurrentWork", concurrent.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("SpatialPlan:MaxQueuedWork", queued.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
