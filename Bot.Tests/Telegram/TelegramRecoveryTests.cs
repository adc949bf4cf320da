using ChatPay.Bot.Channels.Telegram;
using ChatPay.Bot.Storage;
using ChatPay.Domain.Chats;
using ChatPay.Tests.Support;

namespace ChatPay.Tests.Telegram;

/// <summary>What a crash between Telegram's answer and ChatPay's record of it leaves behind, settled on the next start.</summary>
[Trait("Tier", "Integration")]
public class TelegramRecoveryTests
{
    private const long Citizen = 42;
    // The crash states are made by hand in LiteDB's file (an entry marked as being sent, its answer unrecorded).
    private static readonly (string, string) OnLiteDb = ("Storage:Provider", "LiteDb");
    // The chats start with /trogiup, whose answer is one message: a crash can only lose the last one sent.

    [Fact]
    public async Task A_message_telegram_took_before_the_crash_is_found_and_not_sent_again()
    {
        await using var harness = await TelegramHarness.StartAsync(null, OnLiteDb);
        harness.Telegram.SendText(Citizen, "/trogiup");
        var welcome = await harness.WaitAsync(Citizen, Said.Help);
        ChatLogEntry entry = null!;

        harness.Restart(() => entry = ForgetDelivery(harness, welcome.Text));
        await Eventually.HoldsAsync(() => Entry(harness, entry.Id).InFlightBatch is null);

        var recovered = Entry(harness, entry.Id);
        Assert.Equal(Delivery.Delivered, recovered.Delivery);
        Assert.Equal(welcome.MessageId.ToString(System.Globalization.CultureInfo.InvariantCulture), recovered.ExternalId);
        Assert.Single(harness.Telegram.Messages(Citizen), m => m.Text.Contains(Said.Help));
    }

    [Fact]
    public async Task A_message_marked_as_sending_that_telegram_never_got_is_sent_once()
    {
        await using var harness = await TelegramHarness.StartAsync(null, OnLiteDb);
        harness.Telegram.SendText(Citizen, "/trogiup");
        await harness.WaitAsync(Citizen, Said.Help);
        long id = 0;

        harness.Restart(() => id = MarkUnanswered(harness.DatabasePath, "Tin nhắn chưa kịp gửi"));

        await harness.WaitAsync(Citizen, "Tin nhắn chưa kịp gửi");
        await Eventually.HoldsAsync(() => Entry(harness, id).Delivery == Delivery.Delivered);
        Assert.Single(harness.Telegram.Messages(Citizen), m => m.Text.Contains("Tin nhắn chưa kịp gửi"));
        Assert.Single(harness.Telegram.Messages(Citizen), m => m.Text.Contains(Said.Help));
    }

    [Fact]
    public async Task A_chat_whose_search_is_slow_holds_up_no_other_and_is_sent_again_after_the_deadline()
    {
        const long Other = 43;
        await using var harness = await TelegramHarness.StartAsync(null, OnLiteDb, ("Telegram:RecoveryDeadline", "00:00:02"));
        harness.Telegram.SendText(Citizen, "/trogiup");
        await harness.WaitAsync(Citizen, Said.Help);
        long id = 0;

        harness.Restart(() =>
        {
            id = MarkUnanswered(harness.DatabasePath, "Tin nhắn chưa kịp gửi");
            // Every probe (an edit that changes nothing) is answered only after a long wait.
            harness.Telegram.DelayNext("editMessageText", TimeSpan.FromSeconds(20), count: 100);
        });
        harness.Telegram.SendText(Other, "/start");

        // The other chat is served while the first is still being searched…
        await harness.Telegram.WaitForMessageAsync(Other, m => m.Text.Contains(Said.Welcome), TimeSpan.FromSeconds(10));
        Assert.NotNull(Entry(harness, id).InFlightBatch);
        // …and the first, not found in time, gets its message rather than silence.
        await harness.Telegram.WaitForMessageAsync(Citizen, m => m.Text.Contains("Tin nhắn chưa kịp gửi"), TimeSpan.FromSeconds(20));
        await Eventually.HoldsAsync(() => Entry(harness, id).Delivery == Delivery.Delivered);
    }

    [Fact]
    public async Task Messages_typed_after_the_crash_do_not_widen_the_search()
    {
        await using var harness = await TelegramHarness.StartAsync(null, OnLiteDb);
        harness.Telegram.SendText(Citizen, "/trogiup");
        await harness.WaitAsync(Citizen, Said.Help);
        long id = 0;
        harness.Restart(() =>
        {
            id = MarkUnanswered(harness.DatabasePath, "Tin nhắn chưa kịp gửi");
            using var store = new LiteDbStore(harness.DatabasePath, new ChatSignal());
            // An impatient person typed ten times while nobody answered.
            for (var i = 0; i < 10; i++) store.Write(s => s.ChatLog.RecordIncoming(ChatOf(Citizen), "alo?", DateTimeOffset.UtcNow));
        });

        await harness.WaitAsync(Citizen, "Tin nhắn chưa kịp gửi");

        // The search tried the ids a private chat's slack allows (5 past the last known, and the message's own), not ten
        // more for the typing. (A probe Telegram refused for flooding is tried again at the same id: not counted.)
        var probes = harness.Telegram.Calls.Where(c => c.Method == "editMessageText" && c.ChatId == Citizen && c.StatusCode != 429).ToList();
        Assert.True(probes.Count is >= 1 and <= 6, $"{probes.Count} probes:\n{string.Join("\n", harness.Telegram.Calls.Where(c => c.ChatId == Citizen))}");
    }

    private static ChatAddress ChatOf(long chatId) => new(TelegramChannel.Name, chatId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>A message written and marked as being sent, as if the bot died before Telegram's answer came.</summary>
    private static long MarkUnanswered(string databasePath, string text)
    {
        using var store = new LiteDbStore(databasePath, new ChatSignal());
        var id = store.Write(s => s.ChatLog.Send(ChatOf(Citizen), new OutgoingMessage(text), DateTimeOffset.UtcNow));
        store.WriteDirect(db =>
        {
            var log = db.GetCollection<ChatLogEntry>(LiteChatLog.Collection);
            var entry = log.FindById(id);
            entry.InFlightBatch = id;
            return log.Update(entry);
        });
        return id;
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
        harness.App.Service<IOutboxStore>().History($"Telegram:{Citizen}", 0, 1000).Single(e => e.Id == id);
}
