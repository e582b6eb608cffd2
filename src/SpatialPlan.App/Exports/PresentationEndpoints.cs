using Microsoft.AspNetCore.Http.HttpResults;
using SpatialPlan.App.Hosting;

namespace SpatialPlan.App.Exports;

/// <summary>The presentation sequence (gis-data/presentations/plan.json): saved views a planner can edit and share.</summary>
public static class PresentationEndpoints
{
    public static IEndpointRouteBuilder MapPresentations(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/presentations/{name}", GetPresentation);
        return app;
    }

    private static Results<PhysicalFileHttpResult, ProblemHttpResult> GetPresentation(string name, GisDataFolder folder)
    {
        var file = folder.File($"presentations/{Path.GetFileName(name)}.json");
        return file is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "演示序列不存在 / Unknown presentation",
                detail: $"数据目录的 presentations/ 中没有 {name}.json。 There is no presentations/{name}.json in the data folder.")
            : TypedResults.PhysicalFile(file, "application/json");
    }
}
