using ChatPay.Domain.Chats;

namespace ChatPay.Bot.Storage;

/// <summary>
/// The chat log as the channels' delivery engines and the web chat read it: the queues of what remains to be sent or
/// edited, the sends whose fate was not heard, and a chat's history by change. The domain writes the log through
/// <see cref="ChatPay.Domain.Storage.IChatLog"/>; <see cref="ChatOutbox"/> keeps the delivery bookkeeping through this.
/// </summary>
public interface IOutboxStore
{
    /// <summary>The head of a channel's queue (<see cref="ChatLogEntry.Outbox"/>), in the order it was written.</summary>
    IReadOnlyList<ChatLogEntry> Queued(ChatChannel channel, int limit);

    /// <summary>How many entries a channel's queue holds, counted up to <paramref name="upTo"/>.</summary>
    int Waiting(ChatChannel channel, int upTo);

    /// <summary>When the oldest unsent message of a channel's queue was written (edits aside).</summary>
    DateTimeOffset? OldestSendAt(ChatChannel channel);

    /// <summary>The entries sent as one message of the channel (<see cref="ChatLogEntry.ExternalRef"/>), in id order.</summary>
    IReadOnlyList<ChatLogEntry> SharingMessage(string chatKey, string externalId);

    /// <summary>A chat's latest outgoing entries not sent yet, newest first.</summary>
    IReadOnlyList<ChatLogEntry> RecentUnsent(string chatKey, int limit);

    /// <summary>The chats of a channel with sends in flight.</summary>
    IReadOnlyList<string> ChatsInFlight(ChatChannel channel);

    /// <summary>A chat's entries in flight, in id order.</summary>
    IReadOnlyList<ChatLogEntry> InFlight(string chatKey);

    /// <summary>All of a chat's entries, in id order.</summary>
    IReadOnlyList<ChatLogEntry> OfChat(string chatKey);

    /// <summary>A chat's entries added or changed after <paramref name="afterSeq"/>, in order of change.</summary>
    IReadOnlyList<ChatLogEntry> History(string chatKey, long afterSeq, int limit);

    /// <summary>
    /// In one step: reads the entries with these ids as they are now, lets <paramref name="change"/> change them, and
    /// stores them. Delivery bookkeeping only: it does not move an entry's <see cref="ChatLogEntry.Seq"/>.
    /// </summary>
    void Change(IReadOnlyCollection<long> ids, Action<IReadOnlyDictionary<long, ChatLogEntry>> change);
}
