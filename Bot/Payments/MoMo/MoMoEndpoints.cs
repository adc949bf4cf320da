using ChatPay.Bot.Hosting;
using Microsoft.Extensions.Options;

namespace ChatPay.Bot.Payments.MoMo;

/// <summary>MoMo's calls to ChatPay: the server-to-server IPN (JSON), and the browser's return after paying.</summary>
public static class MoMoEndpoints
{
    public const string IpnPath = "/payments/momo/ipn";
    public const string ReturnPath = "/payments/momo/return";

    public static IEndpointRouteBuilder MapMoMo(this IEndpointRouteBuilder app)
    {
        app.MapPost(IpnPath, HandleIpnAsync).DisableAntiforgery();
        app.MapGet(ReturnPath, ShowReturn).ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// MoMo wants 204 No Content within 15 s once the result is stored; anything else counts as undelivered, and MoMo may
    /// send it again. Signature and partner first: nothing in a message that fails them is read.
    /// </summary>
    public static async Task<IResult> HandleIpnAsync(HttpRequest request, IOptions<MoMoOptions> options, GatewayCallbacks callbacks, CancellationToken cancellationToken)
    {
        var fields = await GatewayJson.ReadAsync(request, cancellationToken);
        if (fields is null || !Authentic(fields, options.Value))
        {
            callbacks.Refused(MoMoAdapter.GatewayName);
            return Answered(callbacks, StatusCodes.Status400BadRequest);
        }
        return callbacks.Settle(MoMoCodes.Report(fields)) switch
        {
            CallbackVerdict.Stored or CallbackVerdict.AlreadyStored => Answered(callbacks, StatusCodes.Status204NoContent),
            CallbackVerdict.UnknownPayment => Answered(callbacks, StatusCodes.Status404NotFound),
            CallbackVerdict.AmountMismatch => Answered(callbacks, StatusCodes.Status422UnprocessableEntity),
            _ => Answered(callbacks, StatusCodes.Status500InternalServerError),
        };
    }

    /// <summary>Shows the person the result MoMo passed back (signed like the IPN). It changes nothing.</summary>
    public static IResult ShowReturn(HttpRequest request, IOptions<MoMoOptions> options, AppLinks links)
    {
        var fields = ReturnPages.Fields(request);
        return ReturnPages.Show(Authentic(fields, options.Value) ? MoMoCodes.Report(fields) : null, links);
    }

    private static bool Authentic(IReadOnlyDictionary<string, string> fields, MoMoOptions options) =>
        fields.GetValueOrDefault("partnerCode") == options.PartnerCode && MoMoSignature.Verify(fields, options.AccessKey, options.SecretKey, MoMoSignature.Result);

    private static IResult Answered(GatewayCallbacks callbacks, int status)
    {
        callbacks.Answered(MoMoAdapter.GatewayName, status.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return Results.StatusCode(status);
    }
}
