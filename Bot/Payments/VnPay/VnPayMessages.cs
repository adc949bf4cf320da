using System.Globalization;
using System.Net;
using ChatPay.Domain.Payments;
using Microsoft.AspNetCore.Http;

namespace ChatPay.Bot.Payments.VnPay;

/// <summary>Speaks VNPay payment API 2.1.0 for one merchant: builds signed payment URLs and reads signed callbacks.</summary>
public sealed class VnPayMessages(VnPayMerchant merchant)
{
    public const string Version = "2.1.0";

    public string PaymentUrl(Payment payment, IPAddress? payerAddress)
    {
        var fields = new Dictionary<string, string>
        {
            ["vnp_Version"] = Version,
            ["vnp_Command"] = "pay",
            ["vnp_TmnCode"] = merchant.TmnCode,
            ["vnp_Amount"] = (payment.Amount * 100).ToString(CultureInfo.InvariantCulture),
            ["vnp_CurrCode"] = "VND",
            ["vnp_TxnRef"] = payment.Id,
            // VNPay wants order info without diacritics or special characters; dossier codes are letters, digits, '.' and '-'.
            ["vnp_OrderInfo"] = $"Thanh toan phi le phi ho so {payment.DossierCode}",
            ["vnp_OrderType"] = "billpayment",
            ["vnp_Locale"] = "vn",
            ["vnp_ReturnUrl"] = merchant.ReturnUrl,
            ["vnp_IpAddr"] = IpText(payerAddress),
            ["vnp_CreateDate"] = VnPayTime.ToText(payment.CreatedAt),
            ["vnp_ExpireDate"] = VnPayTime.ToText(payment.ExpiresAt),
        };
        if (!string.IsNullOrEmpty(payment.GatewayBankCode)) fields["vnp_BankCode"] = payment.GatewayBankCode;
        return $"{merchant.PaymentUrl}?{VnPaySignature.SignedQuery(fields, merchant.HashSecret)}";
    }

    /// <summary>Reads a return-URL or IPN query. Nothing in it is trusted unless the signature holds.</summary>
    public VnPayCallback ReadCallback(IQueryCollection query)
    {
        var fields = query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
        if (query.Any(q => q.Value.Count != 1)) return VnPayCallback.Forged;
        if (!VnPaySignature.Verify(fields, merchant.HashSecret)) return VnPayCallback.Forged;
        if (Field(fields, "vnp_TmnCode") != merchant.TmnCode) return VnPayCallback.Forged;

        var report = VnPayCodes.Report(fields, Field(fields, "vnp_TxnRef"), ParseAmount(Field(fields, "vnp_Amount")),
            Field(fields, "vnp_ResponseCode"), Field(fields, "vnp_TransactionStatus"));
        return new VnPayCallback(true, report);
    }

    /// <summary>vnp_Amount is đồng × 100. Anything else cannot equal an order's amount, so it reads as -1 and fails the amount check.</summary>
    internal static long ParseAmount(string text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var hundredths) && hundredths % 100 == 0 ? hundredths / 100 : -1;

    private static string IpText(IPAddress? address)
    {
        if (address is null) return "127.0.0.1";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        return IPAddress.IsLoopback(address) ? "127.0.0.1" : address.ToString();
    }

    private static string Field(Dictionary<string, string> fields, string name) => fields.GetValueOrDefault(name, "");
}
