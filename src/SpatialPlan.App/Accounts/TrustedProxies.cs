using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using SpatialPlan.Core.Sources;

namespace SpatialPlan.App.Accounts;

/// <summary>
/// Server mode behind a reverse proxy (nginx, IIS, a load balancer) that terminates HTTPS: <c>SpatialPlan:TrustedProxies</c>
/// names the proxies' addresses or networks (<c>10.0.0.5</c>, <c>10.0.0.0/24</c>; several separated by <c>;</c> or
/// <c>,</c>). Requests from them have their <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> believed (ASP.NET Core's
/// forwarded-headers middleware), so that the sign-in cookie is <c>Secure</c> on HTTPS, the sign-in rate limit counts each
/// planner's own address rather than the proxy's, and the audit trail records the planner's address. Nothing is trusted
/// unless configured: a forged header from anyone else changes nothing.
/// </summary>
public static class TrustedProxies
{
    public const string Key = "SpatialPlan:TrustedProxies";

    public static WebApplicationBuilder AddTrustedProxies(this WebApplicationBuilder builder)
    {
        var configured = builder.Configuration[Key];
        if (string.IsNullOrWhiteSpace(configured))
        {
            return builder;
        }

        var proxies = new List<IPAddress>();
        var networks = new List<System.Net.IPNetwork>();
        Hosting.StartupBanner.StopOnSetupProblem(() => Parse(configured, proxies, networks));
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            proxies.ForEach(o.KnownProxies.Add);
            networks.ForEach(o.KnownIPNetworks.Add);
        });
        builder.Services.AddSingleton(new TrustedProxiesOn());
        return builder;
    }

    private static void Parse(string configured, List<IPAddress> proxies, List<System.Net.IPNetwork> networks)
    {
        foreach (var entry in configured.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (entry.Contains('/', StringComparison.Ordinal) && System.Net.IPNetwork.TryParse(entry, out var network))
            {
                networks.Add(network);
            }
            else if (!entry.Contains('/', StringComparison.Ordinal) && IPAddress.TryParse(entry, out var address))
            {
                proxies.Add(address);
            }
            else
            {
                throw new InputException($"设置 {Key} 中的“{entry}”不是 IP 地址或网段（not an address or network）。",
                    "写代理的 IP（如 10.0.0.5）或网段（如 10.0.0.0/24），多个用分号隔开。 Give the proxy's IP or network, separated by ';'.");
            }
        }
    }

    /// <summary>First in the pipeline, so that everything after sees the planner's scheme and address.</summary>
    public static WebApplication UseTrustedProxies(this WebApplication app)
    {
        if (app.Services.GetService<TrustedProxiesOn>() is not null)
        {
            app.UseForwardedHeaders();
        }

        return app;
    }

    private sealed class TrustedProxiesOn;
}
