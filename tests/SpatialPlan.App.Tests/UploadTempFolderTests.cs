using System.Net.Http.Headers;
using SpatialPlan.App.Hosting;

namespace SpatialPlan.App.Tests;

/// <summary>Tests that look at the shared upload buffer folder run alone: other classes' uploads would put files in it.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class UploadTempFolderCollection
{
    public const string Name = "upload temp folder";
}

/// <summary>
/// Multipart uploads are buffered in a folder the app owns (SpatialPlan:UploadTempDir, default {temp}/spatialplan-uploads),
/// emptied when each request ends and, for the left-overs of a crash, at start-up.
/// </summary>
[Collection(UploadTempFolderCollection.Name)]
public sealed class UploadTempFolderTests
{
    private static string Folder => new SpatialPlanOptions().UploadTempPath;

    [Fact]
    public void ALeftOverUploadBufferIsRemovedWhenTheAppStarts()
    {
        Directory.CreateDirectory(Folder);
        var leftOver = Path.Combine(Folder, "ASPNETCORE_" + Guid.NewGuid().ToString("N") + ".tmp");
        File.WriteAllBytes(leftOver, new byte[1000]);

        using var app = new AppFactory();
        _ = app.CreateClient();

        Assert.False(File.Exists(leftOver), "a crash's left-over upload buffer survived the start-up");
        Assert.Equal(Folder, Environment.GetEnvironmentVariable("ASPNETCORE_TEMP"));
    }

    [Fact]
    public async Task AnUploadBigEnoughToBeBufferedOnDiskLeavesNothingBehind()
    {
        using var app = new AppFactory();
        var client = app.CreateClient();
        using var form = new MultipartFormDataContent();
        // Over the form reader's 64 KB in-memory threshold: the file part goes to a temp file.
        var padding = new string(' ', 200_000);
        var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes("{\"type\":\"FeatureCollection\",\"features\":[]" + padding + "}"));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/geo+json");
        form.Add(file, "file", "padded.geojson");

        var response = await client.PostAsync("/api/checks", form);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode); // an empty collection: read, then refused
        Assert.True(Directory.Exists(Folder));
        Assert.Empty(Directory.EnumerateFiles(Folder));
    }
}
