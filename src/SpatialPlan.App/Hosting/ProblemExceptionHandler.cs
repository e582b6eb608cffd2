using Microsoft.AspNetCore.Diagnostics;
using SpatialPlan.Core.Sources;
using SpatialPlan.Rendering.Text;

namespace SpatialPlan.App.Hosting;

/// <summary>
/// Turns every exception that reaches the pipeline into <c>application/problem+json</c>: a planner's bad input
/// (<see cref="InputException"/>) is a 400 whose <c>detail</c> is its message; an oversized or malformed HTTP
/// request keeps its 4xx status; anything else is a 500 that says sorry and shows no internals.
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
