using System.Text.Json.Serialization;
using ChatPay.Bot.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChatPay.Bot.Payments.VnPay;

/// <summary>VNPay's calls to ChatPay: the server-to-server IPN, and the browser's return after paying.</summary>
public static class VnPayEndpoints
{
    public const string IpnPath = "/payments/vnpay/ipn";
    public const string ReturnPath = "/payments/vnpay/return";

    public static IEndpointRouteBuilder MapVnPay(this IEndpointRouteBuilder app)
    {
        app.MapGet(IpnPath, HandleIpn);
        app.MapGet(ReturnPath, ShowReturn).ExcludeFromDescription();
        return app;
    }

    /// <summary>The answer VNPay's IPN expects: {"RspCode":"00","Message":"Confirm Success"}.</summary>
    public sealed record IpnAnswer([property: JsonPropertyName("RspCode")] string RspCode, [property: JsonPropertyName("Message")] string Message);

    /// <summary>Signature, then order, then amount, then whether it is still pending — in the order VNPay's guide gives.</summary>
    public static Ok<IpnAnswer> HandleIpn(HttpRequest request, VnPayMessages messages, GatewayCallbacks callbacks)
    {
        var callback = messages.ReadCallback(request.Query);
        if (!callback.Authentic)
        {
            callbacks.Refused(VnPayAdapter.GatewayName);
            return Answered(callbacks, "97", "Invalid signature");
        }
        // VNPay retries on 99, and the step rolled back, so nothing is half-recorded.
        return callbacks.Settle(callback.Report!) switch
        {
            CallbackVerdict.Stored => Answered(callbacks, "00", "Confirm Success"),
            CallbackVerdict.AlreadyStored => Answered(callbacks, "02", "Order already confirmed"),
            CallbackVerdict.UnknownPayment => Answered(callbacks, "01", "Order not found"),
            CallbackVerdict.AmountMismatch => Answered(callbacks, "04", "Invalid amount"),
            _ => Answered(callbacks, "99", "Unknow error"),
        };
    }

    private static Ok<IpnAnswer> Answered(GatewayCallbacks callbacks, string code, string message)
    {
        callbacks.Answered(VnPayAdapter.GatewayName, code);
        return TypedResults.Ok(new IpnAnswer(code, message));
    }

    /// <summary>Shows the person the result VNPay passed back. It changes nothing: only the IPN (or a status query) settles.</summary>
    public static IResult ShowReturn(HttpRequest request, VnPayMessages messages, AppLinks links) =>
        ReturnPages.Show(messages.ReadCallback(request.Query).Report, links);
}
