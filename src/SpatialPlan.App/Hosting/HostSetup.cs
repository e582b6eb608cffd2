using SpatialPlan.App.Checks;
using SpatialPlan.App.Layers;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace SpatialPlan.App.Hosting;

/// <summary>Service registration and the middleware the app needs before its endpoints.</summary>
public static class HostSetup
{
    public static WebApplicationBuilder AddSpatialPlanHost(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<SpatialPlanOptions>(builder.Configuration.GetSection(SpatialPlanOptions.Section));
        builder.Services.Configure<BasemapOptions>(builder.Configuration.GetSection(BasemapOptions.Section));
        builder.Services.AddSingleton<GisDataFolder>();
        builder.Services.AddSingleton<PlanData>();
        builder.Services.AddSingleton<SiteCheckRunner>();
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();

        var options = builder.Configuration.GetSection(SpatialPlanOptions.Section).Get<SpatialPlanOptions>() ?? new SpatialPlanOptions();
        StartupBanner.StopOnSetupProblem(() =>
        {
            options.Validate();
            UploadTempFolder.Prepare(options.UploadTempPath);
        });
        builder.Services.AddWorkBudget(options);

        // Kestrel refuses bodies past the upload limit (plus room for the multipart envelope and form
        // fields); the check endpoint enforces the exact limit itself and answers 413 with a message.
        var maxBytes = options.MaxUploadBytes;
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = maxBytes + (1024 * 1024));
        builder.Services.Configure<FormOptions>(f => f.MultipartBodyLengthLimit = maxBytes + (1024 * 1024));
        return builder;
    }

    public static WebApplication UseSpatialPlanErrors(this WebApplication app)
    {
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }

    public static WebApplication UseClientApp(this WebApplication app)
    {
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions
        {
            // vite puts a content hash in every file name under assets/, so those never change.
            OnPrepareResponse = ctx =>
            {
                if (ctx.Context.Request.Path.StartsWithSegments("/assets"))
                {
                    ctx.Context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
                }
            },
        });
        return app;
    }

    public static IEndpointRouteBuilder MapClientConfig(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/config", (IOptions<BasemapOptions> basemap, IOptions<SpatialPlanOptions> options, PlanData data) =>
            TypedResults.Ok(new ClientConfig(
                string.IsNullOrWhiteSpace(basemap.Value.Url) ? null : basemap.Value.Url,
                basemap.Value.Attribution,
                options.Value.MaxUploadMegabytes,
                ClientCrs.Of(data.Catalog.WorkingCrs),
                ClientArea.Of(data.Catalog.DataArea))));
        return app;
    }
}
