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
public sealed class UploadTempFolderTests : IDisposable
{
    // A folder of this test class's own (SpatialPlan:UploadTempDir): the default one in the temp folder is shared by
    // every app on the machine, and another process's upload in it made the "nothing left behind" test fail.
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "spatialplan-uploads-test-" + Guid.NewGuid().ToString("N"));

    private string Folder => _folder;

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void TheDefaultFolderIsSpatialplanUploadsInTheTempFolder() =>
        Assert.Equal(Path.Combine(Path.GetTempPath(), "spatialplan-uploads"), new SpatialPlanOptions().UploadTempPath.TrimEnd(Path.DirectorySeparatorChar));

    [Fact]
    public void ALeftOverUploadBufferIsRemovedWhenTheAppStarts()
    {
        Directory.CreateDirectory(Folder);
        var leftOver = Path.Combine(Folder, "ASPNETCORE_" + Guid.NewGuid().ToString("N") + ".tmp");
        File.WriteAllBytes(leftOver, new byte[1000]);

        using var app = new FolderFactory(Folder);
        _ = app.CreateClient();

        Assert.False(File.Exists(leftOver), "a crash's left-over upload buffer survived the start-up");
        Assert.Equal(Folder, Environment.GetEnvironmentVariable("ASPNETCORE_TEMP"));
    }

    [Fact]
    public async Task AnUploadBigEnoughToBeBufferedOnDiskLeavesNothingBehind()
    {
        using var app = new FolderFactory(Folder);
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

    private sealed class FolderFactory(string folder) : AppFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("SpatialPlan:UploadTempDir", folder);
        }
    }
}
