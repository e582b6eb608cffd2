using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace SpatialPlan.App.Accounts;

/// <summary>
/// Whether this app requires sign-in (issue 11 §6). Loopback stays open: a single planner on their own machine, user
/// <c>local</c>. Any other listening address (an office address, <c>0.0.0.0</c>, <c>[::]</c>, <c>*</c>, a host name) requires
/// sign-in for every request, whichever address it arrives on. "Loopback" means: every address the server listens on
/// is <c>localhost</c> or an IP address for which <see cref="IPAddress.IsLoopback"/> holds (127.0.0.0/8, ::1).
/// <c>SpatialPlan:RequireSignIn=true</c> requires sign-in on loopback too (the same code path; tests use it).
/// Until the server has said where it listens, sign-in is required (the safe side).
/// </summary>
public sealed class AccessMode
{
    /// <summary>The configuration switch that requires sign-in whatever the address.</summary>
    public const string RequireSignInKey = "SpatialPlan:RequireSignIn";

    private volatile bool _decided;
    private volatile bool _signInRequired = true;

    /// <summary>Whether requests must be signed in.</summary>
    public bool SignInRequired => !_decided || _signInRequired;

    /// <summary>The non-loopback addresses the decision was made on (for the start-up message).</summary>
    public IReadOnlyList<string> OpenAddresses { get; private set; } = [];

    /// <summary>Decides from the configuration and the addresses the server listens on.</summary>
    public void Decide(IConfiguration configuration, IServer server)
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        OpenAddresses = [.. addresses.Where(a => !IsLoopback(a))];
        _signInRequired = configuration.GetValue<bool>(RequireSignInKey) || OpenAddresses.Count > 0;
        _decided = true;
    }

    /// <summary>Whether a listening address (<c>http://127.0.0.1:5000</c>, <c>http://[::]:80</c>, <c>http://*:5000</c>) is loopback only.</summary>
    public static bool IsLoopback(string address)
    {
        var rest = address.Contains("://", StringComparison.Ordinal) ? address[(address.IndexOf("://", StringComparison.Ordinal) + 3)..] : address;
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            rest = rest[..slash];
        }

        string host;
        if (rest.StartsWith('['))
        {
            var close = rest.IndexOf(']', StringComparison.Ordinal);
            host = close > 0 ? rest[1..close] : rest;
        }
        else
        {
            var colon = rest.LastIndexOf(':');
            host = colon >= 0 ? rest[..colon] : rest;
        }

        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
    }
}
