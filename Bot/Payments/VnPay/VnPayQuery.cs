namespace ChatPay.Bot.Payments.VnPay;

/// <summary>
/// The status query (vnp_Command=querydr) of VNPay's merchant API: JSON both ways, each side signed with
/// HMAC-SHA512 over its values joined by '|' in a fixed order (absent values as empty strings).
/// </summary>
public static class VnPayQuery
{
    public const string Command = "querydr";

    public static readonly string[] RequestSigned =
        ["vnp_RequestId", "vnp_Version", "vnp_Command", "vnp_TmnCode", "vnp_TxnRef", "vnp_TransactionDate", "vnp_CreateDate", "vnp_IpAddr", "vnp_OrderInfo"];

    public static readonly string[] ResponseSigned =
    [
        "vnp_ResponseId", "vnp_Command", "vnp_ResponseCode", "vnp_Message", "vnp_TmnCode", "vnp_TxnRef", "vnp_Amount", "vnp_BankCode",
        "vnp_PayDate", "vnp_TransactionNo", "vnp_TransactionType", "vnp_TransactionStatus", "vnp_OrderInfo", "vnp_PromotionCode", "vnp_PromotionAmount",
    ];

    public static string Sign(IReadOnlyDictionary<string, string> fields, IEnumerable<string> order, string secret) =>
        VnPaySignature.Hmac(string.Join('|', order.Select(name => fields.GetValueOrDefault(name, ""))), secret);

    public static bool Verify(IReadOnlyDictionary<string, string> fields, IEnumerable<string> order, string secret)
    {
        var received = fields.GetValueOrDefault(VnPaySignature.HashField, "");
        var expected = Sign(fields, order, secret);
        return received.Length == expected.Length &&
            System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
                System.Text.Encoding.ASCII.GetBytes(received.ToLowerInvariant()), System.Text.Encoding.ASCII.GetBytes(expected));
    }

    /// <summary>Reads a flat JSON object of string (or number) values; anything else is not a VNPay message.</summary>
    public static Dictionary<string, string>? ReadFields(System.Text.Json.JsonElement json)
    {
        if (json.ValueKind != System.Text.Json.JsonValueKind.Object) return null;
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in json.EnumerateObject())
        {
            switch (property.Value.ValueKind)
            {
                case System.Text.Json.JsonValueKind.String: fields[property.Name] = property.Value.GetString()!; break;
                case System.Text.Json.JsonValueKind.Number: fields[property.Name] = property.Value.GetRawText(); break;
                case System.Text.Json.JsonValueKind.Null: break;
                default: return null;
            }
        }
        return fields;
    }
}
