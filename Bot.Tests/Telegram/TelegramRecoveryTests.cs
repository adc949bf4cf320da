using ChatPay.Bot.Storage;
using ChatPay.Domain.Chats;
using ChatPay.Tests.Support;

namespace ChatPay.Tests.Telegram;

/// <summary>What a crash between Telegram's answer and ChatPay's record of it leaves behind, settled on the next start.</summary>
[Trait("Tier", "Integration")]
public class TelegramRecoveryTests
{
    private const long Citizen = 42;

    [Fact]
    public async Task A_message_telegram_took_before_the_crash_is_found_and_not_sent_again()
    {
        await using var harness = await TelegramHarness.StartAsync();
        harness.Telegram.SendText(Citizen, "/start");
        var welcome = await harness.WaitAsync(Citizen, Said.Welcome);
        ChatLogEntry entry = null!;

        harness.Restart(() => entry = ForgetDelivery(harness, welcome.Text));
        await Eventually.HoldsAsync(() => Entry(harness, entry.Id).InFlightBatch is null);

        var recovered = Entry(harness, entry.Id);
        Assert.Equal(Delivery.Delivered, recovered.Delivery);
        Assert.Equal(welcome.MessageId.ToString(System.Globalization.CultureInfo.InvariantCulture), recovered.ExternalId);
        Assert.Single(harness.Telegram.Messages(Citizen), m => m.Text.Contains(Said.Welcome));
    }

    [Fact]
    public async Task A_message_marked_as_sending_that_telegram_never_got_is_sent_once()
    {
        await using var harness = await TelegramHarness.StartAsync();
        harness.Telegram.SendText(Citizen, "/start");
        await harness.WaitAsync(Citizen, Said.Welcome);
        long id = 0;

        harness.Restart(() =>
        {
            using var store = new LiteDbStore(harness.DatabasePath, new ChatSignal());
            id = store.Write(s => s.ChatLog.Send(new ChatAddress(ChatChannel.Telegram, Citizen.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new OutgoingMessage("Tin nhắn chưa kịp gửi"), DateTimeOffset.UtcNow));
            store.WriteDirect(db =>
            {
                var log = db.GetCollection<ChatLogEntry>(LiteChatLog.Collection);
                var entry = log.FindById(id);
                entry.InFlightBatch = id;
                return log.Update(entry);
            });
        });

        await harness.WaitAsync(Citizen, "Tin nhắn chưa kịp gửi");
        await Eventually.HoldsAsync(() => Entry(harness, id).Delivery == Delivery.Delivered);
        Assert.Single(harness.Telegram.Messages(Citizen), m => m.Text.Contains("Tin nhắn chưa kịp gửi"));
        Assert.Single(harness.Telegram.Messages(Citizen), m => m.Text.Contains(Said.Welcome));
    }

    /// <summary>Puts the delivered message back as the crash would have left it: marked as being sent, its answer unrecorded.</summary>
    private static ChatLogEntry ForgetDelivery(TelegramHarness harness, string text)
    {
        using var store = new LiteDbStore(harness.DatabasePath, new ChatSignal());
        return store.WriteDirect(db =>
        {
            var log = db.GetCollection<ChatLogEntry>(LiteChatLog.Collection);
            var entry = log.FindAll().Single(e => e.Outgoing && text.StartsWith(e.Text[..20], StringComparison.Ordinal));
            entry.Delivery = Delivery.Pending;
            entry.ExternalId = null;
            entry.InFlightBatch = entry.Id;
            log.Update(entry);
            return entry;
        });
    }

    private static ChatLogEntry Entry(TelegramHarness harness, long id) =>
        harness.App.Service<LiteDbStore>().ChatHistory($"Telegram:{Citizen}", 0, 1000).Single(e => e.Id == id);
}
