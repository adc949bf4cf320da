using System.Security.Cryptography;
using System.Text;
using ChatPay.Bot.Payments;
using ChatPay.Bot.Payments.MoMo;
using ChatPay.Bot.Payments.VnPay;
using ChatPay.Bot.Payments.ZaloPay;
using ChatPay.Bot.Receipts;
using Microsoft.Extensions.Options;

namespace ChatPay.Bot.Hosting;

/// <summary>
/// Headers that keep ChatPay's pages from being framed, sniffed, leaked through the Referer or cached: a
/// Content-Security-Policy on every HTML page (scripts only from ChatPay itself, or the one inline script whose hash
/// it names), nosniff and no-referrer on everything, no-store on pages that show a payment or a receipt, and HSTS
/// when ChatPay is public over https.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>The receipt's print button; allowed by its hash, not by allowing inline script.</summary>
    public const string PrintScript = "document.getElementById('print').addEventListener('click',()=>window.print());";

    public static readonly string ContentSecurityPolicy =
        $"default-src 'self'; script-src 'self' 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(PrintScript)))}'; " +
        "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    private static readonly string[] NoStorePaths = [ReceiptEndpoints.Path, VnPayEndpoints.ReturnPath, MoMoEndpoints.ReturnPath, ZaloPayEndpoints.ReturnPath, PaymentLinkEndpoints.Path, "/sandbox/"];

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        var https = app.Services.GetRequiredService<IOptions<AppOptions>>().Value.PublicBaseUrl.StartsWith("https:", StringComparison.OrdinalIgnoreCase);
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                if (https) headers.StrictTransportSecurity = "max-age=31536000";
                if (context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
                {
                    headers.ContentSecurityPolicy = ContentSecurityPolicy;
                    headers.XFrameOptions = "DENY";
                }
                var path = context.Request.Path.Value ?? "";
                if (NoStorePaths.Any(p => path.StartsWith(p, StringComparison.OrdinalIgnoreCase))) headers.CacheControl = "no-store";
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }
}
