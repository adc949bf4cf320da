using ChatPay.Bot.Channels.WebChat;
using ChatPay.Bot.Storage;
using ChatPay.Domain.Chats;
using ChatPay.Domain.Conversations;
using ChatPay.Domain.Dossiers;
using ChatPay.Tests.Support;

namespace ChatPay.Tests.Storage;

[Trait("Tier", "Integration")]
public class LiteDbStoreTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    private string DatabasePath => _directory.File("chatpay.db");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Instants_come_back_as_the_same_utc_instant()
    {
        var filed = new DateTimeOffset(2026, 11, 26, 10, 30, 15, 123, TimeSpan.FromHours(7));
        using (var store = new LiteDbStore(DatabasePath, new ChatSignal()))
            store.Write(s =>
            {
                s.Dossiers.Save(new Dossier("H42.10-261125-0001", "Thủ tục ", "H42.10", "Cơ quan", "  Nguyễn Văn An", null, filed));
                return true;
            });

        using var reopened = new LiteDbStore(DatabasePath, new ChatSignal());
        var dossier = reopened.Read(s => s.Dossiers.Find("H42.10-261125-0001"))!;
        Assert.Equal(filed, dossier.FiledAt);
        Assert.Equal(TimeSpan.Zero, dossier.FiledAt.Offset);
        Assert.Equal("  Nguyễn Văn An", dossier.ApplicantName);
        Assert.Equal("Thủ tục ", dossier.ProcedureName);
        Assert.Null(dossier.ApplicantPhone);
    }

    [Fact]
    public void A_file_that_is_not_a_chatpay_database_is_refused_with_one_clear_sentence()
    {
        File.WriteAllBytes(DatabasePath, [.. Enumerable.Range(0, 16_384).Select(i => (byte)(i * 31 % 251))]);

        var refused = Assert.Throws<StorageUnavailableException>(() => new LiteDbStore(DatabasePath, new ChatSignal()));

        Assert.StartsWith($"The database {DatabasePath} cannot be used (", refused.Message);
        Assert.DoesNotContain("\n", refused.Message);
        File.Delete(DatabasePath);
        using var reopened = new LiteDbStore(DatabasePath, new ChatSignal());
    }

    [Fact]
    public void A_failed_step_writes_nothing()
    {
        using var store = new LiteDbStore(DatabasePath, new ChatSignal());
        var chat = new ChatAddress(WebChatIdentity.Channel, "x");

        Assert.Throws<TimeoutException>(() => store.Write<int>(s =>
        {
            s.ChatLog.Send(chat, new OutgoingMessage("hello"), DateTimeOffset.UtcNow);
            s.Conversations.Save(ConversationSnapshot.New(chat, DateTimeOffset.UtcNow));
            throw new TimeoutException();
        }));

        Assert.Empty(store.ChatHistory(chat.Key, 0, 10));
        Assert.Null(store.Read(s => s.Conversations.Find(chat)));
    }

    [Fact]
    public async Task A_committed_step_wakes_whoever_waits_for_that_chat()
    {
        var signal = new ChatSignal();
        using var store = new LiteDbStore(DatabasePath, signal);
        var chat = new ChatAddress(WebChatIdentity.Channel, "waiting");
        using var woken = signal.ChatChanged(chat.Key);
        using var other = signal.ChatChanged("Web:other");

        store.Write(s => s.ChatLog.Send(chat, new OutgoingMessage("hi"), DateTimeOffset.UtcNow));

        await woken.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(other.Task.IsCompleted);
    }

    [Fact]
    public void A_wait_that_ends_without_a_change_leaves_nothing_behind()
    {
        var signal = new ChatSignal();
        var first = signal.ChatChanged("Web:a");
        var second = signal.ChatChanged("Web:a");
        signal.ChatChanged("Web:b").Dispose();

        first.Dispose();
        Assert.Equal(1, signal.WaitedOn);
        second.Dispose();
        Assert.Equal(0, signal.WaitedOn);
    }

    [Fact]
    public void A_second_store_on_the_same_file_is_refused_with_a_clear_message()
    {
        using var first = new LiteDbStore(DatabasePath, new ChatSignal());

        var refused = Assert.Throws<DatabaseInUseException>(() => new LiteDbStore(DatabasePath, new ChatSignal()));

        Assert.Contains("Another ChatPay process is using the database", refused.Message);
    }

    [Fact]
    public async Task A_second_bot_process_on_the_same_file_exits_with_a_clear_message()
    {
        using var first = new LiteDbStore(DatabasePath, new ChatSignal());

        using var second = BotProcess.Start($"--Storage:DatabasePath={DatabasePath}", "--Urls=http://127.0.0.1:0", "--Demo:Enabled=false");

        Assert.Equal(1, await second.ExitCodeAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("Another ChatPay process is using the database", second.Output);
    }
}
