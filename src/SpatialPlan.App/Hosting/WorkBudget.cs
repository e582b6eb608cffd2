using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.RateLimiting;

namespace SpatialPlan.App.Hosting;

/// <summary>
/// What one request may spend in time and in company (docs/limits.md, "Rendering, work and web"):
/// <list type="bullet">
/// <item>a wall-time budget (<see cref="SpatialPlanOptions.WorkBudgetSeconds"/>): ASP.NET Core's request timeouts link it with
/// the client going away into <c>HttpContext.RequestAborted</c>, the token every endpoint passes to reading, checking
/// and rendering; work over it ends with a 422 problem that says so;</item>
/// <item>a concurrency limit on checks and renders (<see cref="SpatialPlanOptions.MaxConcurrentWork"/>), so a burst of
/// heavy requests queues instead of growing memory without bound; a full queue is answered 503 at once.</item>
/// </list>
/// </summary>
public static class WorkBudget
{
    public static IServiceCollection AddWorkBudget(this IServiceCollection services, SpatialPlanOptions options)
    {
        services.AddRequestTimeouts(o => o.DefaultPolicy = new RequestTimeoutPolicy
        {
            Timeout = options.WorkBudget,
            TimeoutStatusCode = StatusCodes.Status422UnprocessableEntity,
            WriteTimeoutResponse = context => WriteProblem(context, StatusCodes.Status422UnprocessableEntity,
                "超出处理时间上限 / Over the work budget", OverBudgetMessage(options.WorkBudgetSeconds)),
        });
        services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => IsWork(context.Request)
                ? RateLimitPartition.GetConcurrencyLimiter("work", _ => new ConcurrencyLimiterOptions
                {
                    PermitLimit = options.MaxConcurrentWork,
                    QueueLimit = options.MaxQueuedWork,
                    QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                })
                : RateLimitPartition.GetNoLimiter("free"));
            o.RejectionStatusCode = StatusCodes.Status503ServiceUnavailable;
            o.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "5";
                return new ValueTask(WriteProblem(context.HttpContext, StatusCodes.Status503ServiceUnavailable, "服务器繁忙 / Busy",
                    "同时进行的核查和出图太多，请几秒后重试。 Too many checks and sheets are running at once; please retry in a few seconds."));
            };
        });
        return services;
    }

    /// <summary>The limiter first (a queued request's wait is not its work), then the work budget.</summary>
    public static WebApplication UseWorkBudget(this WebApplication app)
    {
        app.UseRateLimiter();
        app.UseRequestTimeouts();
        return app;
    }

    /// <summary>
    /// The budget is for the work, not for sending its answer: once an endpoint has its result, the timeout is switched
    /// off, and work that went over it is refused here, before the response starts. Without this a budget that ran out
    /// while a finished result was being written aborted the response half-sent instead of answering 422 (the timer's
    /// callback waits for a thread-pool thread, so on a busy machine it can fire after the work is done).
    /// </summary>
    /// <remarks>
    /// The work's own clock decides too: on a starved thread pool the timer may not have fired by the time the work is
    /// done (fresh-clone CI saw a 1 ms budget answered 200 after a whole render), so work that took longer than the budget
    /// is refused with the same 422 whether or not the timer has fired yet.
    /// </remarks>
    public static TBuilder WithWorkBudget<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var result = await next(context);
            context.HttpContext.Features.Get<IHttpRequestTimeoutFeature>()?.DisableTimeout();
            context.HttpContext.RequestAborted.ThrowIfCancellationRequested();
            var options = context.HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<SpatialPlanOptions>>().Value;
            if (System.Diagnostics.Stopwatch.GetElapsedTime(started) > options.WorkBudget)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity,
                    title: "超出处理时间上限 / Over the work budget", detail: OverBudgetMessage(options.WorkBudgetSeconds));
            }

            return result;
        });

    public static string OverBudgetMessage(double seconds) =>
        $"这次请求的处理超过了 {seconds:0.###} 秒的上限，已停止。请缩小范围、减少图层，或上传更小的文件后重试。" +
        $" The request went over its {seconds:0.###} s work budget and was stopped: use a smaller extent, fewer layers or a smaller file.";

    /// <summary>Checks (<c>POST /api/checks…</c>) and sheets (<c>GET /api/sheets</c>): the requests that read, overlay or render.</summary>
    private static bool IsWork(HttpRequest request) =>
        request.Path.StartsWithSegments("/api/checks") || request.Path.StartsWithSegments("/api/sheets");

    private static Task WriteProblem(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        }).AsTask();
    }
}
