using ChatPay.Bot.Storage;
using ChatPay.Domain.Dossiers;
using ChatPay.Domain.Payments;
using ChatPay.Tests.Support;

namespace ChatPay.Tests.EndToEnd;

[Trait("Tier", "System")]
public class KilledProcessTests : IDisposable
{
    private const string Code = "H42.10-261125-0001";
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task A_killed_bot_loses_nothing_it_acknowledged()
    {
        var databasePath = _directory.File("chatpay.db");
        string token;
        using (var bot = await BotProcess.StartServingAsync(databasePath, "--Demo:Enabled=true"))
        {
            var http = bot.Http;
            var citizen = await WebChatUser.OpenAsync(http);
            var linkUrl = await citizen.RequestPaymentLinkAsync(Code);
            await SandboxPayer.PayAsync(http, linkUrl);
            await citizen.WaitForTextAsync(Said.Paid);
            await citizen.SayAsync("H42.27-261124-0003");
            await citizen.WaitForTextAsync(Said.Total(600_000));
            token = citizen.Token;

            bot.Kill();
        }

        using var store = StoppedBotStore.Open(databasePath);
        Assert.Equal(DossierStatus.Paid, store.Read(s => s.Dossiers.Find(Code))!.Status);
        Assert.Equal(PaymentState.Succeeded, store.Read(s => s.Payments.Find($"{Code}_1"))!.State);
        var chat = ChatPay.Bot.Channels.WebChat.WebChatIdentity.ChatFor(token);
        var history = store.History(chat.Key);
        Assert.Contains(history, e => e.Text.Contains(Said.Paid));
        Assert.Contains(history, e => e.Text.Contains(Said.Total(600_000)));
        Assert.Equal("H42.27-261124-0003", store.Read(s => s.Conversations.Find(chat))!.DossierCode);
    }
}
