using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SpatialPlan.App.Hosting;
using SpatialPlan.App.Records;
using SpatialPlan.Core.Sources;
using SpatialPlan.Records.Accounts;
using SpatialPlan.Records.Auditing;
using SpatialPlan.Records.Store;

namespace SpatialPlan.App.Accounts;

/// <summary>
/// Server mode (issue 11 §6), from ASP.NET Core's own parts: cookie authentication, role policies, antiforgery, the
/// rate limiter, health checks. On loopback nothing changes (no sign-in, user <c>local</c>); off loopback
/// (<see cref="AccessMode"/>) every request but the sign-in page, <c>/healthz</c> and <c>/api/account</c> must be signed in:
/// <list type="bullet">
/// <item>an API call without sign-in is 401 problem+json (never a redirect); a page is redirected to <c>/signin</c>;</item>
/// <item>roles: <c>viewer</c> reads (GET), <c>checker</c> also checks and saves (POST to <c>/api/checks</c> and <c>/api/records</c>),
/// <c>admin</c> also manages users (<c>/api/users</c>) and anything else that changes state; too low a role is 403 problem+json;</item>
/// <item>a state-changing request of a signed-in user needs the antiforgery token (from <c>GET /api/account</c>) in the
/// <c>X-XSRF-TOKEN</c> header; without it, 400 problem+json;</item>
/// <item>cookies are HttpOnly, SameSite=Strict, Secure on HTTPS; a cookie whose account changed (role, password, disabled) is refused;</item>
/// <item>sign-in attempts are limited per client address (<see cref="SignInRateLimit"/>) and every attempt, successful or not, is in the audit trail.</item>
/// </list>
/// The app refuses to start off loopback while the store has no admin, and says how to add one.
/// </summary>
public static class AccountsSetup
{
    public const string StampClaim = "spatialplan:stamp";
    public const string AntiforgeryHeader = "X-XSRF-TOKEN";

    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<AccessMode>();
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(o =>
        {
            o.Cookie.Name = "SpatialPlan.Auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(10);
            o.SlidingExpiration = true;
            o.LoginPath = "/signin";
            o.Events.OnRedirectToLogin = c => Problem(c.HttpContext, StatusCodes.Status401Unauthorized, SignInTitle, SignInDetail);
            o.Events.OnRedirectToAccessDenied = c => Problem(c.HttpContext, StatusCodes.Status403Forbidden, ForbiddenTitle, "没有权限。 Not allowed.");
            o.Events.OnValidatePrincipal = ValidateStamp;
        });
        builder.Services.AddAuthorization(o =>
        {
            o.AddPolicy(Roles.Viewer, p => p.RequireRole(Roles.Viewer, Roles.Checker, Roles.Admin));
            o.AddPolicy(Roles.Checker, p => p.RequireRole(Roles.Checker, Roles.Admin));
            o.AddPolicy(Roles.Admin, p => p.RequireRole(Roles.Admin));
        });
        builder.Services.AddAntiforgery(o =>
        {
            o.HeaderName = AntiforgeryHeader;
            o.Cookie.Name = "SpatialPlan.Antiforgery";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        builder.Services.Configure<RateLimiterOptions>(o => o.AddPolicy<string, SignInRateLimit>(SignInRateLimit.Name));
        builder.Services.AddHealthChecks().AddCheck<RecordsStoreHealth>("records");
        return builder;
    }

    /// <summary>Authentication, then the access rules; decides the mode once the server listens.</summary>
    public static WebApplication UseAccounts(this WebApplication app)
    {
        RequireAdminBeforeStart(app);
        app.Lifetime.ApplicationStarted.Register(() => Decide(app));
        app.UseAuthentication();
        app.Use(Access);
        app.UseAuthorization();
        return app;
    }

    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder app)
    {
        app.MapGet("/signin", (HttpRequest request, AccessMode mode) => mode.SignInRequired
            ? Results.Content(SignInPage.Html(request.Query["returnUrl"], IsEnglish(request.Query["lang"]), null), "text/html; charset=utf-8")
            : Results.Redirect("/"));
        var account = app.MapGroup("/api/account").DisableAntiforgery();
        account.MapGet("/", Me);
        account.MapPost("/sign-in", SignIn).RequireRateLimiting(SignInRateLimit.Name);
        account.MapPost("/sign-out", SignOut);
        var users = app.MapGroup("/api/users").DisableAntiforgery();
        users.MapGet("/", (RecordsHost host) => TypedResults.Json(new AccountBook(host.Store()).List()
            .Select(a => new { name = a.Name, role = a.Role, roleZh = Roles.Zh(a.Role), createdAt = a.CreatedAt, disabled = a.Disabled }), Layers.PlanData.Json));
        users.MapPost("/", AddUser);
        users.MapPatch("/{name}", ChangeUser);
        users.MapPut("/{name}/password", SetUserPassword);
        users.AddEndpointFilter(async (c, next) =>
        {
            try
            {
                return await next(c);
            }
            catch (StoreUnavailableException e)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "台账库不可用 / Records store unavailable", detail: e.Message);
            }
        });
        app.MapHealthChecks("/healthz", new HealthCheckOptions { ResponseWriter = RecordsStoreHealth.Write });
        return app;
    }

    private const string SignInTitle = "需要登录 / Sign-in required";
    private const string SignInDetail = "此服务在办公网络上运行，需要先登录（打开 /signin，或 POST /api/account/sign-in）。 This server requires sign-in: open /signin or POST /api/account/sign-in.";
    private const string ForbiddenTitle = "没有权限 / Forbidden";

    /// <summary>
    /// Before listening: when the configured addresses (<c>--urls</c>, <c>ASPNETCORE_URLS</c>, <c>Urls</c>, Kestrel endpoints)
    /// are not all loopback, or sign-in is required by the switch, the store must hold an admin, else the app stops with
    /// exit code 2 and says how to add one, before it ever listens.
    /// </summary>
    private static void RequireAdminBeforeStart(WebApplication app)
    {
        var configured = (app.Configuration["urls"] ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Concat(app.Configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(c => c["Url"]).OfType<string>())
            .Where(u => !AccessMode.IsLoopback(u))
            .ToList();
        if (configured.Count == 0 && !app.Configuration.GetValue<bool>(AccessMode.RequireSignInKey))
        {
            return;
        }

        if (AdminProblem(app) is { } problem && RunAsTheApp)
        {
            var where = configured.Count > 0 ? string.Join(", ", configured) : $"{AccessMode.RequireSignInKey}=true";
            Console.Error.WriteLine($"服务器模式（{where}）未启动（not started）：{problem}");
            Environment.Exit(2);
        }
    }

    /// <summary>Once the server listens: the mode from the addresses it actually listens on; without an admin, it stops (exit 2).</summary>
    private static void Decide(WebApplication app)
    {
        var mode = app.Services.GetRequiredService<AccessMode>();
        mode.Decide(app.Configuration, app.Services.GetRequiredService<IServer>());
        if (!mode.SignInRequired)
        {
            return;
        }

        var where = mode.OpenAddresses.Count > 0 ? string.Join(", ", mode.OpenAddresses) : $"{AccessMode.RequireSignInKey}=true";
        if (AdminProblem(app) is not { } problem)
        {
            Console.WriteLine($"  需要登录（服务器模式，{where}）：账号见 spatialplan users list。 Sign-in required (server mode).");
            return;
        }

        if (RunAsTheApp)
        {
            Console.Error.WriteLine($"服务器模式（{where}）未启动（not started）：{problem}");
            Environment.ExitCode = 2;
            app.Lifetime.StopApplication();
        }
        else
        {
            app.Logger.LogWarning("Server mode without an admin: {Problem}", problem);
        }
    }

    private static bool RunAsTheApp => System.Reflection.Assembly.GetEntryAssembly() == typeof(AccountsSetup).Assembly;

    /// <summary>Why server mode cannot run (no admin, or no store), or null.</summary>
    private static string? AdminProblem(WebApplication app)
    {
        var host = app.Services.GetRequiredService<RecordsHost>();
        try
        {
            return new AccountBook(host.Store()).HasAdmin() ? null : NoAdminMessage(app, host);
        }
        catch (Exception e) when (e is StoreUnavailableException or InputException)
        {
            return $"需要登录的服务器模式要用台账库中的账号，但台账库现在不能用：{e.Message.ReplaceLineEndings(" ")}";
        }
    }

    private static string NoAdminMessage(WebApplication app, RecordsHost host)
    {
        var data = app.Services.GetRequiredService<GisDataFolder>().Path;
        var database = string.IsNullOrWhiteSpace(app.Configuration[RecordsHost.DatabaseKey]) ? string.Empty : " --database \"<与 SpatialPlan:Database 相同的连接串 / the same connection string>\"";
        return $"在非本机地址上运行需要登录，但台账库（{host.Location}）中还没有管理员账号。请先添加一个（密码从标准输入读取），再启动：" +
            $" spatialplan users add 用户名 --role admin --data \"{data}\"{database}" +
            $"（源码中：dotnet run --project src/SpatialPlan.Cli -- users add …）。" +
            $" Off loopback the app requires sign-in and the records store has no admin yet: add one with" +
            $" `spatialplan users add NAME --role admin --data \"{data}\"{database}` (the password is read from standard input), then start again.";
    }

    /// <summary>The access rules of server mode (see the class summary).</summary>
    private static async Task Access(HttpContext context, RequestDelegate next)
    {
        var mode = context.RequestServices.GetRequiredService<AccessMode>();
        var request = context.Request;
        if (!mode.SignInRequired || IsAnonymous(request))
        {
            await next(context);
            return;
        }

        var user = context.User;
        if (user.Identity?.IsAuthenticated != true)
        {
            if (!request.Path.StartsWithSegments("/api") && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)))
            {
                context.Response.Redirect("/signin?returnUrl=" + Uri.EscapeDataString(request.PathBase + request.Path + request.QueryString));
                return;
            }

            await Problem(context, StatusCodes.Status401Unauthorized, SignInTitle, SignInDetail);
            return;
        }

        var needed = Needed(request);
        var authorization = context.RequestServices.GetRequiredService<IAuthorizationService>();
        if (!(await authorization.AuthorizeAsync(user, needed)).Succeeded)
        {
            var role = user.FindFirstValue(ClaimTypes.Role) ?? "?";
            await Problem(context, StatusCodes.Status403Forbidden, ForbiddenTitle,
                $"你的角色是“{Roles.Zh(role)}”（{role}），{What(needed)}需要“{Roles.Zh(needed)}”（{needed}）或更高的角色；请管理员调整。" +
                $" Your role, {role}, may not do this: it needs {needed} or above; ask an administrator.");
            return;
        }

        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !HttpMethods.IsOptions(request.Method))
        {
            try
            {
                await context.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(context);
            }
            catch (AntiforgeryValidationException)
            {
                await Problem(context, StatusCodes.Status400BadRequest, "缺少防伪令牌 / Antiforgery token missing or invalid",
                    $"修改数据的请求要带防伪令牌：先 GET /api/account 取得 antiforgeryToken，再放在请求头 {AntiforgeryHeader} 中发送（登录后请重新获取）。" +
                    $" State-changing requests need the antiforgery token from GET /api/account in the {AntiforgeryHeader} header (fetch it again after signing in).");
                return;
            }
        }

        await next(context);
    }

    private static bool IsAnonymous(HttpRequest request) =>
        request.Path.Equals("/signin", StringComparison.OrdinalIgnoreCase)
        || request.Path.Equals("/healthz", StringComparison.OrdinalIgnoreCase)
        || request.Path.Equals("/favicon.ico", StringComparison.OrdinalIgnoreCase)
        || (HttpMethods.IsGet(request.Method) && (request.Path.Equals("/api/account", StringComparison.OrdinalIgnoreCase) || request.Path.Equals("/api/account/", StringComparison.OrdinalIgnoreCase)))
        || (HttpMethods.IsPost(request.Method) && request.Path.Equals("/api/account/sign-in", StringComparison.OrdinalIgnoreCase));

    /// <summary>The role a request needs: admin for users, viewer to read, checker to check and save, admin for any other change.</summary>
    public static string Needed(HttpRequest request)
    {
        var path = request.Path;
        if (path.StartsWithSegments("/api/users"))
        {
            return Roles.Admin;
        }

        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method))
        {
            return Roles.Viewer;
        }

        if (path.StartsWithSegments("/api/account"))
        {
            return Roles.Viewer; // signing out
        }

        return path.StartsWithSegments("/api/checks") || path.StartsWithSegments("/api/records") ? Roles.Checker : Roles.Admin;
    }

    private static string What(string needed) => needed switch
    {
        Roles.Checker => "核查和保存台账",
        Roles.Admin => "管理用户和数据",
        _ => "查看",
    };

    private static async Task<IResult> Me(HttpContext context, AccessMode mode, IAntiforgery antiforgery)
    {
        var user = context.User;
        var signedIn = user.Identity?.IsAuthenticated == true;
        if (!mode.SignInRequired)
        {
            await Task.CompletedTask;
            return TypedResults.Json(new { signInRequired = false, signedIn = false, user = Actor.Loopback.Name, role = (string?)null, roleZh = "本机", can = new { check = true, save = true, users = false } });
        }

        var role = signedIn ? user.FindFirstValue(ClaimTypes.Role) : null;
        var tokens = signedIn ? antiforgery.GetAndStoreTokens(context) : null;
        return TypedResults.Json(new
        {
            signInRequired = true,
            signedIn,
            user = signedIn ? user.Identity!.Name : null,
            role,
            roleZh = role is null ? null : Roles.Zh(role),
            can = new { check = Roles.Allows(role, Roles.Checker), save = Roles.Allows(role, Roles.Checker), users = Roles.Allows(role, Roles.Admin) },
            antiforgeryToken = tokens?.RequestToken,
            antiforgeryHeader = AntiforgeryHeader,
        });
    }

    private static async Task<IResult> SignIn(HttpContext context, RecordsHost host, AccessMode mode)
    {
        var request = context.Request;
        string? name, password, returnUrl = null;
        var form = request.HasFormContentType;
        var english = false;
        if (form)
        {
            var fields = await request.ReadFormAsync(context.RequestAborted);
            (name, password, returnUrl) = (fields["name"], fields["password"], fields["returnUrl"]);
            english = IsEnglish(fields["lang"]);
        }
        else
        {
            try
            {
                using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: context.RequestAborted);
                name = body.RootElement.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
                password = body.RootElement.TryGetProperty("password", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
            }
            catch (JsonException e)
            {
                throw new InputException($"登录请求不是 JSON（{e.Message}）。", "发送 {\"name\": \"用户名\", \"password\": \"密码\"}，或用表单。 Send {\"name\",\"password\"} as JSON or a form.", inner: e);
            }
        }

        if (!mode.SignInRequired)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "无需登录 / No sign-in here",
                detail: "本机地址（loopback）上无需登录，用户为 local。 On loopback there is no sign-in; the user is local.");
        }

        Account? account;
        try
        {
            account = new AccountBook(host.Store()).SignIn(name, password, context.Connection.RemoteIpAddress?.ToString());
        }
        catch (StoreUnavailableException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "台账库不可用 / Records store unavailable", detail: e.Message);
        }

        if (account is null)
        {
            const string wrongZh = "用户名或密码不对，或账号已停用。";
            const string wrongEn = "Wrong user name or password, or the account is disabled.";
            return form
                ? Results.Content(SignInPage.Html(returnUrl, english, english ? wrongEn : wrongZh), "text/html; charset=utf-8", statusCode: StatusCodes.Status401Unauthorized)
                : TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "登录失败 / Sign-in failed", detail: $"{wrongZh} {wrongEn}");
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, account.Name), new Claim(ClaimTypes.Role, account.Role), new Claim(StampClaim, account.Stamp)],
            CookieAuthenticationDefaults.AuthenticationScheme);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        return form
            ? Results.Redirect(SignInPage.SafeReturnUrl(returnUrl))
            : TypedResults.Json(new { user = account.Name, role = account.Role, roleZh = Roles.Zh(account.Role) });
    }

    private static async Task<IResult> SignOut(HttpContext context, RecordsHost host)
    {
        if (context.User.Identity is { IsAuthenticated: true, Name: { } name })
        {
            try
            {
                new AccountBook(host.Store()).SignOut(new Actor(name, "account"), context.Connection.RemoteIpAddress?.ToString());
            }
            catch (StoreUnavailableException)
            {
                // Signing out never fails on the store.
            }
        }

        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return context.Request.HasFormContentType ? Results.Redirect("/signin") : Results.NoContent();
    }

    private static async Task<IResult> AddUser(HttpContext context, RecordsHost host)
    {
        string? name, role, password;
        try
        {
            using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            string? S(string key) => body.RootElement.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            (name, role, password) = (S("name"), S("role"), S("password"));
        }
        catch (JsonException e)
        {
            throw new InputException($"请求正文不是 JSON（{e.Message}）。", "发送 {\"name\", \"role\", \"password\"}。 Send {\"name\",\"role\",\"password\"}.", inner: e);
        }

        var account = new AccountBook(host.Store()).Add(name ?? string.Empty, role ?? string.Empty, password ?? string.Empty, RecordsHost.ActorOf(context));
        return TypedResults.Created($"/api/users/{Uri.EscapeDataString(account.Name)}", new { name = account.Name, role = account.Role, roleZh = Roles.Zh(account.Role) });
    }

    /// <summary>
    /// <c>PATCH /api/users/{name}</c> with <c>{"role"?, "disabled"?, "reason"?}</c>: an admin changes an account (the same
    /// <see cref="AccountBook"/> changes as <c>spatialplan users role|disable|enable</c>, each audited); the account's
    /// cookies are refused from its next request on.
    /// </summary>
    private static async Task<IResult> ChangeUser(string name, HttpContext context, RecordsHost host)
    {
        using var body = await ReadBody(context, "{\"role\"?, \"disabled\"?, \"reason\"?}");
        var root = body.RootElement;
        var book = new AccountBook(host.Store());
        var by = RecordsHost.ActorOf(context);
        var account = book.Find(name)
            ?? throw new InputException($"没有名为“{name}”的账号（no such account）。", "GET /api/users 列出已有账号。 GET /api/users lists the accounts.");
        if (root.TryGetProperty("role", out var role))
        {
            account = book.SetRole(name, role.ValueKind == JsonValueKind.String ? role.GetString()! : role.ToString(), by);
        }

        if (root.TryGetProperty("disabled", out var disabled))
        {
            if (disabled.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                throw new InputException("“disabled”应为 true 或 false（disabled must be a boolean）。", "发送 {\"disabled\": true} 停用，{\"disabled\": false} 启用。");
            }

            var reason = root.TryGetProperty("reason", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
            account = disabled.GetBoolean() ? book.Disable(name, reason, by) : book.Enable(name, by);
        }

        return TypedResults.Json(new { name = account.Name, role = account.Role, roleZh = Roles.Zh(account.Role), disabled = account.Disabled }, Layers.PlanData.Json);
    }

    /// <summary><c>PUT /api/users/{name}/password</c> with <c>{"password"}</c>: an admin sets a new password (audited, no hash in the trail).</summary>
    private static async Task<IResult> SetUserPassword(string name, HttpContext context, RecordsHost host)
    {
        using var body = await ReadBody(context, "{\"password\"}");
        var password = body.RootElement.TryGetProperty("password", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
        var book = new AccountBook(host.Store());
        _ = book.Find(name) ?? throw new InputException($"没有名为“{name}”的账号（no such account）。", "GET /api/users 列出已有账号。 GET /api/users lists the accounts.");
        book.SetPassword(name, password ?? string.Empty, RecordsHost.ActorOf(context));
        return TypedResults.NoContent();
    }

    private static async Task<JsonDocument> ReadBody(HttpContext context, string shape)
    {
        try
        {
            var document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                document.Dispose();
                throw new InputException("请求正文应为 JSON 对象（the body must be a JSON object）。", $"发送 {shape}。 Send {shape}.");
            }

            return document;
        }
        catch (JsonException e)
        {
            throw new InputException($"请求正文不是 JSON（{e.Message}）。", $"发送 {shape}。 Send {shape}.", inner: e);
        }
    }

    /// <summary>A cookie issued before its account changed (role, password, disabled) is refused.</summary>
    private static async Task ValidateStamp(CookieValidatePrincipalContext context)
    {
        var name = context.Principal?.Identity?.Name;
        var stamp = context.Principal?.FindFirstValue(StampClaim);
        Account? account;
        try
        {
            account = name is null ? null : new AccountBook(context.HttpContext.RequestServices.GetRequiredService<RecordsHost>().Store()).Find(name);
        }
        catch (StoreUnavailableException)
        {
            return; // the store cannot say; the cookie stands until it can
        }

        if (account is null || account.Disabled || account.Stamp != stamp || context.Principal?.FindFirstValue(ClaimTypes.Role) != account.Role)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }

    private static bool IsEnglish(string? lang) => string.Equals(lang, "en", StringComparison.OrdinalIgnoreCase);

    private static Task Problem(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        }).AsTask();
    }
}

/// <summary><c>/healthz</c>: the records store's state (opened, schema version) and the served data version; anonymous JSON, 503 when the store cannot be used.</summary>
public sealed class RecordsStoreHealth(RecordsHost host) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var store = host.Store();
            var schema = store.ReadSchemaVersion();
            return Task.FromResult(HealthCheckResult.Healthy("ok", new Dictionary<string, object> { ["dialect"] = store.Dialect, ["schemaVersion"] = schema }));
        }
        catch (Exception e) when (e is StoreUnavailableException or InputException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy(e.Message));
        }
    }

    public static Task Write(HttpContext context, HealthReport report)
    {
        var records = report.Entries.TryGetValue("records", out var r) ? r : default;
        var host = context.RequestServices.GetRequiredService<RecordsHost>();
        string? dataVersion;
        try
        {
            dataVersion = host.DataVersion;
        }
        catch (InputException)
        {
            dataVersion = null;
        }

        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status == HealthStatus.Healthy ? "ok" : "unavailable",
            store = new
            {
                state = records.Status == HealthStatus.Healthy ? "ok" : "unavailable",
                dialect = records.Data?.TryGetValue("dialect", out var d) == true ? d : null,
                schemaVersion = records.Data?.TryGetValue("schemaVersion", out var s) == true ? s : null,
                reason = records.Status == HealthStatus.Healthy ? null : records.Description,
            },
            dataVersion,
            signInRequired = context.RequestServices.GetRequiredService<AccessMode>().SignInRequired,
        }, Layers.PlanData.Json));
    }
}
