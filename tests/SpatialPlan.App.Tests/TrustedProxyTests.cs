using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using SpatialPlan.Records.Accounts;
using SpatialPlan.Records.Auditing;
using SpatialPlan.Records.Store;

namespace SpatialPlan.App.Tests;

/// <summary>
/// Server mode behind a reverse proxy that terminates HTTPS. Every request here arrives from 10.1.2.3 (the proxy), carrying
/// the planner's address and scheme in <c>X-Forwarded-For</c>/<c>X-Forwarded-Proto</c>. Only when
/// <c>SpatialPlan:TrustedProxies</c> names the proxy are they believed: the sign-in cookie is then Secure, and the audit
/// trail names the planner's address, not the proxy's. Otherwise forged headers change nothing.
/// </summary>
public sealed class TrustedProxyTests : IDisposable
{
    private const string Password = "pass-word-1";
    private readonly RecordsTestData _data = new();

    public TrustedProxyTests()
    {
        using var store = RecordStore.Open(StoreLocation.Embedded(_data.Path));
        new AccountBook(store).Add("zhao.admin", Roles.Admin, Password, new Actor("setup", "os"));
    }

    public void Dispose() => _data.Dispose();

    [Theory]
    [InlineData("10.1.2.3", true)]
    [InlineData("10.1.2.0/24", true)]
    [InlineData("", false)]
    [InlineData("10.9.9.9", false)]
    public async Task ForwardedHeadersAreBelievedOnlyFromTheConfiguredProxy(string trusted, bool believed)
    {
        using var factory = new ProxiedFactory(_data.Path, trusted);
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/account/sign-in") { Content = JsonContent.Create(new { name = "zhao.admin", password = Password }) };
        request.Headers.Add("X-Forwarded-For", "192.0.2.44");
        request.Headers.Add("X-Forwarded-Proto", "https");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("SpatialPlan.Auth=", StringComparison.Ordinal));
        Assert.Equal(believed, cookie.Contains("; secure", StringComparison.OrdinalIgnoreCase));
        using var store = RecordStore.Open(StoreLocation.Embedded(_data.Path));
        var signIn = new AuditLog(store).Entries().Last(e => e.Action == AuditActions.SignIn);
        Assert.Contains(believed ? "\"from\":\"192.0.2.44\"" : "\"from\":\"10.1.2.3\"", signIn.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void ASettingThatIsNoAddressStopsTheStartWithWhatToWrite()
    {
        using var factory = new ProxiedFactory(_data.Path, "proxy.office.lan");

        var e = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        while (e.InnerException is not null && e is not Core.Sources.InputException)
        {
            e = e.InnerException;
        }

        Assert.IsType<Core.Sources.InputException>(e);
        Assert.Contains("proxy.office.lan", e.Message, StringComparison.Ordinal);
        Assert.Contains("10.0.0.0/24", e.Message, StringComparison.Ordinal);
    }

    /// <summary>Server mode on, every connection from 10.1.2.3 (set before the app's own pipeline, as a proxy's would be).</summary>
    private sealed class ProxiedFactory(string dataDir, string trusted) : AppFactory
    {
        protected override string DataDir => dataDir;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("SpatialPlan:RequireSignIn", "true");
            if (trusted.Length > 0)
            {
                builder.UseSetting("SpatialPlan:TrustedProxies", trusted);
            }

            builder.ConfigureServices(s => s.AddSingleton<IStartupFilter, FromProxy>());
        }
    }

    private sealed class FromProxy : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext context, RequestDelegate following) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse("10.1.2.3");
                return following(context);
            });
            next(app);
        };
    }
}
