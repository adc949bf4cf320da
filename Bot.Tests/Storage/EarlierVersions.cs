using ChatPay.Bot.Storage;
using LiteDB;

namespace ChatPay.Tests.Storage;

/// <summary>Turns a database written by this version back into what an earlier version left, to test the move forward.</summary>
internal static class EarlierVersions
{
    /// <summary>
    /// Before the chat log's keys were stored as arrays: the queue key and the message reference were fields ("Outbox",
    /// "ExternalRef"), indexed through expressions that filter out null keys.
    /// </summary>
    public static void FilteringChatLogIndexes(LiteDatabase raw)
    {
        var log = raw.GetCollection(LiteChatLog.Collection);
        foreach (var entry in log.FindAll().ToList())
        {
            if (entry[nameof(ChatLogEntry.QueueKeys)] is { IsArray: true } queue) entry["Outbox"] = queue.AsArray[0];
            if (entry[nameof(ChatLogEntry.RefKeys)] is { IsArray: true } refs && refs.AsArray.FirstOrDefault(r => r.AsString.Contains('#')) is { } reference)
                entry["ExternalRef"] = reference;
            entry.Remove(nameof(ChatLogEntry.QueueKeys));
            entry.Remove(nameof(ChatLogEntry.RefKeys));
            log.Update(entry);
        }
        log.DropIndex(nameof(ChatLogEntry.QueueKeys));
        log.DropIndex(nameof(ChatLogEntry.RefKeys));
        log.EnsureIndex("Queue", "FILTER([$.Outbox] => @ != null)");
        log.EnsureIndex("Refs", $"FILTER([$.{nameof(ChatLogEntry.Topic)}, $.ExternalRef] => @ != null)");
    }

    /// <summary>Before the chat log's sparse indexes: one index per field, null keys included, and no stored sequence counter.</summary>
    public static void ChatLogIndexes(LiteDatabase raw)
    {
        FilteringChatLogIndexes(raw);
        var log = raw.GetCollection(LiteChatLog.Collection);
        log.DropIndex("Queue");
        log.DropIndex("Refs");
        log.EnsureIndex("Outbox", "$.Outbox");
        log.EnsureIndex(nameof(ChatLogEntry.Seq), $"$.{nameof(ChatLogEntry.Seq)}", unique: true);
        log.EnsureIndex(nameof(ChatLogEntry.Topic), $"$.{nameof(ChatLogEntry.Topic)}");
        log.EnsureIndex("ExternalRef", "$.ExternalRef");
        raw.DropCollection("chat_log_state");
    }
}
