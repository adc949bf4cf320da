using ChatPay.Bot.Payments.MoMo;
using ChatPay.Bot.Payments.ZaloPay;

namespace ChatPay.Tests.Payments;

/// <summary>ChatPay's own MoMo and ZaloPay signatures against the known answers in protocols-wallets.md (MoMo's and ZaloPay's published sandbox keys).</summary>
[Trait("Tier", "Unit")]
public class WalletSignatureTests
{
    private const string MoMoAccessKey = "F8BBA842ECF85";
    private const string MoMoSecretKey = "K951B6PE1waDMi640xX08PD3vg6EkVlz";
    private const string ZaloPayKey1 = "PcY4iZIKFCIdgZvA6ueMcMHHUbRLYjPL";
    private const string ZaloPayKey2 = "kLtgPl8HHhfvMuDHPwKfgfsY4Ydm9eIz";

    private static readonly Dictionary<string, string> MoMoOrder = new()
    {
        ["partnerCode"] = "MOMO", ["orderId"] = "MOMO1735689600000", ["requestId"] = "MOMO1735689600000", ["amount"] = "50000", ["extraData"] = "",
        ["orderInfo"] = "pay with MoMo", ["ipnUrl"] = "https://example.com/momo/ipn", ["redirectUrl"] = "https://example.com/momo/return",
    };

    private static Dictionary<string, string> With(params (string Key, string Value)[] changes)
    {
        var fields = new Dictionary<string, string>(MoMoOrder);
        foreach (var (key, value) in changes) fields[key] = value;
        return fields;
    }

    [Fact]
    public void Momo_create_ipn_and_query_signatures_match_the_known_answers()
    {
        Assert.Equal("570cd905cffcc5631d9e997e84afc0fa5c95a495352dbf9853a1a1002d5d3367",
            MoMoSignature.Sign(With(("requestType", "captureWallet")), MoMoAccessKey, MoMoSecretKey, MoMoSignature.Create));
        var ipn = With(("message", "Successful."), ("orderType", "momo_wallet"), ("payType", "qr"), ("responseTime", "1735689660000"), ("resultCode", "0"),
            ("transId", "4088878653"), ("signature", "697E46619978C6D2F9BAB4DC5281CC59A9F8D5363EA14460B58E460C704AC2F3"));
        Assert.True(MoMoSignature.Verify(ipn, MoMoAccessKey, MoMoSecretKey, MoMoSignature.Result));
        Assert.False(MoMoSignature.Verify(With(("resultCode", "0")), MoMoAccessKey, MoMoSecretKey, MoMoSignature.Result));
        Assert.Equal("d9b813ca53cd4ecb8be6c31499e21b8f10a3abdd728a4346a9e183ec1efdfa12", MoMoSignature.Sign(MoMoOrder, MoMoAccessKey, MoMoSecretKey, MoMoSignature.Query));
    }

    [Theory]
    [InlineData(ZaloPayKey1, "2553|250101_000001|user123|50000|1735689600000|{\"redirecturl\":\"https://example.com/result\"}|[]", "a952766792605985c56d3a35755168a6110384e864a297cadd78a091df17a248")]
    [InlineData(ZaloPayKey1, "2553|250101_000001|PcY4iZIKFCIdgZvA6ueMcMHHUbRLYjPL", "836c79ce234adfe157f3086e5c15195f4fdae48d795518dd474fc300188c04fc")]
    [InlineData(ZaloPayKey2, "2553|250101_000001|38||50000|0|1", "1a49a90ad7951e9c1113e014011272b9aa8a6cc7b0d040518a273dd66f0da1b6")]
    public void Zalopay_macs_match_the_known_answers(string key, string joined, string mac)
    {
        var fields = joined.Split('|');
        Assert.Equal(mac, ZaloPayMac.Of(key, fields));
        Assert.True(ZaloPayMac.Verify(key, mac.ToUpperInvariant(), fields));
        Assert.False(ZaloPayMac.Verify(key, mac[..^1], fields));
    }

    [Fact]
    public void Zalopay_callback_mac_is_over_the_data_string_as_received()
    {
        // The callback-api sample of ZaloPay's documents (app 2553, order 200904_2553_1598435687208) and its published MAC.
        const string data = """
            {"app_id":2553,"app_trans_id":"200904_2553_1598435687208","app_time":1599189392817,"app_user":"demo","amount":10000,"embed_data":"{\"merchantinfo\":\"embeddata123\",\"promotioninfo\":\"\"}","item":"[{\"itemid\":\"knb\",\"itemname\":\"kim nguyen bao\",\"itemprice\":198400,\"itemquantity\":1}]","zp_trans_id":200904000000389,"server_time":1599189413498,"channel":38,"merchant_user_id":"7ZMSl3nEg5sOUJzOLSoUFT8xKNQVaLOLXHB--8Eytqc","user_fee_amount":0,"discount_amount":0}
            """;
        Assert.True(ZaloPayMac.Verify(ZaloPayKey2, "d8d33baf449b31d7f9b94fa50d7c942c08cd4d83f28fa185557da21acb104f67", data));
        Assert.False(ZaloPayMac.Verify(ZaloPayKey2, "d8d33baf449b31d7f9b94fa50d7c942c08cd4d83f28fa185557da21acb104f67", data.Replace("10000", "1000")));
    }
}
