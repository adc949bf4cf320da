using System.Net;
using System.Net.Http.Json;
using ChatPay.Bot.Channels.WebChat;
using ChatPay.Bot.Health;
using ChatPay.Bot.Operations;
using ChatPay.Bot.Payments.VnPay;
using ChatPay.Domain.Chats;
using ChatPay.Domain.Payments;
using ChatPay.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatPay.Tests.Payments;

/// <summary>A signed status answer counts only if it answers the question asked: this attempt, this merchant, a payment of this amount.</summary>
[Trait("Tier", "Integration")]
public class VnPayStatusAnswerTests : IDisposable
{
    private const string Secret = "TESTSECRETKEY0123456789ABCDEFGHIJ";
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private static readonly Payment Attempt = Payment.Start("H42.10-261125-0001", 1, 1, 200_000, new BankOption("VCB", "Vietcombank", "VIETCOMBANK"),
        new ChatAddress(WebChatIdentity.Channel, "citizen"), "token", DateTimeOffset.UtcNow, TimeSpan.FromMinutes(15));

    /// <summary>What VNPay answers about <see cref="Attempt"/> when it was paid, signed as VNPay signs it.</summary>
    private static Dictionary<string, string> PaidAnswer() => new()
    {
        ["vnp_ResponseId"] = "a1b2", ["vnp_Command"] = "querydr", ["vnp_ResponseCode"] = "00", ["vnp_Message"] = "QueryDR Success",
        ["vnp_TmnCode"] = "CHATPAY1", ["vnp_TxnRef"] = Attempt.Id, ["vnp_Amount"] = "20000000", ["vnp_BankCode"] = "NCB",
        ["vnp_PayDate"] = "20261126090532", ["vnp_TransactionNo"] = "14000001", ["vnp_TransactionType"] = "01", ["vnp_TransactionStatus"] = "00",
        ["vnp_OrderInfo"] = "Thanh toan", ["vnp_PromotionCode"] = "", ["vnp_PromotionAmount"] = "",
    };

    private async Task<GatewayStatus> AskAsync(Dictionary<string, string> answer)
    {
        answer[VnPaySignature.HashField] = VnPayQuery.Sign(answer, VnPayQuery.ResponseSigned, Secret);
        using var app = new ChatPayApp(_directory.File("chatpay.db"));
        using var http = new HttpClient(new Answering(answer));
        var merchant = new VnPayMerchant("CHATPAY1", Secret, "https://vnpay.test/pay", "https://vnpay.test/api", "https://chatpay.test/return");
        var client = new VnPayStatusClient(http, merchant, app.Service<Reachability>(), app.Service<ChatPayMetrics>(), TimeProvider.System,
            NullLogger<VnPayStatusClient>.Instance);
        return await client.QueryAsync(Attempt, default);
    }

    [Fact]
    public async Task The_answer_about_the_attempt_asked_is_reported()
    {
        var status = Assert.IsType<GatewayStatus.Reported>(await AskAsync(PaidAnswer()));

        Assert.True(status.Report.Succeeded);
        Assert.Equal(200_000, status.Report.Amount);
    }

    [Theory]
    [InlineData("vnp_TxnRef", "H42.10-261125-0001_2")]
    [InlineData("vnp_TxnRef", "")]
    [InlineData("vnp_TmnCode", "OTHERTMN")]
    [InlineData("vnp_TransactionType", "02")]
    [InlineData("vnp_Amount", "10000000")]
    public async Task A_signed_answer_that_does_not_match_the_question_is_ignored(string field, string value)
    {
        var answer = PaidAnswer();
        answer[field] = value;

        Assert.IsType<GatewayStatus.Unavailable>(await AskAsync(answer));
    }

    [Fact]
    public async Task Not_found_must_also_name_the_attempt_asked()
    {
        var answer = PaidAnswer();
        answer["vnp_ResponseCode"] = "91";
        answer["vnp_TxnRef"] = "";

        Assert.IsType<GatewayStatus.Unavailable>(await AskAsync(answer));
    }

    private sealed class Answering(Dictionary<string, string> answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = JsonContent.Create(answer) });
    }
}
