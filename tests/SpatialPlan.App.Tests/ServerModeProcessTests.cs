using System.Net;
using System.Net.Http.Json;
using SpatialPlan.Records.Accounts;
using SpatialPlan.Records.Auditing;
using SpatialPlan.Records.Store;

namespace SpatialPlan.App.Tests;

/// <summary>
/// The app as a process on a non-loopback listening address (<c>--urls http://0.0.0.0:0</c>, every interface): without an
/// admin it does not start and says how to add one (exit 2, no stack trace); with one, an API call without sign-in is 401
/// and a signed-in checker saves.
/// </summary>
public sealed class ServerModeProcessTests : IDisposable
{
    private readonly RecordsTestData _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public void OffLoopbackWithoutAnAdminTheAppDoesNotStartAndSaysHowToAddOne()
    {
        using var app = AppProcess.Start(_data.Path, "--urls", "http://0.0.0.0:0");
        Assert.True(app.HasExited, "the app started without an admin: " + app.Stdout);
        Assert.Equal(2, app.ExitCode);
        Assert.Contains("users add", app.Stderr, StringComparison.Ordinal);
        Assert.Contains("--role admin", app.Stderr, StringComparison.Ordinal);
        Assert.Contains("管理员", app.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", app.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OffLoopbackSignInIsRequiredAndASignedInCheckerSaves()
    {
        using (var store = RecordStore.Open(StoreLocation.Embedded(_data.Path)))
        {
            new AccountBook(store).Add("zhou.admin", Roles.Admin, "admin-pass-1", new Actor("setup", "os"));
            new AccountBook(store).Add("wu.checker", Roles.Checker, "checker-pass-1", new Actor("setup", "os"));
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        using var app = AppProcess.Start(_data.Path, "--urls", "http://0.0.0.0:0");
        Assert.False(app.HasExited, app.Stderr);
        var port = app.BaseAddress!.Port;
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(120) };

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/records")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        var signIn = await client.PostAsJsonAsync("/api/account/sign-in", new { name = "wu.checker", password = "checker-pass-1" });
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        var me = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/api/account")).RootElement;
        client.DefaultRequestHeaders.Add("X-XSRF-TOKEN", me.GetProperty("antiforgeryToken").GetString());
        var saved = await client.PostAsync("/api/records", RecordsTestData.SaveForm("办公网络上的项目"));
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
    }
}
