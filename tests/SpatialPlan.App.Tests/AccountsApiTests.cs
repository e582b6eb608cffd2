using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using SpatialPlan.Records.Accounts;
using SpatialPlan.Records.Auditing;
using SpatialPlan.Records.Store;

namespace SpatialPlan.App.Tests;

/// <summary>
/// Server mode (issue 11 §6) in-process. The test host listens on no address, so these tests turn server mode on with the
/// switch <c>SpatialPlan:RequireSignIn=true</c>, which goes through the same decision (<c>AccessMode</c>) and the same
/// middleware as a non-loopback address; <see cref="ServerModeProcessTests"/> starts the app on 0.0.0.0 for real.
/// </summary>
public sealed class AccountsApiTests : IDisposable
{
    private const string Password = "pass-word-1";
    private readonly RecordsTestData _data = new();

    public AccountsApiTests()
    {
        using var store = RecordStore.Open(StoreLocation.Embedded(_data.Path));
        var accounts = new AccountBook(store);
        var setup = new Actor("setup", "os");
        accounts.Add("zhao.admin", Roles.Admin, Password, setup);
        accounts.Add("qian.checker", Roles.Checker, Password, setup);
        accounts.Add("sun.viewer", Roles.Viewer, Password, setup);
    }

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task WithoutSignInAnApiCallIs401ProblemJsonAPageGoesToTheSignInPageAndHealthzAnswers()
    {
        using var factory = Server();
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        var api = await client.GetAsync("/api/records");
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.Contains("需要登录", await api.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var save = await client.PostAsync("/api/records", RecordsTestData.SaveForm("未登录的项目"));
        Assert.Equal(HttpStatusCode.Unauthorized, save.StatusCode);
        var check = await client.PostAsync("/api/checks", RecordsTestData.SaveForm("未登录的核查"));
        Assert.Equal(HttpStatusCode.Unauthorized, check.StatusCode);

        var page = await client.GetAsync("/records/1");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/signin?returnUrl=%2Frecords%2F1", page.Headers.Location?.ToString());
        var signIn = await client.GetStringAsync("/signin");
        Assert.Contains("登录", signIn, StringComparison.Ordinal);
        Assert.Contains("Sign in", await client.GetStringAsync("/signin?lang=en"), StringComparison.Ordinal);

        var me = await Json(await client.GetAsync("/api/account"));
        Assert.True(me.GetProperty("signInRequired").GetBoolean());
        Assert.False(me.GetProperty("signedIn").GetBoolean());

        var health = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        var h = await Json(health);
        Assert.Equal("ok", h.GetProperty("store").GetProperty("state").GetString());
        Assert.Equal(2, h.GetProperty("store").GetProperty("schemaVersion").GetInt32());
        Assert.Matches("^[0-9a-f]{16,}$", h.GetProperty("dataVersion").GetString());
    }

    [Fact]
    public async Task AViewerLooksButGets403OnSavingACheckerSavesAndOnlyAnAdminAddsUsers()
    {
        using var factory = Server();
        using var viewer = await SignedIn(factory, "sun.viewer");
        using var checker = await SignedIn(factory, "qian.checker");
        using var admin = await SignedIn(factory, "zhao.admin");

        var refused = await viewer.PostAsync("/api/records", RecordsTestData.SaveForm("查看者的项目"));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("viewer", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync("/api/checks", RecordsTestData.SaveForm("查看者的核查"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/api/records")).StatusCode);

        var saved = await checker.PostAsync("/api/records", RecordsTestData.SaveForm("核查员的项目", "2026-150826-44-01-000009"));
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        var id = (await Json(saved)).GetProperty("id").GetInt64();
        var record = await Json(await viewer.GetAsync($"/api/records/{id}"));
        Assert.Equal("qian.checker", record.GetProperty("latest").GetProperty("user").GetString());

        var newUser = new { name = "li.new", role = "checker", password = "another-pass-2" };
        Assert.Equal(HttpStatusCode.Forbidden, (await checker.PostAsJsonAsync("/api/users", newUser)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync("/api/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/users", newUser)).StatusCode);
        var users = await Json(await admin.GetAsync("/api/users"));
        Assert.Contains(users.EnumerateArray(), u => u.GetProperty("name").GetString() == "li.new" && u.GetProperty("role").GetString() == "checker");
        Assert.DoesNotContain("AQAAAA", users.ToString(), StringComparison.Ordinal);

        using var store = RecordStore.Open(StoreLocation.Embedded(_data.Path));
        var log = new AuditLog(store);
        var entries = log.Entries();
        Assert.Contains(entries, e => e.Action == AuditActions.RecordSave && e.User == "qian.checker");
        Assert.Contains(entries, e => e.Action == AuditActions.UserChange && e.User == "zhao.admin" && e.Target == "user li.new");
        Assert.Equal(3, entries.Count(e => e.Action == AuditActions.SignIn && e.Detail.Contains("\"outcome\":\"ok\"", StringComparison.Ordinal)));
        Assert.True(log.Verify().Intact);
    }

    [Fact]
    public async Task AChangeWithoutTheAntiforgeryTokenIs400AndWithItGoesThrough()
    {
        using var factory = Server();
        using var checker = await SignedIn(factory, "qian.checker", sendToken: false);

        var refused = await checker.PostAsync("/api/records", RecordsTestData.SaveForm("无令牌的项目"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("X-XSRF-TOKEN", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        checker.DefaultRequestHeaders.Add("X-XSRF-TOKEN", "not-a-token");
        Assert.Equal(HttpStatusCode.BadRequest, (await checker.PostAsync("/api/records", RecordsTestData.SaveForm("假令牌的项目"))).StatusCode);

        checker.DefaultRequestHeaders.Remove("X-XSRF-TOKEN");
        checker.DefaultRequestHeaders.Add("X-XSRF-TOKEN", (await Json(await checker.GetAsync("/api/account"))).GetProperty("antiforgeryToken").GetString());
        Assert.Equal(HttpStatusCode.Created, (await checker.PostAsync("/api/records", RecordsTestData.SaveForm("有令牌的项目"))).StatusCode);
    }

    [Fact]
    public async Task SignInAttemptsPastTheLimitAre429AndEveryAttemptIsInTheTrail()
    {
        using var factory = Server(("SpatialPlan:SignInAttemptsPerMinute", "3"));
        using var client = factory.CreateClient();

        for (var i = 0; i < 3; i++)
        {
            var wrong = await client.PostAsJsonAsync("/api/account/sign-in", new { name = "zhao.admin", password = "wrong-guess-" + i });
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
            Assert.Equal("application/problem+json", wrong.Content.Headers.ContentType?.MediaType);
        }

        var limited = await client.PostAsJsonAsync("/api/account/sign-in", new { name = "zhao.admin", password = Password });
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.Contains("登录尝试过多", await limited.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotNull(limited.Headers.RetryAfter);

        using var store = RecordStore.Open(StoreLocation.Embedded(_data.Path));
        var signIns = new AuditLog(store).Entries().Where(e => e.Action == AuditActions.SignIn).ToList();
        Assert.Equal(4, signIns.Count);
        Assert.All(signIns.Take(3), e => Assert.Contains("\"outcome\":\"wrong-password\"", e.Detail, StringComparison.Ordinal));
        Assert.Contains("\"outcome\":\"rate-limited\"", signIns[3].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSignInFormSignsInAndReturnsToThePageAskedForAndTheCookieIsHttpOnlyAndStrict()
    {
        using var factory = Server();
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        var wrong = await client.PostAsync("/api/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["name"] = "sun.viewer", ["password"] = "nope-nope-nope", ["returnUrl"] = "/records/1",
        }));
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Contains("用户名或密码不对", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var ok = await client.PostAsync("/api/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["name"] = "sun.viewer", ["password"] = Password, ["returnUrl"] = "/records/1",
        }));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Equal("/records/1", ok.Headers.Location?.ToString());
        var cookie = Assert.Single(ok.Headers.GetValues("Set-Cookie"), c => c.StartsWith("SpatialPlan.Auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);

        var offsite = await client.PostAsync("/api/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["name"] = "sun.viewer", ["password"] = Password, ["returnUrl"] = "//evil.example/",
        }));
        Assert.Equal("/", offsite.Headers.Location?.ToString());
    }

    [Fact]
    public async Task OnLoopbackNothingChangesNoSignInAndTheUserIsLocal()
    {
        using var factory = new RecordsAppFactory(_data.Path);
        using var client = factory.CreateClient();

        var me = await Json(await client.GetAsync("/api/account"));
        Assert.False(me.GetProperty("signInRequired").GetBoolean());
        Assert.Equal("local", me.GetProperty("user").GetString());
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/api/records", RecordsTestData.SaveForm("本机项目"))).StatusCode);
    }

    [Fact]
    public async Task HealthzSaysWhenTheStoreCannotBeUsed()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        using var unwritable = _data.Unwritable(_data.Records);
        using var factory = new RecordsAppFactory(_data.Path);
        using var client = factory.CreateClient();

        var health = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        var h = JsonDocument.Parse(await health.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("unavailable", h.GetProperty("store").GetProperty("state").GetString());
        Assert.Contains("records/", h.GetProperty("store").GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(h.GetProperty("dataVersion").GetString()));
    }

    [Fact]
    public async Task AnAdminsChangeToAnAccountRefusesTheCookiesItHadAndOnlyAnAdminMayMakeIt()
    {
        using var factory = Server();
        using var checker = await SignedIn(factory, "qian.checker");
        using var admin = await SignedIn(factory, "zhao.admin");
        using var viewer = await SignedIn(factory, "sun.viewer");
        Assert.Equal(HttpStatusCode.Created, (await checker.PostAsync("/api/records", RecordsTestData.SaveForm("降级前的项目"))).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await checker.PatchAsJsonAsync("/api/users/sun.viewer", new { role = "admin" })).StatusCode);
        var lastAdmin = await admin.PatchAsJsonAsync("/api/users/zhao.admin", new { disabled = true });
        Assert.Equal(HttpStatusCode.BadRequest, lastAdmin.StatusCode);
        Assert.Equal("application/problem+json", lastAdmin.Content.Headers.ContentType?.MediaType);
        Assert.Contains("唯一", await lastAdmin.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PatchAsJsonAsync("/api/users/nobody", new { role = "viewer" })).StatusCode);

        // Demoted: the session signed in as a checker is over at once, not when its cookie expires.
        var demoted = await Json(await admin.PatchAsJsonAsync("/api/users/qian.checker", new { role = "viewer" }));
        Assert.Equal("viewer", demoted.GetProperty("role").GetString());
        var stale = await checker.PostAsync("/api/records", RecordsTestData.SaveForm("降级后的项目"));
        Assert.Equal(HttpStatusCode.Unauthorized, stale.StatusCode);
        using (var again = await SignedIn(factory, "qian.checker"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await again.PostAsync("/api/records", RecordsTestData.SaveForm("降级后的项目"))).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/api/records")).StatusCode);
        }

        // Disabled: its open session ends and it cannot sign in again.
        Assert.True((await Json(await admin.PatchAsJsonAsync("/api/users/sun.viewer", new { disabled = true, reason = "调离" }))).GetProperty("disabled").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, (await viewer.GetAsync("/api/records")).StatusCode);
        using (var client = factory.CreateClient())
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/account/sign-in", new { name = "sun.viewer", password = Password })).StatusCode);
        }

        // A new password: the old one no longer signs in.
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync("/api/users/qian.checker/password", new { password = "brand-new-pass" })).StatusCode);
        using (var client = factory.CreateClient())
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/account/sign-in", new { name = "qian.checker", password = Password })).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/account/sign-in", new { name = "qian.checker", password = "brand-new-pass" })).StatusCode);
        }

        using var store = RecordStore.Open(StoreLocation.Embedded(_data.Path));
        var log = new AuditLog(store);
        Assert.Equal(3, log.Entries().Count(e => e.Action == AuditActions.UserChange && e.User == "zhao.admin"));
        Assert.True(log.Verify().Intact);
    }

    private ServerFactory Server(params (string Key, string Value)[] settings) => new(_data.Path, settings);

    private static async Task<HttpClient> SignedIn(ServerFactory factory, string name, bool sendToken = true)
    {
        var client = factory.CreateClient();
        var signIn = await client.PostAsJsonAsync("/api/account/sign-in", new { name, password = Password });
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        var me = await Json(await client.GetAsync("/api/account"));
        Assert.Equal(name, me.GetProperty("user").GetString());
        if (sendToken)
        {
            client.DefaultRequestHeaders.Add(me.GetProperty("antiforgeryHeader").GetString()!, me.GetProperty("antiforgeryToken").GetString());
        }

        return client;
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>The app over the test's folder with server mode switched on.</summary>
    private sealed class ServerFactory(string dataDir, (string Key, string Value)[] settings) : AppFactory
    {
        protected override string DataDir => dataDir;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("SpatialPlan:MaxUploadMegabytes", "20");
            builder.UseSetting("SpatialPlan:RequireSignIn", "true");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        }
    }
}
