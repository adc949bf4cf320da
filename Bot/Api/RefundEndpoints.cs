using System.Text.Json;
using ChatPay.Domain.Refunds;
using ChatPay.Domain.Storage;

namespace ChatPay.Bot.Api;

/// <summary>
/// An agency's system asks for a refund (POST /api/v1/refunds, with an Idempotency-Key: the same key again gets the same
/// refund) and follows it (GET /api/v1/refunds/{id}). Like a refund support asks for in chat, it is sent only once an
/// officer of the agency or support approves it in their chat.
/// </summary>
public static class RefundEndpoints
{
    public const string IdempotencyHeader = "Idempotency-Key";

    public sealed record RefundRequest(string? PaymentId, long? Amount, string? Reason);

    public sealed record RefundView(string Id, string PaymentId, string DossierCode, long Amount, bool Full, string Reason, string State, string RequestedBy,
        DateTimeOffset RequestedAt, string? ApprovedBy, DateTimeOffset? DecidedAt, string? GatewayCode, string? GatewayMessage, string? TransactionNo,
        DateTimeOffset? FinishedAt)
    {
        public static RefundView Of(Refund r) => new(r.Id, r.PaymentId, r.DossierCode, r.Amount, r.Full, r.Reason, char.ToLowerInvariant(r.State.ToString()[0]) + r.State.ToString()[1..],
            r.RequesterName, r.RequestedAt, r.ApproverName, r.DecidedAt, r.GatewayCode, r.GatewayMessage, r.GatewayTransactionNo, r.FinishedAt);
    }

    public static RouteGroupBuilder MapRefundApi(this RouteGroupBuilder api)
    {
        api.MapPost("/refunds", SubmitAsync);
        api.MapGet("/refunds/{id}", Show);
        return api;
    }

    public static async Task<IResult> SubmitAsync(HttpRequest request, IChatPayStore store, TimeProvider clock)
    {
        var key = request.Headers[IdempotencyHeader].ToString();
        if (key.Length is 0 or > 100)
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: $"An {IdempotencyHeader} header (1–100 characters) is required.");
        RefundRequest? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<RefundRequest>(request.Body, JsonSerializerOptions.Web);
        }
        catch (JsonException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The body is not valid JSON.");
        }
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body?.PaymentId)) errors["paymentId"] = ["The attempt to refund (its id, e.g. H42.10-261125-0001_2) is required."];
        if (string.IsNullOrWhiteSpace(body?.Reason) || body.Reason.Length > 300) errors["reason"] = ["A reason of 1–300 characters is required."];
        if (body?.Amount is <= 0) errors["amount"] = ["The amount must be positive (or left out: all that can still be refunded)."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "The refund request is not valid.");

        var caller = ApiKeyCheck.CallerOf(request.HttpContext);
        // The key is scoped to its caller: another system's key cannot collide with it.
        var scopedKey = $"{caller.Name}:{key}";
        var outcome = store.Write(session => new RefundDesk().Request(session, body!.PaymentId!, body.Amount, body.Reason!.Trim(), $"api:{caller.Name}",
            $"hệ thống {caller.Name}", scopedKey, clock.GetUtcNow(), caller.Covers));
        return outcome switch
        {
            RefundDesk.Outcome.Created created => TypedResults.Created($"/api/v1/refunds/{created.Refund.Id}", RefundView.Of(created.Refund)),
            RefundDesk.Outcome.Repeated repeated => TypedResults.Ok(RefundView.Of(repeated.Refund)),
            RefundDesk.Outcome.TooMuch tooMuch => TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity,
                title: $"The amount exceeds what can still be refunded of this attempt ({tooMuch.Left} VND)."),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No paid attempt {body!.PaymentId} with money left to refund."),
        };
    }

    public static IResult Show(string id, HttpContext http, IChatPayStore store)
    {
        var refund = store.Read(session => session.Refunds.Find(id));
        return refund is not null && ApiKeyCheck.CallerOf(http).Covers(refund.AgencyCode)
            ? TypedResults.Ok(RefundView.Of(refund))
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No refund {id}.");
    }
}
