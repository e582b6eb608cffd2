using Microsoft.Extensions.Options;

namespace SpatialPlan.App.Hosting;

/// <summary>
/// Headers every response carries: no MIME sniffing, a Content-Security-Policy the OpenLayers app works under
/// (its own scripts, style sheets and fonts; style attributes, which OpenLayers writes; canvas images from
/// data:/blob:; the configured basemap's tiles), no framing
/// (<c>frame-ancestors 'none'</c> and X-Frame-Options), and a referrer policy that sends a tile server only our origin.
/// </summary>
public static class SecurityHeaders
{
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        var policy = ContentSecurityPolicy(app.Services.GetRequiredService<IOptions<BasemapOptions>>().Value.Url);
        app.Use((context, next) =>
        {
            // OnStarting: error pages and problem responses written further down get the headers too.
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers.ContentSecurityPolicy = policy;
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }

    /// <summary>The policy, with the basemap's origin (if any) allowed for images.</summary>
    public static string ContentSecurityPolicy(string? basemapUrl)
    {
        var tiles = BasemapOrigin(basemapUrl) is { } origin ? " " + origin : string.Empty;
        // OpenLayers writes style attributes (its scale line builds innerHTML with style="width: …px"): those are
        // allowed, style elements and scripts only from the app itself.
        return "default-src 'self'; script-src 'self'; style-src 'self'; style-src-elem 'self'; style-src-attr 'unsafe-inline'; " +
            $"img-src 'self' data: blob:{tiles}; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; " +
            "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    }

    /// <summary>The scheme and host of an XYZ template, a <c>{…}</c> host label (e.g. <c>t{0-7}</c>) as a leading <c>*</c>.</summary>
    internal static string? BasemapOrigin(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }

        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        if (scheme <= 0)
        {
            return null;
        }

        var hostEnd = url.IndexOfAny(['/', '?'], scheme + 3);
        var host = (hostEnd < 0 ? url[(scheme + 3)..] : url[(scheme + 3)..hostEnd]).Split('.');
        if (host[0].Contains('{', StringComparison.Ordinal))
        {
            host[0] = "*";
        }

        var origin = url[..(scheme + 3)] + string.Join('.', host);
        return origin.Any(c => char.IsWhiteSpace(c) || c is ';' or ',' or '{' or '}' or '\'') ? null : origin;
    }
}
