using ChatPay.Domain.Chats;
using ChatPay.Domain.Storage;

namespace ChatPay.Bot.Storage;

/// <summary>The database the host composed (SQLite, LiteDB or PostgreSQL): the domain's steps, and what the host registers with it while it is built; disposing it closes it.</summary>
public interface IHostStore : IChatPayStore, IDisposable
{
    /// <summary>
    /// The channel's people read the chat log themselves (the built-in web chat): its messages are not queued for sending.
    /// Every other channel's are, for its delivery engine. Registered while the host is built, before anything is written.
    /// </summary>
    void ReadFromLog(ChatChannel channel);

    /// <summary>Which database this is (shown by /health: with <c>Storage:Provider</c> empty, the files there decide).</summary>
    StorageProvider Provider { get; }
}
