using Microsoft.AspNetCore.Diagnostics;
using SpatialPlan.Core.Sources;
using SpatialPlan.Rendering.Output;
using SpatialPlan.Rendering.Text;

namespace SpatialPlan.App.Hosting;

/// <summary>
/// Turns every exception that reaches the pipeline into <c>application/problem+json</c>: a planner's bad input
/// (<see cref="InputException"/>) is a 400 whose <c>detail</c> is its message; a render over its budget
/// (<see cref="RenderBudgetException"/>) is a 422 that says what to change; an oversized or malformed HTTP
/// request keeps its 4xx status; anything else is a 500 that says sorry and shows no internals. (A request over
/// its work budget is answered by <see cref="WorkBudget"/>, a client that went away by ASP.NET Core's 499.)
/// </summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = exception switch
        {
            InputException input => (StatusCodes.Status400BadRequest, "输入数据有误 / Invalid input", input.Message),
            // A title or project name with characters the PDF font lacks (e.g. traditional Mongolian script).
            MissingGlyphException glyph => (StatusCodes.Status400BadRequest, "输入数据有误 / Invalid input", glyph.Message),
            RenderBudgetException budget => (StatusCodes.Status422UnprocessableEntity, "超出出图限额 / Over the render budget", budget.Message),
            BadHttpRequestException bad when bad.StatusCode == StatusCodes.Status413PayloadTooLarge =>
                (bad.StatusCode, "文件过大 / Upload too large", UploadLimits.TooLargeMessage(httpContext)),
            BadHttpRequestException bad => (bad.StatusCode, "请求无效 / Bad request", "请求格式不正确，请重新上传。The request could not be read; please upload again."),
            _ => (StatusCodes.Status500InternalServerError, "服务器内部错误 / Internal error",
                "服务器处理时出错，请重试；如仍失败，请把操作步骤告诉系统维护人员。Something went wrong on the server; please retry, and report the steps if it happens again."),
        };
        if (status >= 500)
        {
            logger.LogError(exception, "Unhandled error on {Path}", httpContext.Request.Path);
        }

        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }
}
