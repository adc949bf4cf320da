using System.Net;
using ChatPay.Bot.Payments.VnPay;

namespace ChatPay.Tests.Payments;

[Trait("Tier", "Unit")]
public class VnPaySignatureTests
{
    // The known answer from ../shared/docs/protocols.md, computed by Python, Node and .NET implementations outside this project.
    private const string Secret = "TESTSECRETKEY0123456789ABCDEFGHIJ";
    private const string ExpectedInput =
        "vnp_Amount=5000000&vnp_BankCode=VNBANK&vnp_Command=pay&vnp_CreateDate=20240101120000&vnp_CurrCode=VND&vnp_ExpireDate=20240101121500" +
        "&vnp_IpAddr=127.0.0.1&vnp_Locale=vn&vnp_OrderInfo=Thanh+toan+le+phi+ho+so+H01.123-240101-0001&vnp_OrderType=other" +
        "&vnp_ReturnUrl=https%3A%2F%2Fchatpay.local%2Fvnpay%2Freturn&vnp_TmnCode=CHATPAY1&vnp_TxnRef=H01.123-240101-0001_1&vnp_Version=2.1.0";
    private const string ExpectedHash =
        "6c94b23582a71c38ac645df6afac764f92c92278eae366e59701cc1eac855e58475213e74ea573ae5dc20acb2133372b7220ae55f8826c0e4bf4c8f255426a59";

    private static Dictionary<string, string> KnownFields() => new()
    {
        ["vnp_Version"] = "2.1.0",
        ["vnp_TxnRef"] = "H01.123-240101-0001_1",
        ["vnp_TmnCode"] = "CHATPAY1",
        ["vnp_ReturnUrl"] = "https://chatpay.local/vnpay/return",
        ["vnp_OrderType"] = "other",
        ["vnp_OrderInfo"] = "Thanh toan le phi ho so H01.123-240101-0001",
        ["vnp_Locale"] = "vn",
        ["vnp_IpAddr"] = "127.0.0.1",
        ["vnp_ExpireDate"] = "20240101121500",
        ["vnp_CurrCode"] = "VND",
        ["vnp_CreateDate"] = "20240101120000",
        ["vnp_Command"] = "pay",
        ["vnp_BankCode"] = "VNBANK",
        ["vnp_Amount"] = "5000000",
    };

    [Fact]
    public void Canonical_query_matches_the_known_answer_input() =>
        Assert.Equal(ExpectedInput, VnPaySignature.CanonicalQuery(KnownFields()));

    [Fact]
    public void Signature_matches_the_known_answer() =>
        Assert.Equal(ExpectedHash, VnPaySignature.Sign(KnownFields(), Secret));

    [Fact]
    public void Empty_fields_the_hash_fields_and_foreign_fields_are_not_signed()
    {
        var fields = KnownFields();
        fields["vnp_BankTranNo"] = "";
        fields["vnp_SecureHashType"] = "HmacSHA512";
        fields["utm_source"] = "zalo";

        Assert.Equal(ExpectedHash, VnPaySignature.Sign(fields, Secret));
    }

    [Fact]
    public void Verify_accepts_the_known_answer_in_either_hex_case()
    {
        var fields = KnownFields();
        fields[VnPaySignature.HashField] = ExpectedHash.ToUpperInvariant();

        Assert.True(VnPaySignature.Verify(fields, Secret));
    }

    [Theory]
    [InlineData("vnp_Amount", "5000100")]
    [InlineData("vnp_TxnRef", "H01.123-240101-0001_2")]
    [InlineData("vnp_OrderInfo", "Thanh toan le phi ho so H01.123-240101-0001 ")]
    public void Verify_rejects_any_tampered_field(string field, string value)
    {
        var fields = KnownFields();
        fields[field] = value;
        fields[VnPaySignature.HashField] = ExpectedHash;

        Assert.False(VnPaySignature.Verify(fields, Secret));
    }

    [Theory]
    [InlineData("")]
    [InlineData("zz")]
    [InlineData("6c94b23582a71c38")]
    public void Verify_rejects_a_missing_or_malformed_hash(string hash)
    {
        var fields = KnownFields();
        fields[VnPaySignature.HashField] = hash;

        Assert.False(VnPaySignature.Verify(fields, Secret));
        Assert.False(VnPaySignature.Verify(KnownFields(), Secret));
        Assert.False(VnPaySignature.Verify(new Dictionary<string, string>(KnownFields()) { [VnPaySignature.HashField] = ExpectedHash }, "wrong secret"));
    }

    [Fact]
    public void The_signed_query_round_trips_through_url_decoding()
    {
        var query = VnPaySignature.SignedQuery(KnownFields(), Secret);
        var decoded = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query).ToDictionary(q => q.Key, q => q.Value.ToString());

        Assert.True(VnPaySignature.Verify(decoded, Secret));
        Assert.Equal("https://chatpay.local/vnpay/return", decoded["vnp_ReturnUrl"]);
    }
}
