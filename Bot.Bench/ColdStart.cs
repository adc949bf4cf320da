using ChatPay.Bot.Channels.Telegram;
using ChatPay.Bot.Storage;
using ChatPay.Bot.Storage.Sqlite;
using ChatPay.Domain.Chats;
using ChatPay.Domain.Conversations;

namespace ChatPay.Bench;

/// <summary>A database holding many conversations (each with a couple of messages), to time a cold start on it.</summary>
public static class ColdStart
{
    /// <param name="provider">The store the Bot will open (<c>Storage:Provider</c>): SQLite's file is beside <paramref name="databasePath"/>.</param>
    public static void Fill(string databasePath, string provider, int conversations)
    {
        using IHostStore store = provider == nameof(StorageProvider.Sqlite)
            ? new SqliteStore(Path.ChangeExtension(databasePath, ".sqlite"))
            : new LiteDbStore(databasePath, new ChatSignal());
        var now = DateTimeOffset.UtcNow;
        for (var first = 0; first < conversations; first += 1000)
        {
            var batch = Math.Min(1000, conversations - first);
            store.Write(session =>
            {
                for (var i = first; i < first + batch; i++)
                {
                    var chat = new ChatAddress(TelegramChannel.Name, (5_000_000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture));
                    session.ChatLog.RecordIncoming(chat, Citizens.Code(i), now);
                    session.ChatLog.Send(chat, CitizenTexts.Hint(ConversationState.ConfirmingFees), now);
                    session.Conversations.Save(ConversationSnapshot.New(chat, now) with { State = ConversationState.ConfirmingFees, Step = 2, DossierCode = Citizens.Code(i) });
                }
                return true;
            });
        }
    }
}
