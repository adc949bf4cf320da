using System.Text.Json.Serialization;
using ChatPay.Bot.Hosting;
using ChatPay.Bot.Operations;
using ChatPay.Bot.Pages;
using ChatPay.Domain.Payments;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChatPay.Bot.Payments.VnPay;

/// <summary>VNPay's calls to ChatPay: the server-to-server IPN, and the browser's return after paying.</summary>
public static class VnPayEndpoints
{
    public const string IpnPath = "/payments/vnpay/ipn";
    public const string ReturnPath = "/payments/vnpay/return";

    /// <summary>The return page's headings (what the payer sees back from the bank).</summary>
    public const string PaidHeading = "Thanh toán thành công";
    public const string NotAuthenticHeading = "Không xác thực được kết quả thanh toán";

    public static IEndpointRouteBuilder MapVnPay(this IEndpointRouteBuilder app)
    {
        app.MapGet(IpnPath, HandleIpn);
        app.MapGet(ReturnPath, ShowReturn).ExcludeFromDescription();
        return app;
    }

    /// <summary>The answer VNPay's IPN expects: {"RspCode":"00","Message":"Confirm Success"}.</summary>
    public sealed record IpnAnswer([property: JsonPropertyName("RspCode")] string RspCode, [property: JsonPropertyName("Message")] string Message);

    /// <summary>Signature, then order, then amount, then whether it is still pending — in the order VNPay's guide gives.</summary>
    public static Ok<IpnAnswer> HandleIpn(HttpRequest request, VnPayGateway gateway, PaymentSettlement settlement, ChatPayMetrics metrics, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(VnPayEndpoints));
        var callback = gateway.ReadCallback(request.Query);
        if (!callback.Authentic)
        {
            logger.LogWarning("An IPN without a valid signature was refused");
            return Answered(metrics, Answer("97", "Invalid signature"));
        }
        using var scope = logger.ForPayment(callback.Report!.Reference);
        try
        {
            var answer = settlement.Settle(callback.Report) switch
            {
                SettlementOutcome.Recorded => Answer("00", "Confirm Success"),
                SettlementOutcome.AlreadySettled => Answer("02", "Order already confirmed"),
                SettlementOutcome.UnknownPayment => Answer("01", "Order not found"),
                _ => Answer("04", "Invalid amount"),
            };
            logger.LogInformation("IPN for {TxnRef} ({Result}) answered {RspCode}", callback.Report.Reference,
                callback.Report.Succeeded ? "paid" : "not paid", answer.Value!.RspCode);
            return Answered(metrics, answer);
        }
        catch (Exception e)
        {
            // VNPay retries on 99, and the step rolled back, so nothing is half-recorded.
            logger.LogError(e, "IPN for {TxnRef} failed", callback.Report.Reference);
            return Answered(metrics, Answer("99", "Unknow error"));
        }
    }

    private static Ok<IpnAnswer> Answered(ChatPayMetrics metrics, Ok<IpnAnswer> answer)
    {
        metrics.IpnAnswered(answer.Value!.RspCode);
        return answer;
    }

    /// <summary>Shows the person the result VNPay passed back. It changes nothing: only the IPN (or a status query) settles.</summary>
    public static IResult ShowReturn(HttpRequest request, VnPayGateway gateway, AppLinks links)
    {
        var callback = gateway.ReadCallback(request.Query);
        var back = $"<p><a class=\"button\" href=\"{Page.Encode(links.Home)}\">Quay lại cuộc trò chuyện</a></p>";
        if (!callback.Authentic)
            return Page.Html("Không xác thực được kết quả",
                $"<h1 class=\"bad\">{NotAuthenticHeading}</h1><p>Vui lòng xem kết quả trong cuộc trò chuyện.</p>" + back,
                StatusCodes.Status400BadRequest);

        var report = callback.Report!;
        return report.Succeeded
            ? Page.Html(PaidHeading,
                $"<h1 class=\"ok\">{PaidHeading}</h1><p>Biên lai được gửi vào cuộc trò chuyện của bạn. Bạn có thể đóng trang này.</p>" + back)
            : Page.Html("Thanh toán chưa thành công",
                $"<h1 class=\"bad\">Thanh toán chưa thành công</h1><p>{Page.Encode(FailureReasons.Explain(report.ResponseCode, report.TransactionStatus))}</p>" +
                "<p>Bạn có thể quay lại cuộc trò chuyện để thử lại hoặc chọn ngân hàng khác.</p>" + back);
    }

    private static Ok<IpnAnswer> Answer(string code, string message) => TypedResults.Ok(new IpnAnswer(code, message));
}
