using System.Security.Cryptography;
using System.Text;

namespace ChatPay.Fakes.MoMo;

/// <summary>
/// MoMo's signature: lower-case hex HMAC-SHA256 with the secret key over "key=value" pairs in alphabetical order of the
/// keys, joined by '&amp;', values raw (not URL-encoded); the access key is one of the pairs though never a body field.
/// </summary>
public static class MoMoSignature
{
    public static string RawString(IEnumerable<KeyValuePair<string, string>> fields) =>
        string.Join('&', fields.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}={f.Value}"));

    public static string Of(string secretKey, IEnumerable<KeyValuePair<string, string>> fields) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secretKey), Encoding.UTF8.GetBytes(RawString(fields))));

    /// <summary>The named fields of <paramref name="body"/> and the access key, signed.</summary>
    public static string Of(string secretKey, string accessKey, IReadOnlyDictionary<string, string> body, params string[] names) =>
        Of(secretKey, names.Select(n => KeyValuePair.Create(n, body.GetValueOrDefault(n, ""))).Append(KeyValuePair.Create("accessKey", accessKey)));

    public static bool Matches(string expected, string? given) =>
        given is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(given.ToLowerInvariant()));

    public static readonly string[] CreateFields = ["amount", "extraData", "ipnUrl", "orderId", "orderInfo", "partnerCode", "redirectUrl", "requestId", "requestType"];
    public static readonly string[] IpnFields = ["amount", "extraData", "message", "orderId", "orderInfo", "orderType", "partnerCode", "payType", "requestId", "responseTime", "resultCode", "transId"];
    public static readonly string[] QueryFields = ["orderId", "partnerCode", "requestId"];
    public static readonly string[] RefundFields = ["amount", "description", "orderId", "partnerCode", "requestId", "transId"];
}
