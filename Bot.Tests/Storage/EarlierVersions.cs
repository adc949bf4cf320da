using ChatPay.Bot.Storage;
using LiteDB;

namespace ChatPay.Tests.Storage;

/// <summary>Turns a database written by this version back into what an earlier version left, to test the move forward.</summary>
internal static class EarlierVersions
{
    /// <summary>Before the chat log's sparse indexes: one index per field, null keys included, and no stored sequence counter.</summary>
    public static void ChatLogIndexes(LiteDatabase raw)
    {
        var log = raw.GetCollection(LiteChatLog.Collection);
        log.DropIndex("Queue");
        log.DropIndex("Refs");
        log.EnsureIndex(nameof(ChatLogEntry.Outbox), $"$.{nameof(ChatLogEntry.Outbox)}");
        log.EnsureIndex(nameof(ChatLogEntry.Seq), $"$.{nameof(ChatLogEntry.Seq)}", unique: true);
        log.EnsureIndex(nameof(ChatLogEntry.Topic), $"$.{nameof(ChatLogEntry.Topic)}");
        log.EnsureIndex(nameof(ChatLogEntry.ExternalRef), $"$.{nameof(ChatLogEntry.ExternalRef)}");
        raw.DropCollection("chat_log_state");
    }
}
