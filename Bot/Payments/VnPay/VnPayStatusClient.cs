using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using ChatPay.Bot.Health;
using ChatPay.Bot.Operations;
using ChatPay.Domain.Payments;

namespace ChatPay.Bot.Payments.VnPay;

/// <summary>Asks VNPay's merchant API (or the sandbox's) what became of an attempt, and checks the answer's signature.</summary>
public sealed class VnPayStatusClient(
    HttpClient http, VnPayMerchant merchant, Reachability reachability, ChatPayMetrics metrics, TimeProvider clock, ILogger<VnPayStatusClient> logger)
{
    public async Task<GatewayStatus> QueryAsync(Payment payment, CancellationToken cancellationToken)
    {
        var request = new Dictionary<string, string>
        {
            ["vnp_RequestId"] = Guid.NewGuid().ToString("N"),
            ["vnp_Version"] = VnPayMessages.Version,
            ["vnp_Command"] = VnPayQuery.Command,
            ["vnp_TmnCode"] = merchant.TmnCode,
            ["vnp_TxnRef"] = payment.Id,
            ["vnp_OrderInfo"] = $"Truy van giao dich {payment.Id}",
            // The date the payment URL carried as vnp_CreateDate.
            ["vnp_TransactionDate"] = VnPayTime.ToText(payment.CreatedAt),
            ["vnp_CreateDate"] = VnPayTime.ToText(clock.GetUtcNow()),
            ["vnp_IpAddr"] = "127.0.0.1",
        };
        if (payment.TransactionNo is { } transactionNo) request["vnp_TransactionNo"] = transactionNo;
        request[VnPaySignature.HashField] = VnPayQuery.Sign(request, VnPayQuery.RequestSigned, merchant.HashSecret);

        Dictionary<string, string>? answer;
        var started = clock.GetTimestamp();
        try
        {
            using var response = await http.PostAsJsonAsync(merchant.ApiUrl, request, cancellationToken);
            answer = VnPayQuery.ReadFields(await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken));
            metrics.GatewayAnswered(clock.GetElapsedTime(started), "answered");
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or TaskCanceledException or NotSupportedException)
        {
            metrics.GatewayAnswered(clock.GetElapsedTime(started), "failed");
            reachability.Failed(VnPayAdapter.Service, $"status query: {e.GetType().Name}");
            logger.LogWarning(e, "Status query for {TxnRef} failed", payment.Id);
            return new GatewayStatus.Unavailable("no answer");
        }

        if (answer is null || !VnPayQuery.Verify(answer, VnPayQuery.ResponseSigned, merchant.HashSecret))
        {
            reachability.Failed(VnPayAdapter.Service, "status query: an answer not signed by the gateway");
            logger.LogWarning("Status query for {TxnRef} got an answer that is not signed by the gateway", payment.Id);
            return new GatewayStatus.Unavailable("invalid signature");
        }
        reachability.Answered(VnPayAdapter.Service);
        var code = Field(answer, "vnp_ResponseCode");
        if (Mismatch(answer, payment, code) is { } mismatch)
        {
            // A signed answer about something else (another attempt, another merchant, a refund, another amount) says nothing about this one.
            logger.LogWarning("Status query for {TxnRef} got an answer that does not match the question ({Mismatch}); it is ignored", payment.Id, mismatch);
            return new GatewayStatus.Unavailable($"answer does not match ({mismatch})");
        }
        return code switch
        {
            "00" => new GatewayStatus.Reported(Report(answer, payment.Id)),
            "91" => new GatewayStatus.NotFound(),
            _ => new GatewayStatus.Unavailable($"code {code}"),
        };
    }

    /// <summary>What in the answer differs from what was asked, or null: the same vnp_TxnRef and merchant, and for a found transaction a payment (type 01) of the amount asked.</summary>
    private string? Mismatch(Dictionary<string, string> answer, Payment payment, string code)
    {
        if (Field(answer, "vnp_TxnRef") != payment.Id) return $"vnp_TxnRef '{Field(answer, "vnp_TxnRef")}'";
        if (Field(answer, "vnp_TmnCode") != merchant.TmnCode) return $"vnp_TmnCode '{Field(answer, "vnp_TmnCode")}'";
        if (code != "00") return null;
        if (Field(answer, "vnp_TransactionType") != "01") return $"vnp_TransactionType '{Field(answer, "vnp_TransactionType")}'";
        var amount = (payment.Amount * 100).ToString(CultureInfo.InvariantCulture);
        return Field(answer, "vnp_Amount") == amount ? null : $"vnp_Amount '{Field(answer, "vnp_Amount")}' instead of {amount}";
    }

    /// <summary>The status API does not return the payment's own response code; the transaction status says what happened.</summary>
    private static GatewayReport Report(Dictionary<string, string> answer, string paymentId)
    {
        var status = Field(answer, "vnp_TransactionStatus");
        return VnPayCodes.Report(answer, paymentId, VnPayMessages.ParseAmount(Field(answer, "vnp_Amount")), status is "00" or "05" or "06" ? "00" : "", status);
    }

    private static string Field(Dictionary<string, string> fields, string name) => fields.GetValueOrDefault(name, "");
}
