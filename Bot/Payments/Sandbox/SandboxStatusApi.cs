using System.Text.Json;
using ChatPay.Bot.Payments.VnPay;
using ChatPay.Bot.Storage;
using LiteDB;

namespace ChatPay.Bot.Payments.Sandbox;

/// <summary>The sandbox's merchant API: answers signed status queries as VNPay does.</summary>
public sealed class SandboxStatusApi(SandboxBank bank, LiteDbStore store)
{
    private sealed record SeenRequest(string Id, DateTimeOffset At);

    private const string SeenCollection = "sandbox_requests";

    public static async Task<IResult> Answer(HttpRequest request, SandboxStatusApi api)
    {
        Dictionary<string, string>? fields;
        try
        {
            fields = VnPayQuery.ReadFields(await System.Text.Json.JsonSerializer.DeserializeAsync<JsonElement>(request.Body));
        }
        catch (JsonException)
        {
            fields = null;
        }
        return Results.Json(api.Answer(fields));
    }

    public Dictionary<string, string> Answer(Dictionary<string, string>? request)
    {
        var merchant = bank.Merchant;
        if (request is null) return Reply(merchant, "03", "Invalid request format", null, null);
        string Field(string name) => request.GetValueOrDefault(name, "");

        if (Field("vnp_Command") != VnPayQuery.Command || Field("vnp_Version") != VnPayMessages.Version || Field("vnp_RequestId").Length is 0 or > 32)
            return Reply(merchant, "03", "Invalid request format", null, null);
        if (Field("vnp_TmnCode") != merchant.TmnCode) return Reply(merchant, "02", "Merchant is not valid", null, null);
        if (!VnPayQuery.Verify(request, VnPayQuery.RequestSigned, merchant.HashSecret)) return Reply(merchant, "97", "Invalid checksum", null, null);
        var firstTime = store.WriteDirect(db =>
        {
            var seen = db.GetCollection<SeenRequest>(SeenCollection);
            if (seen.Get(Field("vnp_RequestId")) is not null) return false;
            seen.Insert(new SeenRequest(Field("vnp_RequestId"), DateTimeOffset.UtcNow));
            return true;
        });
        if (!firstTime) return Reply(merchant, "94", "Duplicate request", null, null);

        var transaction = bank.Find(Field("vnp_TxnRef"));
        return transaction is null
            ? Reply(merchant, "91", "Transaction not found", null, Field("vnp_TxnRef"))
            : Reply(merchant, "00", "QueryDR Success", bank.ResultFields(transaction), transaction.Id);
    }

    private static Dictionary<string, string> Reply(VnPayMerchant merchant, string code, string message, Dictionary<string, string>? result, string? txnRef)
    {
        var reply = new Dictionary<string, string>
        {
            ["vnp_ResponseId"] = Guid.NewGuid().ToString("N"),
            ["vnp_Command"] = VnPayQuery.Command,
            ["vnp_ResponseCode"] = code,
            ["vnp_Message"] = message,
            ["vnp_TmnCode"] = merchant.TmnCode,
            ["vnp_TxnRef"] = txnRef ?? "",
            ["vnp_Amount"] = result?.GetValueOrDefault("vnp_Amount") ?? "",
            ["vnp_BankCode"] = result?.GetValueOrDefault("vnp_BankCode") ?? "",
            ["vnp_PayDate"] = result?.GetValueOrDefault("vnp_PayDate") ?? "",
            ["vnp_TransactionNo"] = result?.GetValueOrDefault("vnp_TransactionNo") ?? "",
            ["vnp_TransactionType"] = result is null ? "" : "01",
            ["vnp_TransactionStatus"] = result?.GetValueOrDefault("vnp_TransactionStatus") ?? "",
            ["vnp_OrderInfo"] = result?.GetValueOrDefault("vnp_OrderInfo") ?? "",
            ["vnp_PromotionCode"] = "",
            ["vnp_PromotionAmount"] = "",
        };
        reply[VnPaySignature.HashField] = VnPayQuery.Sign(reply, VnPayQuery.ResponseSigned, merchant.HashSecret);
        return reply;
    }
}
