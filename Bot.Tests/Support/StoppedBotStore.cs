using ChatPay.Bot.Storage;
using ChatPay.Bot.Storage.Sql;
using ChatPay.Bot.Storage.Sqlite;

namespace ChatPay.Tests.Support;

/// <summary>The store a stopped (or killed) bot left at its <c>Storage:DatabasePath</c>, opened as the bot opened it.</summary>
public static class StoppedBotStore
{
    public static IHostStore Open(string databasePath) =>
        new StorageOptions { DatabasePath = databasePath }.ProviderIn(Path.GetDirectoryName(databasePath)!) == StorageProvider.Sqlite
            ? new SqliteStore(Path.ChangeExtension(databasePath, ".sqlite"))
            : new LiteDbStore(databasePath, new ChatSignal());

    /// <summary>A chat's messages both ways, in the order they changed.</summary>
    public static IReadOnlyList<ChatLogEntry> History(this IHostStore store, string chatKey, long afterSeq = 0, int limit = 1000) => store switch
    {
        LiteDbStore lite => lite.ChatHistory(chatKey, afterSeq, limit),
        ISqlStore sql => new SqlOutboxStore(sql).History(chatKey, afterSeq, limit),
        _ => throw new ArgumentException($"No chat log in {store.GetType().Name}."),
    };
}
