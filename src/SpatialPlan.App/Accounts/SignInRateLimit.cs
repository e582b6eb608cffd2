using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace SpatialPlan.App.Accounts;

/// <summary>
/// Sign-in attempts per client address: <c>SpatialPlan:SignInAttemptsPerMinute</c> (default 10) in a fixed one-minute
/// window, no queue; more get 429 problem+json with Retry-After. (The app's global limiter answers 503 for busy checks;
/// this policy's own rejection answers 429, as an attempt limit should.) A refused attempt is an audit entry too.
/// </summary>
public sealed class SignInRateLimit(IConfiguration configuration) : IRateLimiterPolicy<string>
{
    public const string Name = "sign-in";
    public const string AttemptsKey = "SpatialPlan:SignInAttemptsPerMinute";

    private readonly int _permits = Math.Max(1, configuration.GetValue(AttemptsKey, 10));

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => (context, _) =>
    {
        var http = context.HttpContext;
        try
        {
            // A refused attempt is an attempt: it is in the trail, with the client's address (its name is not read).
            new SpatialPlan.Records.Accounts.AccountBook(http.RequestServices.GetRequiredService<SpatialPlan.App.Records.RecordsHost>().Store())
                .SignInRefused("rate-limited", http.Connection.RemoteIpAddress?.ToString());
        }
        catch (SpatialPlan.Records.Store.StoreUnavailableException)
        {
            // The 429 stands without its entry when the store cannot be written.
        }

        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = "60";
        return http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "登录尝试过多 / Too many sign-in attempts",
                Detail = $"一分钟内从本机地址登录尝试超过 {_permits} 次，请一分钟后再试。 More than {_permits} sign-in attempts in a minute from this address; try again in a minute.",
            },
        });
    };

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
        RateLimitPartition.GetFixedWindowLimiter(httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = _permits,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
}
