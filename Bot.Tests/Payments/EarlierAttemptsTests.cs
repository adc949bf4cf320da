using ChatPay.Bot.Payments.VnPay;
using ChatPay.Bot.Storage;
using ChatPay.Domain.Payments;
using ChatPay.Domain.Storage;
using ChatPay.Tests.Support;
using LiteDB;

namespace ChatPay.Tests.Payments;

/// <summary>Attempts stored before the gateway port, with VNPay's codes in fields of their own, read like every other after an upgrade.</summary>
[Trait("Tier", "Integration")]
public sealed class EarlierAttemptsTests : IDisposable
{
    private const string Code = "H42.10-261125-0001";
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task A_declined_vnpay_attempt_of_an_earlier_version_gets_its_outcome_code_reason_and_details_at_start()
    {
        var databasePath = _directory.File("chatpay.db");
        using (var app = new ChatPayApp(databasePath, ChatPayApp.OnLiteDb))
        {
            var citizen = await WebChatUser.OpenAsync(app.Http);
            await SandboxPayer.PayAsync(app.Http, await citizen.RequestPaymentLinkAsync(Code), "Decline");
            await citizen.WaitForTextAsync(VnPayCodes.Explain("51"));
        }
        using (var raw = new LiteDatabase(new ConnectionString { Filename = databasePath, Connection = ConnectionType.Direct }))
        {
            var payments = raw.GetCollection(LitePayments.Collection);
            var attempt = payments.FindById($"{Code}_1");
            foreach (var field in new[] { "Gateway", "Outcome", "GatewayCode", "FailureReason", "PaidWith", "GatewayDetails" }) attempt.Remove(field);
            (attempt["ResponseCode"], attempt["TransactionStatus"], attempt["PaidWithBankCode"], attempt["CardType"]) = ("51", "02", "NCB", "ATM");
            payments.Update(attempt);
            // An earlier version had not moved anything yet.
            raw.GetCollection("settings").Delete(VnPayEarlierAttempts.Marker);
        }

        using var upgraded = new ChatPayApp(databasePath, ChatPayApp.OnLiteDb);

        var moved = upgraded.Service<IChatPayStore>().Read(s => s.Payments.Find($"{Code}_1"))!;
        Assert.Equal(VnPayAdapter.GatewayName, moved.Gateway);
        Assert.Equal(GatewayOutcome.Failed, moved.Outcome);
        Assert.Equal("51/02", moved.GatewayCode);
        Assert.Equal(VnPayCodes.Explain("51", "02"), moved.FailureReason);
        Assert.Equal("NCB", moved.PaidWith);
        Assert.Equal("ATM", moved.GatewayDetails["vnp_CardType"]);
        Assert.Equal(PaymentState.Failed, moved.State);
    }
}
