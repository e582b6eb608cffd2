using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using SpatialPlan.App.Hosting;
using SpatialPlan.Core.Sources;

namespace SpatialPlan.App.Samples;

/// <summary>The sample projects of gis-data/samples/projects (index.json), each with the options to check it.</summary>
public static class SampleEndpoints
{
    private const string Folder = "samples/projects/";

    public static IEndpointRouteBuilder MapSamples(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/samples", ListSamples);
        app.MapGet("/api/samples/{file}", GetSample);
        return app;
    }

    /// <summary>index.json as stored, each entry with the <c>url</c> of its footprint.</summary>
    private static JsonHttpResult<JsonArray> ListSamples(GisDataFolder folder)
    {
        var samples = ReadIndex(folder);
        foreach (var sample in samples.OfType<JsonObject>())
        {
            sample["url"] = "/api/samples/" + Uri.EscapeDataString((string?)sample["file"] ?? string.Empty);
        }

        return TypedResults.Json(samples);
    }

    private static Results<PhysicalFileHttpResult, ProblemHttpResult> GetSample(string file, GisDataFolder folder)
    {
        // Only files the index names are served, so the route cannot be used to read other files.
        var known = ReadIndex(folder).OfType<JsonObject>().Any(s => (string?)s["file"] == file);
        var path = known ? folder.File(Folder + file) : null;
        return path is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "示例项目不存在 / Unknown sample",
                detail: $"没有名为“{file}”的示例项目，见 /api/samples。 There is no sample project '{file}'; see /api/samples.")
            : TypedResults.PhysicalFile(path, "application/geo+json");
    }

    // Read per request on purpose: a planner who edits index.json sees the change without a restart.
    private static JsonArray ReadIndex(GisDataFolder folder)
    {
        var index = folder.File(Folder + "index.json");
        try
        {
            return index is null ? [] : JsonNode.Parse(File.ReadAllText(index)) as JsonArray ?? [];
        }
        catch (JsonException ex)
        {
            throw new InputException($"示例项目索引不是有效的 JSON（第 {ex.LineNumber + 1} 行附近）。",
                "检查 samples/projects/index.json 的括号和逗号。Fix the JSON of samples/projects/index.json.", "index.json", inner: ex);
        }
    }
}
