using System.Text.Json;
using ChatPay.Bot.Payments.VnPay;
using ChatPay.Bot.Storage;
using ChatPay.Bot.Storage.Records;

namespace ChatPay.Bot.Payments.Sandbox;

/// <summary>The sandbox's merchant API: answers signed status queries and refunds as VNPay does.</summary>
public sealed class SandboxStatusApi(SandboxBank bank, IRecordTables tables)
{
    private sealed record SeenRequest(string Id, DateTimeOffset At);

    private const string SeenCollection = "sandbox_requests";
    private readonly IRecordTable<SeenRequest> _seen = tables.Table<SeenRequest>(SeenCollection, r => r.Id);

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

        if (Field("vnp_Command") == VnPayRefunds.Command) return Refund(request);
        if (Field("vnp_Command") != VnPayQuery.Command || Field("vnp_Version") != VnPayMessages.Version || Field("vnp_RequestId").Length is 0 or > 32)
            return Reply(merchant, "03", "Invalid request format", null, null);
        if (Field("vnp_TmnCode") != merchant.TmnCode) return Reply(merchant, "02", "Merchant is not valid", null, null);
        if (!VnPayQuery.Verify(request, VnPayQuery.RequestSigned, merchant.HashSecret)) return Reply(merchant, "97", "Invalid checksum", null, null);
        if (!FirstTime(Field("vnp_RequestId"))) return Reply(merchant, "94", "Duplicate request", null, null);

        var transaction = bank.Find(Field("vnp_TxnRef"));
        return transaction is null
            ? Reply(merchant, "91", "Transaction not found", null, Field("vnp_TxnRef"))
            : Reply(merchant, "00", "QueryDR Success", bank.ResultFields(transaction), transaction.Id);
    }

    /// <summary>
    /// A refund: full (02, the whole of what is left) or partial (03, at most what is left) of a successful transaction,
    /// each request id once; the transaction's status then says 06 (sent to the bank).
    /// </summary>
    private Dictionary<string, string> Refund(Dictionary<string, string> request)
    {
        var merchant = bank.Merchant;
        string Field(string name) => request.GetValueOrDefault(name, "");
        if (Field("vnp_Version") != VnPayMessages.Version || Field("vnp_RequestId").Length is 0 or > 32 || Field("vnp_TransactionType") is not ("02" or "03")
            || !long.TryParse(Field("vnp_Amount"), out var amount) || amount <= 0)
            return RefundReply(merchant, "03", "Invalid request format", request, null);
        if (Field("vnp_TmnCode") != merchant.TmnCode) return RefundReply(merchant, "02", "Merchant is not valid", request, null);
        if (!VnPayQuery.Verify(request, VnPayRefunds.RequestSigned, merchant.HashSecret)) return RefundReply(merchant, "97", "Invalid checksum", request, null);
        if (!FirstTime(Field("vnp_RequestId"))) return RefundReply(merchant, "94", "Duplicate request", request, null);
        var transaction = bank.Find(Field("vnp_TxnRef"));
        if (transaction is null) return RefundReply(merchant, "91", "Transaction not found", request, null);
        if (transaction.TransactionStatus != "00") return RefundReply(merchant, "95", "Transaction is not successful", request, transaction);
        var left = long.Parse(transaction.Amount, System.Globalization.CultureInfo.InvariantCulture) - transaction.Refunded;
        if (amount > left || Field("vnp_TransactionType") == "02" && amount != left) return RefundReply(merchant, "03", "Invalid amount", request, transaction);
        transaction.Refunded += amount;
        bank.Save(transaction);
        return RefundReply(merchant, "00", "Refund success", request, transaction);
    }

    private Dictionary<string, string> RefundReply(VnPayMerchant merchant, string code, string message, Dictionary<string, string> request, SandboxTransaction? transaction)
    {
        var reply = new Dictionary<string, string>
        {
            ["vnp_ResponseId"] = Guid.NewGuid().ToString("N"),
            ["vnp_Command"] = VnPayRefunds.Command,
            ["vnp_ResponseCode"] = code,
            ["vnp_Message"] = message,
            ["vnp_TmnCode"] = merchant.TmnCode,
            ["vnp_TxnRef"] = request.GetValueOrDefault("vnp_TxnRef", ""),
            ["vnp_Amount"] = request.GetValueOrDefault("vnp_Amount", ""),
            ["vnp_BankCode"] = transaction?.BankCode ?? "",
            ["vnp_PayDate"] = transaction is null ? "" : VnPayTime.ToText(transaction.PayDate),
            // The refund's own transaction number at VNPay.
            ["vnp_TransactionNo"] = code == "00" && transaction is not null ? (transaction.TransactionNo + 50_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture) : "",
            ["vnp_TransactionType"] = request.GetValueOrDefault("vnp_TransactionType", ""),
            ["vnp_TransactionStatus"] = code == "00" ? "05" : transaction?.TransactionStatus ?? "",
            ["vnp_OrderInfo"] = request.GetValueOrDefault("vnp_OrderInfo", ""),
        };
        reply[VnPaySignature.HashField] = VnPayQuery.Sign(reply, VnPayRefunds.ResponseSigned, merchant.HashSecret);
        return reply;
    }

    private bool FirstTime(string requestId)
    {
        var request = new SeenRequest(requestId, DateTimeOffset.UtcNow);
        return _seen.Add(request) == request;
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
