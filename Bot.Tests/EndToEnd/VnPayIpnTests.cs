using System.Net.Http.Json;
using System.Text.Json;
using ChatPay.Bot.Payments;
using ChatPay.Bot.Payments.VnPay;
using ChatPay.Domain.Dossiers;
using ChatPay.Domain.Payments;
using ChatPay.Domain.Receipts;
using ChatPay.Domain.Storage;
using ChatPay.Domain.Vietnamese;
using ChatPay.Tests.Support;
using Microsoft.AspNetCore.WebUtilities;

namespace ChatPay.Tests.EndToEnd;

/// <summary>VNPay's server-to-server IPN, answered exactly as VNPay's guide requires.</summary>
[Trait("Tier", "Integration")]
public class VnPayIpnTests : IAsyncLifetime
{
    private const string Code = "H42.10-261125-0001";
    private readonly TempDirectory _directory = new();
    private ChatPayApp _app = null!;
    private Dictionary<string, string> _order = null!;

    public async Task InitializeAsync()
    {
        _app = new ChatPayApp(_directory.File("chatpay.db"));
        var citizen = await WebChatUser.OpenAsync(_app.Http);
        var linkUrl = await citizen.RequestPaymentLinkAsync(Code);
        var gatewayUrl = await SandboxPayer.FollowLinkAsync(_app.Http, linkUrl);
        _order = QueryHelpers.ParseQuery(gatewayUrl.Query).ToDictionary(q => q.Key, q => q.Value.ToString());
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        _directory.Dispose();
        return Task.CompletedTask;
    }

    private VnPayMerchant Merchant => _app.Service<VnPayMerchant>();

    private Dossier Dossier => _app.Service<IChatPayStore>().Read(s => s.Dossiers.Find(Code))!;

    private Dictionary<string, string> Result(string responseCode = "00", string status = "00", string? amount = null, string? txnRef = null) => new()
    {
        ["vnp_TmnCode"] = Merchant.TmnCode,
        ["vnp_Amount"] = amount ?? _order["vnp_Amount"],
        ["vnp_BankCode"] = "VIETCOMBANK",
        ["vnp_BankTranNo"] = "VNP14226112",
        ["vnp_CardType"] = "ATM",
        ["vnp_OrderInfo"] = _order["vnp_OrderInfo"],
        ["vnp_PayDate"] = "20261126103000",
        ["vnp_ResponseCode"] = responseCode,
        ["vnp_TransactionNo"] = "14226112",
        ["vnp_TransactionStatus"] = status,
        ["vnp_TxnRef"] = txnRef ?? _order["vnp_TxnRef"],
    };

    private async Task<(string RspCode, string Message)> IpnAsync(string query)
    {
        var answer = await _app.Http.GetFromJsonAsync<JsonElement>($"{VnPayEndpoints.IpnPath}?{query}");
        return (answer.GetProperty("RspCode").GetString()!, answer.GetProperty("Message").GetString()!);
    }

    private Task<(string RspCode, string Message)> SignedIpnAsync(Dictionary<string, string> fields) =>
        IpnAsync(VnPaySignature.SignedQuery(fields, Merchant.HashSecret));

    [Fact]
    public async Task Each_case_gets_the_answer_code_vnpay_expects()
    {
        Assert.Equal(("01", "Order not found"), await SignedIpnAsync(Result(txnRef: "H42.10-261125-0001_99")));
        Assert.Equal(("04", "Invalid amount"), await SignedIpnAsync(Result(amount: "100")));
        Assert.Equal(("04", "Invalid amount"), await SignedIpnAsync(Result(amount: "20000050")));
        Assert.Equal(DossierStatus.AwaitingPayment, Dossier.Status);

        Assert.Equal(("00", "Confirm Success"), await SignedIpnAsync(Result()));
        Assert.Equal(DossierStatus.Paid, Dossier.Status);
        Assert.Equal(("02", "Order already confirmed"), await SignedIpnAsync(Result()));
    }

    [Fact]
    public async Task A_replayed_ipn_gives_one_receipt()
    {
        var query = VnPaySignature.SignedQuery(Result(), Merchant.HashSecret);

        var answers = new List<string>();
        for (var i = 0; i < 10; i++) answers.Add((await IpnAsync(query)).RspCode);

        Assert.Equal(["00", "02", "02", "02", "02", "02", "02", "02", "02", "02"], answers);
        // The demo's paid dossier holds number 1 of the trial series (the sandbox never takes a number of the real one).
        Assert.Equal(Receipt.IdFor(VietnamTime.Local(DateTimeOffset.UtcNow).Year, 2, trial: true), Dossier.ReceiptId);
    }

    [Theory]
    [InlineData("wrong-secret")]
    [InlineData("")]
    public async Task A_forged_signature_is_refused_with_97_and_changes_nothing(string secret)
    {
        var query = secret.Length == 0
            ? VnPaySignature.CanonicalQuery(Result())
            : VnPaySignature.SignedQuery(Result(), secret);

        Assert.Equal(("97", "Invalid signature"), await IpnAsync(query));
        Assert.Equal(DossierStatus.AwaitingPayment, Dossier.Status);
    }

    [Fact]
    public async Task Encoding_and_repetition_tricks_do_not_pass_the_signature_check()
    {
        var genuine = VnPaySignature.SignedQuery(Result(), Merchant.HashSecret);

        Assert.Equal("97", (await IpnAsync(genuine + "&vnp_Amount=100")).RspCode);
        Assert.Equal("97", (await IpnAsync(genuine.Replace("vnp_Amount=", "VNP_AMOUNT="))).RspCode);
        Assert.Equal("97", (await IpnAsync(genuine.Replace("vnp_ResponseCode=00", "vnp_ResponseCode=%30%30%20"))).RspCode);
        Assert.Equal(DossierStatus.AwaitingPayment, Dossier.Status);

        var upperHex = genuine[..(genuine.IndexOf("vnp_SecureHash=", StringComparison.Ordinal) + 15)]
            + genuine[(genuine.IndexOf("vnp_SecureHash=", StringComparison.Ordinal) + 15)..].ToUpperInvariant();
        Assert.Equal("00", (await IpnAsync(upperHex)).RspCode);
    }

    [Fact]
    public async Task A_failure_report_is_confirmed_and_leaves_the_dossier_unpaid()
    {
        Assert.Equal("00", (await SignedIpnAsync(Result("24", "02"))).RspCode);

        var payment = _app.Service<IChatPayStore>().Read(s => s.Payments.Find(_order["vnp_TxnRef"]))!;
        Assert.Equal(PaymentState.Failed, payment.State);
        Assert.Equal(DossierStatus.AwaitingPayment, Dossier.Status);
    }

    [Fact]
    public async Task Success_needs_both_the_response_code_and_the_transaction_status()
    {
        Assert.Equal("00", (await SignedIpnAsync(Result("00", "02"))).RspCode);

        Assert.Equal(DossierStatus.AwaitingPayment, Dossier.Status);
    }

    [Fact]
    public async Task The_return_page_shows_the_result_but_never_marks_anything_paid()
    {
        var page = await _app.Http.GetStringAsync($"{VnPayEndpoints.ReturnPath}?{VnPaySignature.SignedQuery(Result(), Merchant.HashSecret)}");

        Assert.Contains(ReturnPages.PaidHeading, page);
        Assert.Equal(DossierStatus.AwaitingPayment, Dossier.Status);

        var forged = await _app.Http.GetAsync($"{VnPayEndpoints.ReturnPath}?{VnPaySignature.SignedQuery(Result(), "wrong")}");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains(ReturnPages.NotAuthenticHeading, await forged.Content.ReadAsStringAsync());
    }
}
