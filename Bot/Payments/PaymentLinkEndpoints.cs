using ChatPay.Bot.Pages;
using ChatPay.Domain.Payments;

namespace ChatPay.Bot.Payments;

/// <summary>
/// The payment link a citizen gets in the chat. The attempt is started at its gateway on the first click (VNPay needs
/// the payer's address, which only the click reveals; a wallet's order would expire unused if made earlier); the
/// gateway's answer is kept, so a second click goes to the same order.
/// </summary>
public static class PaymentLinkEndpoints
{
    public const string Path = "/pay";

    /// <summary>What a link of a paid dossier shows.</summary>
    public const string AlreadyPaidHeading = "Khoản này đã được thanh toán";

    /// <summary>What a link shows when its gateway would not start the payment.</summary>
    public const string GatewayBusyHeading = "Cổng thanh toán chưa sẵn sàng";

    public static IEndpointRouteBuilder MapPaymentLinks(this IEndpointRouteBuilder app)
    {
        app.MapGet($"{Path}/{{token}}", FollowAsync).ExcludeFromDescription();
        return app;
    }

    public static async Task<IResult> FollowAsync(string token, HttpContext http, PaymentLinks links, PaymentGateways gateways, ILogger<PaymentLinks> logger)
    {
        var opening = links.Find(token);
        if (opening is LinkOpening.Ready { Payment: var payment })
        {
            var checkout = payment.Checkout;
            if (checkout is null)
            {
                var start = gateways.For(payment) is { } gateway
                    ? await gateway.StartAsync(payment, http.Connection.RemoteIpAddress, http.RequestAborted)
                    : new GatewayStart.Failed($"{PaymentGateways.NameOf(payment)} is not offered");
                if (start is GatewayStart.Failed failed)
                {
                    logger.LogWarning("{Gateway} did not start payment {PaymentId}: {Reason}", PaymentGateways.NameOf(payment), payment.Id, failed.Reason);
                    return Busy();
                }
                checkout = ((GatewayStart.Started)start).Checkout;
            }
            opening = links.Open(token, checkout);
        }
        return opening switch
        {
            LinkOpening.Ready ready => Results.Redirect(ready.Payment.Checkout!.RedirectUrl),
            LinkOpening.AlreadyPaid => Page.Html("Đã thanh toán",
                $"<h1 class=\"ok\">{AlreadyPaidHeading}</h1><p>Biên lai đã được gửi vào cuộc trò chuyện của bạn.</p>"),
            LinkOpening.Closed => Page.Html("Liên kết không còn hiệu lực",
                "<h1 class=\"bad\">Liên kết thanh toán không còn hiệu lực</h1><p>Liên kết đã hết hạn hoặc đã được thay bằng liên kết mới. " +
                "Vui lòng quay lại cuộc trò chuyện để tạo liên kết mới.</p>", StatusCodes.Status410Gone),
            _ => Page.Html("Không tìm thấy", "<h1 class=\"bad\">Không tìm thấy liên kết thanh toán</h1><p>Vui lòng dùng liên kết trong cuộc trò chuyện.</p>",
                StatusCodes.Status404NotFound),
        };
    }

    private static IResult Busy() => Page.Html(GatewayBusyHeading,
        $"<h1 class=\"bad\">{GatewayBusyHeading}</h1><p>Cổng thanh toán chưa nhận được yêu cầu. Bạn có thể mở lại liên kết sau ít phút, " +
        "hoặc quay lại cuộc trò chuyện để chọn ngân hàng, ví khác.</p>", StatusCodes.Status503ServiceUnavailable);
}
