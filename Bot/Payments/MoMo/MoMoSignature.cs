using System.Security.Cryptography;
using System.Text;

namespace ChatPay.Bot.Payments.MoMo;

/// <summary>
/// MoMo's signature (API v2): lower-case hex HMAC-SHA256 with the secret key over "key=value" pairs of the message's
/// fields and the access key, keys in alphabetical order, values raw (not URL-encoded), joined by '&amp;'.
/// </summary>
public static class MoMoSignature
{
    public static readonly string[] Create = ["amount", "extraData", "ipnUrl", "orderId", "orderInfo", "partnerCode", "redirectUrl", "requestId", "requestType"];
    public static readonly string[] Result = ["amount", "extraData", "message", "orderId", "orderInfo", "orderType", "partnerCode", "payType", "requestId", "responseTime", "resultCode", "transId"];
    public static readonly string[] Query = ["orderId", "partnerCode", "requestId"];
    public static readonly string[] Refund = ["amount", "description", "orderId", "partnerCode", "requestId", "transId"];

    /// <summary>The string signed: the named fields (empty when absent) and the access key.</summary>
    public static string RawString(IReadOnlyDictionary<string, string> fields, string accessKey, IEnumerable<string> names) =>
        string.Join('&', names.Append("accessKey").Order(StringComparer.Ordinal)
            .Select(name => $"{name}={(name == "accessKey" ? accessKey : fields.GetValueOrDefault(name, ""))}"));

    public static string Sign(IReadOnlyDictionary<string, string> fields, string accessKey, string secretKey, IEnumerable<string> names) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secretKey), Encoding.UTF8.GetBytes(RawString(fields, accessKey, names))));

    /// <summary>Whether the message's "signature" is the one its fields make, in constant time, hex case ignored.</summary>
    public static bool Verify(IReadOnlyDictionary<string, string> fields, string accessKey, string secretKey, IEnumerable<string> names)
    {
        var given = fields.GetValueOrDefault("signature", "");
        var expected = Sign(fields, accessKey, secretKey, names);
        return given.Length == expected.Length &&
            CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(given.ToLowerInvariant()), Encoding.ASCII.GetBytes(expected));
    }
}
