using System.Text.Json;
using ChatPay.Bot.Hosting;
using ChatPay.Bot.Pages;
using ChatPay.Bot.Reports;
using ChatPay.Domain;
using ChatPay.Domain.Dossiers;
using ChatPay.Domain.Storage;
using Microsoft.AspNetCore.Mvc;

namespace ChatPay.Bot.Api;

/// <summary>The portal's side: payment requests in, dossier status out. Every call needs an API key.</summary>
public static class PaymentRequestEndpoints
{
    public const int MaxBodyBytes = 64 * 1024;

    public static IEndpointRouteBuilder MapPaymentRequestApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").AddEndpointFilter<ApiKeyCheck>().WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes));
        api.MapPost("/payment-requests", SubmitAsync);
        api.MapDelete("/payment-requests/{dossierCode}", Withdraw);
        api.MapGet("/payment-requests/{dossierCode}/qr", Qr);
        api.MapGet("/dossiers/{dossierCode}", Show);
        api.MapReportApi();
        api.MapRefundApi();
        return app;
    }

    public static async Task<IResult> SubmitAsync(HttpRequest request, PaymentRequests requests, ChatPayRules rules, IChatPayStore store, AppLinks links, PayLinkUrls payLinks)
    {
        JsonElement body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body);
        }
        catch (JsonException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The body is not valid JSON.");
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: $"The body is larger than {MaxBodyBytes} bytes.");
        }

        var (paymentRequest, errors) = PaymentRequestReader.Read(body, rules);
        if (paymentRequest is null) return TypedResults.ValidationProblem(errors, title: "The payment request is not valid.");

        var caller = ApiKeyCheck.CallerOf(request.HttpContext);
        var outcome = requests.Submit(paymentRequest, caller.Covers);
        if (outcome == PaymentRequestOutcome.NotFound) return NoSuchDossier(paymentRequest.DossierCode);
        var view = store.Read(session => DossierView.Of(session.Dossiers.Find(paymentRequest.DossierCode)!, session, links, payLinks));
        return outcome switch
        {
            PaymentRequestOutcome.Created => TypedResults.Created($"/api/v1/dossiers/{paymentRequest.DossierCode}", view),
            PaymentRequestOutcome.AlreadyPaid => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
                title: $"Dossier {paymentRequest.DossierCode} is paid; its request cannot change."),
            _ => TypedResults.Ok(view),
        };
    }

    public static IResult Withdraw(string dossierCode, HttpContext http, PaymentRequests requests) =>
        requests.Withdraw(Canonical(dossierCode) ?? "", ApiKeyCheck.CallerOf(http).Covers) switch
    {
        PaymentRequestOutcome.Withdrawn => TypedResults.NoContent(),
        PaymentRequestOutcome.AlreadyPaid => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: $"Dossier {dossierCode} is paid; its request cannot be withdrawn."),
        _ => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"Dossier {dossierCode} has no open payment request."),
    };

    public static IResult Show(string dossierCode, HttpContext http, IChatPayStore store, AppLinks links, PayLinkUrls payLinks)
    {
        var view = store.Read(session => Visible(session, dossierCode, http) is { } dossier ? DossierView.Of(dossier, session, links, payLinks) : null);
        return view is null ? NoSuchDossier(dossierCode) : TypedResults.Ok(view);
    }

    /// <summary>The web link of the open request as a QR code (PNG), for the portal's page or the officer's printed slip.</summary>
    public static IResult Qr(string dossierCode, HttpContext http, IChatPayStore store, PayLinkUrls payLinks)
    {
        var dossier = store.Read(session => Visible(session, dossierCode, http));
        if (dossier is null) return NoSuchDossier(dossierCode);
        if (payLinks.Of(dossier) is not { } links)
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: $"Dossier {dossier.Code} has no open payment request, so no link to pay it.");
        return TypedResults.File(QrPng.Of(links.Web, pixelsPerModule: 8), "image/png", $"{dossier.Code}.png");
    }

    /// <summary>The dossier with this code, if the caller's key may see it.</summary>
    private static Dossier? Visible(IStoreSession session, string dossierCode, HttpContext http) =>
        Canonical(dossierCode) is { } code && session.Dossiers.Find(code) is { } dossier && ApiKeyCheck.CallerOf(http).Covers(dossier.AgencyCode) ? dossier : null;

    /// <summary>Also the answer for another agency's dossier: a key learns nothing of dossiers it may not act for.</summary>
    private static IResult NoSuchDossier(string dossierCode) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No dossier {dossierCode}.");

    private static string? Canonical(string code) =>
        code.Length <= 64 && DossierCodeReader.Read(code) is DossierCodeReading.Found found ? found.Code.Value : null;
}
