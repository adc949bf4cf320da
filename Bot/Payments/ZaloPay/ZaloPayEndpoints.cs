using System.Text.Json;
using System.Text.Json.Serialization;
using ChatPay.Bot.Hosting;
using ChatPay.Domain.Payments;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace ChatPay.Bot.Payments.ZaloPay;

/// <summary>ZaloPay's calls to ChatPay: the callback for a paid order, and the browser's redirect after paying.</summary>
public static class ZaloPayEndpoints
{
    public const string CallbackPath = "/payments/zalopay/callback";
    public const string ReturnPath = "/payments/zalopay/return";

    public static IEndpointRouteBuilder MapZaloPay(this IEndpointRouteBuilder app)
    {
        app.MapPost(CallbackPath, HandleCallbackAsync).DisableAntiforgery();
        app.MapGet(ReturnPath, ShowReturn).ExcludeFromDescription();
        return app;
    }

    /// <summary>What ZaloPay's callback expects: 1 stored, 2 stored before; 0 makes it call again (at most 3 times), -1 a bad MAC.</summary>
    public sealed record CallbackAnswer([property: JsonPropertyName("return_code")] int ReturnCode, [property: JsonPropertyName("return_message")] string ReturnMessage);

    /// <summary>The MAC (key2 over the data string exactly as received) and the app first: nothing in a message that fails them is read.</summary>
    public static async Task<Ok<CallbackAnswer>> HandleCallbackAsync(HttpRequest request, IOptions<ZaloPayOptions> options, GatewayCallbacks callbacks,
        CancellationToken cancellationToken)
    {
        var body = await GatewayJson.ReadAsync(request, cancellationToken);
        var data = body?.GetValueOrDefault("data");
        var fields = data is not null && ZaloPayMac.Verify(options.Value.Key2, body!.GetValueOrDefault("mac"), data) ? Fields(data) : null;
        if (fields is null || fields.GetValueOrDefault("app_id") != options.Value.AppId)
        {
            callbacks.Refused(ZaloPayAdapter.GatewayName);
            return Answered(callbacks, -1, "mac not equal");
        }
        return callbacks.Settle(ZaloPayReports.Paid(fields)) switch
        {
            CallbackVerdict.Stored => Answered(callbacks, 1, "success"),
            CallbackVerdict.AlreadyStored => Answered(callbacks, 2, "already processed"),
            CallbackVerdict.UnknownPayment => Answered(callbacks, 2, "unknown order"),
            CallbackVerdict.AmountMismatch => Answered(callbacks, 2, "amount does not match the order"),
            _ => Answered(callbacks, 0, "not stored; call again"),
        };
    }

    /// <summary>
    /// Shows the person the result ZaloPay's redirect carries, once its checksum (key2 over appid|apptransid|pmcid|bankcode|
    /// amount|discountamount|status) holds. It changes nothing: ZaloPay's callback or a status query settles.
    /// </summary>
    public static IResult ShowReturn(HttpRequest request, IOptions<ZaloPayOptions> options, AppLinks links)
    {
        var fields = ReturnPages.Fields(request);
        string Field(string name) => fields.GetValueOrDefault(name, "");
        var authentic = Field("appid") == options.Value.AppId && ZaloPayMac.Verify(options.Value.Key2, Field("checksum"),
            Field("appid"), Field("apptransid"), Field("pmcid"), Field("bankcode"), Field("amount"), Field("discountamount"), Field("status"));
        var paid = Field("status") == "1";
        var report = new GatewayReport(ZaloPayAdapter.GatewayName, ZaloPayReports.PaymentIdOf(Field("apptransid")), GatewayJson.Long(fields, "amount"),
            paid ? GatewayOutcome.Succeeded : GatewayOutcome.Failed, Field("status"), paid ? null : ZaloPayReports.NotPaidReason, null, "ZaloPay", null);
        return ReturnPages.Show(authentic ? report : null, links);
    }

    private static Dictionary<string, string>? Fields(string data)
    {
        try
        {
            using var document = JsonDocument.Parse(data);
            return GatewayJson.Fields(document.RootElement);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static Ok<CallbackAnswer> Answered(GatewayCallbacks callbacks, int code, string message)
    {
        callbacks.Answered(ZaloPayAdapter.GatewayName, code.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return TypedResults.Ok(new CallbackAnswer(code, message));
    }
}
