using ChatPay.Bot.Payments.Sandbox;
using ChatPay.Domain.Dossiers;
using ChatPay.Domain.Storage;
using ChatPay.Tests.Support;

namespace ChatPay.Tests.EndToEnd;

/// <summary>The embedded sandbox delivers its IPN the way VNPay does.</summary>
public class SandboxGatewayTests : IDisposable
{
    private const string Code = "H42.10-261125-0001";
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private static async Task<string> PayAsync(ChatPayApp app)
    {
        var citizen = await WebChatUser.OpenAsync(app.Http);
        var linkUrl = await citizen.RequestPaymentLinkAsync(Code);
        await SandboxPayer.PayAsync(app.Http, linkUrl);
        return $"{Code}_1";
    }

    [Fact]
    public async Task The_ipn_is_acknowledged_at_the_first_call()
    {
        using var app = new ChatPayApp(_directory.File("chatpay.db"));

        var reference = await PayAsync(app);

        var transaction = app.Service<SandboxBank>().Find(reference)!;
        Assert.True(transaction.IpnAcknowledged);
        Assert.Equal(1, transaction.IpnAttempts);
        Assert.Equal("00", transaction.ResponseCode);
    }

    [Fact]
    public async Task An_unacknowledged_ipn_is_retried_up_to_the_limit()
    {
        using var app = new ChatPayApp(_directory.File("chatpay.db"), new Dictionary<string, string?>
        {
            ["Payments:Sandbox:IpnUrl"] = "http://127.0.0.1:1/unreachable",
            ["Payments:Sandbox:IpnRetryInterval"] = "00:00:00.100",
            ["Payments:Sandbox:IpnMaxAttempts"] = "3",
        });

        var reference = await PayAsync(app);

        var bank = app.Service<SandboxBank>();
        await Eventually.HoldsAsync(() => bank.Find(reference)!.IpnAttempts == 3);
        Assert.False(bank.Find(reference)!.IpnAcknowledged);
        Assert.Equal(DossierStatus.AwaitingPayment, app.Service<IChatPayStore>().Read(s => s.Dossiers.Find(Code))!.Status);
    }
}
