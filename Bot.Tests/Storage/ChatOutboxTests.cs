using ChatPay.Bot.Channels.Telegram;
using ChatPay.Bot.Channels.Zalo;
using ChatPay.Bot.Storage;
using ChatPay.Domain.Chats;
using ChatPay.Tests.Support;
using LiteDB;

namespace ChatPay.Tests.Storage;

[Trait("Tier", "Integration")]
public class ChatOutboxTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 2, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _directory = new();

    private string DatabasePath => _directory.File("chatpay.db");

    public void Dispose() => _directory.Dispose();

    private static ChatAddress Chat(int n) => new(TelegramChannel.Name, (1000 + n).ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static long Send(LiteDbStore store, ChatAddress chat, string text) =>
        store.Write(s => s.ChatLog.Send(chat, new OutgoingMessage(text, [new ChoiceButton("Hủy", $"x:{text}")], []), Now));

    [Fact]
    public void The_head_of_a_long_queue_comes_first_and_in_each_chat_in_the_order_written()
    {
        using var store = new LiteDbStore(DatabasePath, new ChatSignal());
        var outbox = new ChatOutbox(new LiteOutboxStore(store));
        var written = new List<long>();
        for (var i = 0; i < 1_500; i++)
        {
            written.Add(Send(store, Chat(i % 7), $"m{i}"));
            // Changing a message that waits must not move it in the queue.
            if (i % 10 == 9) store.Write(s => { s.ChatLog.Replace(written[i - 5], new OutgoingMessage($"changed {i}")); return true; });
        }
        store.Write(s => s.ChatLog.Send(new ChatAddress(ZaloChannel.Name, "z"), new OutgoingMessage("zalo"), Now));

        var due = outbox.Due(TelegramChannel.Name, Now, 100);

        Assert.Equal(written.Take(100), due.Select(e => e.Id));
        Assert.Equal(1_000, outbox.Waiting(TelegramChannel.Name));
        Assert.Equal(1, outbox.Waiting(ZaloChannel.Name));
    }

    [Fact]
    public void A_button_pressed_before_its_message_id_is_stored_is_found_in_its_own_chat_only_until_then()
    {
        using var store = new LiteDbStore(DatabasePath, new ChatSignal());
        var outbox = new ChatOutbox(new LiteOutboxStore(store));
        var offered = Send(store, Chat(1), "offer");
        Send(store, Chat(2), "offer");

        Assert.Equal(offered, outbox.UnsentOffering(Chat(1).Key, "x:offer")?.Id);
        Assert.Null(outbox.UnsentOffering(Chat(1).Key, "x:other"));
        outbox.Delivered([new ChatOutbox.Rendered(offered, outbox.Due(TelegramChannel.Name, Now, 10)[0].Seq)], "9");
        outbox.Flush();
        Assert.Null(outbox.UnsentOffering(Chat(1).Key, "x:offer"));
        Assert.NotNull(outbox.UnsentOffering(Chat(2).Key, "x:offer"));
    }

    [Fact]
    public void A_delivered_message_leaves_the_queue_and_comes_back_at_its_place_for_an_edit()
    {
        using var store = new LiteDbStore(DatabasePath, new ChatSignal());
        var outbox = new ChatOutbox(new LiteOutboxStore(store));
        var first = Send(store, Chat(1), "first");
        var second = Send(store, Chat(2), "second");
        outbox.Delivered([new ChatOutbox.Rendered(first, outbox.Due(TelegramChannel.Name, Now, 10)[0].Seq)], "5");
        outbox.Flush();
        Assert.Equal([second], outbox.Due(TelegramChannel.Name, Now, 10).Select(e => e.Id));

        store.Write(s => { s.ChatLog.CloseChoices(Chat(1), first, "Hủy"); return true; });

        var due = outbox.Due(TelegramChannel.Name, Now, 1);
        Assert.Equal(first, Assert.Single(due).Id);
        Assert.True(due[0].EditPending);
    }

    [Fact]
    public void Messages_queued_by_an_earlier_version_keep_their_order_ahead_of_new_ones()
    {
        long[] old;
        using (var store = new LiteDbStore(DatabasePath, new ChatSignal()))
            old = [Send(store, Chat(1), "a"), Send(store, Chat(2), "b"), Send(store, Chat(1), "c")];
        using (var raw = new LiteDatabase(new ConnectionString { Filename = DatabasePath, Connection = ConnectionType.Direct }))
        {
            EarlierVersions.ChatLogIndexes(raw);
            var log = raw.GetCollection(LiteChatLog.Collection);
            foreach (var entry in log.FindAll().ToList())
            {
                entry["Outbox"] = "Telegram";
                entry.Remove(nameof(ChatLogEntry.QueuePlace));
                log.Update(entry);
            }
        }

        using var reopened = new LiteDbStore(DatabasePath, new ChatSignal());
        var later = Send(reopened, Chat(1), "d");

        Assert.Equal([.. old, later], new ChatOutbox(new LiteOutboxStore(reopened)).Due(TelegramChannel.Name, Now, 10).Select(e => e.Id));
    }

    [Fact]
    public void Changes_are_numbered_on_from_the_last_one_after_a_restart_and_after_a_move_from_an_earlier_version()
    {
        using (var store = new LiteDbStore(DatabasePath, new ChatSignal()))
        {
            var first = Send(store, Chat(1), "a");
            Send(store, Chat(2), "b");
            store.Write(s => { s.ChatLog.Replace(first, new OutgoingMessage("a again")); return true; });
        }
        using (var reopened = new LiteDbStore(DatabasePath, new ChatSignal()))
        {
            Send(reopened, Chat(1), "c");
            Assert.Equal([2, 3, 4], Seqs(reopened));
        }
        using (var raw = new LiteDatabase(new ConnectionString { Filename = DatabasePath, Connection = ConnectionType.Direct }))
            EarlierVersions.ChatLogIndexes(raw);

        using var moved = new LiteDbStore(DatabasePath, new ChatSignal());
        Send(moved, Chat(2), "d");
        Assert.Equal([2, 3, 4, 5], Seqs(moved));
        Assert.Equal(["ChatKey", "QueueKeys", "RefKeys", "_id"], moved.Collection<BsonDocument>("$indexes").Find(Query.EQ("collection", LiteChatLog.Collection)).Select(i => i["name"].AsString).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Messages_queued_by_the_version_with_filtering_indexes_are_still_due_in_order()
    {
        long[] old;
        using (var store = new LiteDbStore(DatabasePath, new ChatSignal()))
        {
            old = [Send(store, Chat(1), "a"), Send(store, Chat(2), "b"), Send(store, Chat(1), "c")];
            store.Write(s => { s.ChatLog.Replace(old[1], new OutgoingMessage("b again")); return true; });
        }
        using (var raw = new LiteDatabase(new ConnectionString { Filename = DatabasePath, Connection = ConnectionType.Direct }))
            EarlierVersions.FilteringChatLogIndexes(raw);

        using var moved = new LiteDbStore(DatabasePath, new ChatSignal());
        var later = Send(moved, Chat(2), "d");

        Assert.Equal([.. old, later], new ChatOutbox(new LiteOutboxStore(moved)).Due(TelegramChannel.Name, Now, 10).Select(e => e.Id));
        Assert.Equal(["ChatKey", "QueueKeys", "RefKeys", "_id"], moved.Collection<BsonDocument>("$indexes").Find(Query.EQ("collection", LiteChatLog.Collection)).Select(i => i["name"].AsString).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Topics_and_sent_messages_written_before_the_move_are_still_found(bool beforeSparseIndexes)
    {
        long alert;
        using (var store = new LiteDbStore(DatabasePath, new ChatSignal()))
        {
            alert = store.Write(s => s.ChatLog.Send(Chat(1), new OutgoingMessage("Đã thanh toán"), Now, MessageTopic.Alert("H42.10-1")));
            var outbox = new ChatOutbox(new LiteOutboxStore(store));
            outbox.Delivered(outbox.Due(TelegramChannel.Name, Now, 10).Select(e => new ChatOutbox.Rendered(e.Id, e.Seq)), "77");
            outbox.Flush();
        }
        using (var raw = new LiteDatabase(new ConnectionString { Filename = DatabasePath, Connection = ConnectionType.Direct }))
        {
            if (beforeSparseIndexes) EarlierVersions.ChatLogIndexes(raw);
            else EarlierVersions.FilteringChatLogIndexes(raw);
        }

        using var moved = new LiteDbStore(DatabasePath, new ChatSignal());
        Assert.Equal(alert, Assert.Single(moved.Read(s => s.ChatLog.OnTopic(MessageTopic.Alert("H42.10-1")))).Id);
        Assert.Empty(moved.Read(s => s.ChatLog.OnTopic(MessageTopic.Alert("H42.10-2"))));
        Assert.Equal(alert, Assert.Single(new ChatOutbox(new LiteOutboxStore(moved)).SharingMessage(Chat(1).Key, "77")).Id);
        Assert.Empty(new ChatOutbox(new LiteOutboxStore(moved)).SharingMessage(Chat(2).Key, "77"));
    }

    private static long[] Seqs(LiteDbStore store) => [.. store.Collection<ChatLogEntry>(LiteChatLog.Collection).FindAll().Select(e => e.Seq).Order()];
}
