using System.Globalization;
using ChatPay.Domain.Payments;
using ChatPay.Domain.Vietnamese;

namespace ChatPay.Bot.Payments.ZaloPay;

/// <summary>ZaloPay's references and results in the domain's words.</summary>
public static class ZaloPayReports
{
    public const string NotPaidReason = "Giao dịch qua ZaloPay chưa thành công.";

    /// <summary>app_trans_id: the order's date in GMT+7 ("yyMMdd_"), then the attempt's id; at most 40 characters.</summary>
    public static string? AppTransId(Payment payment, DateTimeOffset now) =>
        $"{VietnamTime.Local(now).ToString("yyMMdd", CultureInfo.InvariantCulture)}_{payment.Id}" is { Length: <= 40 } id ? id : null;

    /// <summary>The attempt an app_trans_id names (what follows the date), or "" if it is not one of ChatPay's.</summary>
    public static string PaymentIdOf(string appTransId) => appTransId.Length > 7 && appTransId[6] == '_' ? appTransId[7..] : "";

    /// <summary>A callback's data: ZaloPay calls back for paid orders only.</summary>
    public static GatewayReport Paid(IReadOnlyDictionary<string, string> data)
    {
        var serverTime = GatewayJson.Long(data, "server_time");
        return new GatewayReport(
            Gateway: ZaloPayAdapter.GatewayName,
            PaymentId: PaymentIdOf(data.GetValueOrDefault("app_trans_id", "")),
            Amount: GatewayJson.Long(data, "amount"),
            Outcome: GatewayOutcome.Succeeded,
            Code: "1",
            Reason: null,
            TransactionNo: data.GetValueOrDefault("zp_trans_id"),
            PaidWith: "ZaloPay",
            PaidAt: serverTime > 0 ? DateTimeOffset.FromUnixTimeMilliseconds(serverTime) : null)
        {
            Details = new Dictionary<string, string>(data),
        };
    }

    /// <summary>A /v2/query answer: return_code 1 paid, 2 failed, 3 not paid yet (or still processing).</summary>
    public static GatewayReport Queried(IReadOnlyDictionary<string, string> answer, Payment payment)
    {
        var code = answer.GetValueOrDefault("return_code", "");
        var outcome = code switch
        {
            "1" => GatewayOutcome.Succeeded,
            "2" => GatewayOutcome.Failed,
            "3" when answer.GetValueOrDefault("is_processing") == "true" => GatewayOutcome.Unknown,
            "3" => GatewayOutcome.Pending,
            _ => GatewayOutcome.Unknown,
        };
        return new GatewayReport(
            Gateway: ZaloPayAdapter.GatewayName,
            PaymentId: payment.Id,
            Amount: GatewayJson.Long(answer, "amount"),
            Outcome: outcome,
            Code: $"{code}/{answer.GetValueOrDefault("sub_return_code", "")}",
            Reason: outcome == GatewayOutcome.Succeeded ? null : outcome == GatewayOutcome.Failed ? NotPaidReason : "Giao dịch ZaloPay đang chờ xử lý.",
            TransactionNo: answer.GetValueOrDefault("zp_trans_id") is { Length: > 0 } zp && zp != "0" ? zp : null,
            PaidWith: "ZaloPay",
            PaidAt: null)
        {
            Details = new Dictionary<string, string>(answer),
        };
    }
}
