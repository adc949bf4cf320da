using ChatPay.Bot.Pages;
using ChatPay.Bot.Payments.VnPay;
using ChatPay.Domain.Payments;

namespace ChatPay.Bot.Payments;

/// <summary>
/// The payment link a citizen gets in the chat. The gateway needs the payer's IP address, which only the
/// click reveals, so the signed gateway URL is built here at click time.
/// </summary>
public static class PaymentLinkEndpoints
{
    public const string Path = "/pay";

    /// <summary>What a link of a paid dossier shows.</summary>
    public const string AlreadyPaidHeading = "Khoản này đã được thanh toán";

    public static IEndpointRouteBuilder MapPaymentLinks(this IEndpointRouteBuilder app)
    {
        app.MapGet($"{Path}/{{token}}", Follow).ExcludeFromDescription();
        return app;
    }

    public static IResult Follow(string token, HttpContext http, PaymentLinks links, VnPayGateway gateway) => links.Open(token) switch
    {
        LinkOpening.Ready ready => Results.Redirect(gateway.PaymentUrl(ready.Payment, http.Connection.RemoteIpAddress)),
        LinkOpening.AlreadyPaid => Page.Html("Đã thanh toán",
            $"<h1 class=\"ok\">{AlreadyPaidHeading}</h1><p>Biên lai đã được gửi vào cuộc trò chuyện của bạn.</p>"),
        LinkOpening.Closed => Page.Html("Liên kết không còn hiệu lực",
            "<h1 class=\"bad\">Liên kết thanh toán không còn hiệu lực</h1><p>Liên kết đã hết hạn hoặc đã được thay bằng liên kết mới. " +
            "Vui lòng quay lại cuộc trò chuyện để tạo liên kết mới.</p>", StatusCodes.Status410Gone),
        _ => Page.Html("Không tìm thấy", "<h1 class=\"bad\">Không tìm thấy liên kết thanh toán</h1><p>Vui lòng dùng liên kết trong cuộc trò chuyện.</p>",
            StatusCodes.Status404NotFound),
    };
}
