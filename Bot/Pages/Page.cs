using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http;

namespace ChatPay.Bot.Pages;

/// <summary>The frame of ChatPay's few server-rendered pages (payment results, receipts, the sandbox bank).</summary>
public static class Page
{
    // Escapes what HTML needs escaped but leaves Vietnamese letters readable in the source.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Encode(string? text) => Encoder.Encode(text ?? "");

    public static IResult Html(string title, string body, int statusCode = StatusCodes.Status200OK, string extraCss = "") =>
        Results.Content($$"""
            <!doctype html>
            <html lang="vi">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{Encode(title)}}</title>
            <style>
            body { font-family: system-ui, "Segoe UI", Roboto, Arial, sans-serif; margin: 0; background: #f3f5f8; color: #1d2733; }
            main { max-width: 560px; margin: 32px auto; background: #fff; border-radius: 12px; padding: 24px 28px; box-shadow: 0 2px 12px rgba(0,0,0,.08); }
            h1 { font-size: 1.35rem; margin-top: 0; }
            .ok { color: #137333; } .bad { color: #b3261e; }
            .button { display: inline-block; padding: 10px 18px; border-radius: 8px; border: 0; background: #0b57d0; color: #fff; text-decoration: none; font-size: 1rem; cursor: pointer; }
            .button.secondary { background: #e8eaed; color: #1d2733; }
            dl { display: grid; grid-template-columns: max-content 1fr; gap: 6px 16px; }
            dt { color: #5f6b7a; } dd { margin: 0; font-weight: 500; }
            {{extraCss}}
            </style>
            </head>
            <body>
            <main>
            {{body}}
            </main>
            </body>
            </html>
            """, "text/html; charset=utf-8", statusCode: statusCode);
}
