using Microsoft.AspNetCore.Http.HttpResults;

namespace SpatialPlan.App.Layers;

/// <summary>The plan's layers: the catalog with styles, and each layer's features.</summary>
public static class LayerEndpoints
{
    public static IEndpointRouteBuilder MapLayers(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/layers");
        group.MapGet("/", (PlanData data) => TypedResults.Json(data.Response, PlanData.Json));
        group.MapGet("/{id}", GetLayer);
        return app;
    }

    /// <summary>The layer as a GeoJSON FeatureCollection in EPSG:4490 (lon/lat).</summary>
    private static Results<PhysicalFileHttpResult, ProblemHttpResult> GetLayer(string id, PlanData data)
    {
        var file = data.LayerFile(id);
        return file is null
            ? TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "图层不存在 / Unknown layer",
                detail: $"没有编号为“{id}”的图层，或其数据文件不在数据目录中。可用的图层见 /api/layers。 There is no layer '{id}' or its file is missing from the data folder; see /api/layers.")
            : TypedResults.PhysicalFile(file, "application/geo+json");
    }
}
