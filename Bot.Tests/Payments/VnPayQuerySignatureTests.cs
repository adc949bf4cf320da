using ChatPay.Bot.Payments.VnPay;

namespace ChatPay.Tests.Payments;

[Trait("Tier", "Unit")]
public class VnPayQuerySignatureTests
{
    // Computed with Python's hmac module over the '|'-joined values, independently of the code under test.
    private const string Secret = "TESTSECRETKEY0123456789ABCDEFGHIJ";

    private static readonly Dictionary<string, string> Request = new()
    {
        ["vnp_RequestId"] = "6f1d2c3b4a5e",
        ["vnp_Version"] = "2.1.0",
        ["vnp_Command"] = "querydr",
        ["vnp_TmnCode"] = "CHATPAY1",
        ["vnp_TxnRef"] = "H01.123-240101-0001_1",
        ["vnp_TransactionDate"] = "20240101120000",
        ["vnp_CreateDate"] = "20240101130000",
        ["vnp_IpAddr"] = "127.0.0.1",
        ["vnp_OrderInfo"] = "Truy van giao dich H01.123-240101-0001_1",
    };

    private static readonly Dictionary<string, string> Response = new()
    {
        ["vnp_ResponseId"] = "a1b2",
        ["vnp_Command"] = "querydr",
        ["vnp_ResponseCode"] = "00",
        ["vnp_Message"] = "QueryDR Success",
        ["vnp_TmnCode"] = "CHATPAY1",
        ["vnp_TxnRef"] = "H01.123-240101-0001_1",
        ["vnp_Amount"] = "5000000",
        ["vnp_BankCode"] = "NCB",
        ["vnp_PayDate"] = "20240101120532",
        ["vnp_TransactionNo"] = "14000001",
        ["vnp_TransactionType"] = "01",
        ["vnp_TransactionStatus"] = "00",
        ["vnp_OrderInfo"] = "Thanh toan le phi ho so H01.123-240101-0001",
    };

    [Fact]
    public void The_request_hash_matches_the_known_answer() => Assert.Equal(
        "ea58e12a600c2123e79d8ca33f57a83fd1509dce1bc7c2e2c04216775983629ff615eae71611905658f1f1761ab4572dafe0e600355ef1eab979cd80671471d4",
        VnPayQuery.Sign(Request, VnPayQuery.RequestSigned, Secret));

    [Fact]
    public void The_response_hash_treats_absent_fields_as_empty_and_matches_the_known_answer()
    {
        var signed = new Dictionary<string, string>(Response)
        {
            [VnPaySignature.HashField] = "6122f796bcd1459d733d9a7f74ed9b1c7b10455c7c2293972a5c47b45bfba5ac561f78277b7258dd800f4f21426186bc18dc52be53c9a8a775c1d50d6b959563",
        };

        Assert.True(VnPayQuery.Verify(signed, VnPayQuery.ResponseSigned, Secret));
        signed["vnp_TransactionStatus"] = "02";
        Assert.False(VnPayQuery.Verify(signed, VnPayQuery.ResponseSigned, Secret));
    }
}
