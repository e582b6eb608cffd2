using System.Net;

namespace SpatialPlan.App.Accounts;

/// <summary>The sign-in page: Chinese first, English with <c>?lang=en</c>; a plain form (no script), styled in attributes (the app's CSP).</summary>
public static class SignInPage
{
    public static string Html(string? returnUrl, bool english, string? error)
    {
        string T(string zh, string en) => english ? en : zh;
        var back = WebUtility.HtmlEncode(SafeReturnUrl(returnUrl));
        var other = english ? $"/signin?returnUrl={Uri.EscapeDataString(SafeReturnUrl(returnUrl))}" : $"/signin?lang=en&returnUrl={Uri.EscapeDataString(SafeReturnUrl(returnUrl))}";
        var errorHtml = error is null ? string.Empty : $"<p role=\"alert\" id=\"signin-error\" style=\"color:#b00020;margin:0 0 12px\">{WebUtility.HtmlEncode(error)}</p>";
        return $$"""
            <!doctype html>
            <html lang="{{(english ? "en" : "zh-CN")}}">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{T("登录 · SpatialPlan 国土空间规划", "Sign in · SpatialPlan")}}</title></head>
            <body style="font-family:system-ui,'Noto Sans CJK SC',sans-serif;background:#f4f6f8;margin:0">
            <main style="max-width:360px;margin:12vh auto;background:#fff;padding:28px 32px;border-radius:8px;box-shadow:0 1px 4px #0002">
            <h1 style="font-size:20px;margin:0 0 6px">{{T("登录", "Sign in")}}</h1>
            <p style="color:#555;margin:0 0 18px;font-size:14px">{{T("本系统在办公网络上运行，请用管理员分配的账号登录。", "This server is on the office network: sign in with the account your administrator gave you.")}}</p>
            {{errorHtml}}
            <form method="post" action="/api/account/sign-in">
            <input type="hidden" name="returnUrl" value="{{back}}">
            <input type="hidden" name="lang" value="{{(english ? "en" : "zh")}}">
            <label style="display:block;margin-bottom:12px">{{T("用户名", "User name")}}<br><input name="name" id="signin-name" autocomplete="username" required style="width:100%;padding:6px;box-sizing:border-box"></label>
            <label style="display:block;margin-bottom:18px">{{T("密码", "Password")}}<br><input name="password" id="signin-password" type="password" autocomplete="current-password" required style="width:100%;padding:6px;box-sizing:border-box"></label>
            <button type="submit" id="signin-submit" style="width:100%;padding:8px;background:#1f5fa8;color:#fff;border:0;border-radius:4px;font-size:15px">{{T("登录", "Sign in")}}</button>
            </form>
            <p style="margin:16px 0 0;font-size:13px"><a href="{{WebUtility.HtmlEncode(other)}}">{{T("English", "中文")}}</a></p>
            </main></body></html>
            """;
    }

    /// <summary>Only a path on this site (no scheme, no host, no <c>//</c>): anything else returns to <c>/</c>.</summary>
    public static string SafeReturnUrl(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal) ? url : "/";
}
