using ChatPay.Domain.Chats;

namespace ChatPay.Bot.Storage;

/// <summary>One message of a chat, either way. Outgoing entries double as the outbox of remote channels.</summary>
public sealed class ChatLogEntry
{
    public long Id { get; set; }
    /// <summary>Moves on with every change to any entry, so a reader can ask for what changed since it last looked.</summary>
    public long Seq { get; set; }
    public string ChatKey { get; set; } = "";
    public bool Outgoing { get; set; }
    public string Text { get; set; } = "";
    public List<ChoiceButton> Choices { get; set; } = [];
    public List<LinkButton> Links { get; set; } = [];
    /// <summary>Set once a choice was made: the buttons are gone and this label shows what was chosen.</summary>
    public string? ChosenLabel { get; set; }
    /// <summary>Buttons an edit took away; a press on them still identifies itself (and is told it came too late).</summary>
    public List<ChoiceButton> RetiredChoices { get; set; } = [];
    public string? Topic { get; set; }
    public DateTimeOffset At { get; set; }
    public Delivery Delivery { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset? NextAttemptAt { get; set; }
    /// <summary>See <see cref="OutgoingMessage.Warning"/>.</summary>
    public bool Warning { get; set; }

    /// <summary>See <see cref="OutgoingMessage.AsksForPhone"/> and <see cref="OutgoingMessage.EndsPhoneRequest"/>.</summary>
    public bool AsksForPhone { get; set; }
    public bool EndsPhoneRequest { get; set; }

    /// <summary>The channel's own id for the message once sent (Telegram's message_id), used to edit it.</summary>
    public string? ExternalId { get; set; }
    /// <summary>The message changed after it was sent; the channel still has to edit it.</summary>
    public bool EditPending { get; set; }
    public string? LastError { get; set; }
    /// <summary>
    /// Set (to the first entry of the message's batch) just before a channel sends it, cleared with the outcome. Found
    /// set after a crash, it marks a send the channel may have completed without ChatPay learning so.
    /// </summary>
    public long? InFlightBatch { get; set; }

    /// <summary>The entry's place in its channel's queue: the sequence number it was written with, never changed after.</summary>
    public long QueuePlace { get; set; }

    /// <summary>
    /// The channel that still has work on this entry (a send or an edit) and the entry's place in its queue, or null.
    /// Indexed: a channel reads the head of its queue, in the order it was written, without reading the rest.
    /// </summary>
    public string? Outbox => Delivery == Delivery.Pending || EditPending ? QueueKey(ChatKey[..ChatKey.IndexOf(':')], QueuePlace) : null;

    /// <summary>
    /// <see cref="Outbox"/> as LiteDB stores it: an array, indexed item by item, so an entry without a key adds no index node,
    /// and the index's expression is a plain path (LiteDB parses every index's expression each time a transaction first
    /// reads the collection; a filtering expression took 9 µs against 3.5). Null when empty, so nothing is stored then.
    /// </summary>
    public string[]? QueueKeys => Outbox is { } key ? [key] : null;

    /// <summary>Letters then a fixed number of digits, so that every collation orders the keys as their places.</summary>
    public static string QueueKey(string channel, long place) => channel + place.ToString("D19", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The chat and the channel's message id together: Telegram's message ids repeat across chats.</summary>
    public string? ExternalRef => ExternalId is null ? null : RefOf(ChatKey, ExternalId);

    /// <summary>The entry's topic and message reference, as LiteDB stores them for one index (see <see cref="QueueKeys"/>).</summary>
    public string[]? RefKeys => (Topic, ExternalRef) switch
    {
        (null, null) => null,
        ({ } topic, null) => [topic],
        (null, { } reference) => [reference],
        ({ } topic, { } reference) => [topic, reference],
    };

    public static string RefOf(string chatKey, string externalId) => $"{chatKey}#{externalId}";

    /// <summary>The message as the domain wrote it, with the choice made on it if one was.</summary>
    public OutgoingMessage ToMessage() => new(Text, ChosenLabel is null ? Choices : [], Links) {
        Topic = MessageTopic.Parse(Topic), Chosen = ChosenLabel, Warning = Warning, AsksForPhone = AsksForPhone, EndsPhoneRequest = EndsPhoneRequest,
    };

    /// <summary>What a person sent, as the log keeps it.</summary>
    public static ChatLogEntry Incoming(ChatAddress chat, string text, DateTimeOffset at) => new() { ChatKey = chat.Key, Text = text, At = at, Delivery = Delivery.InLog };

    /// <summary>A message to send, as the log keeps it until (and after) its channel delivers it.</summary>
    public static ChatLogEntry Sending(ChatAddress chat, OutgoingMessage message, DateTimeOffset at, MessageTopic? topic, Delivery delivery) => new()
    {
        ChatKey = chat.Key, Outgoing = true, Text = message.Text, Choices = [.. message.Choices], Links = [.. message.Links], Warning = message.Warning,
        AsksForPhone = message.AsksForPhone, EndsPhoneRequest = message.EndsPhoneRequest, Topic = topic?.Key, At = at, Delivery = delivery, NextAttemptAt = at,
    };

    /// <summary>The message changed in place: buttons it no longer has are kept as retired, so a late press is still recognised.</summary>
    public void Replace(OutgoingMessage message)
    {
        Text = message.Text;
        RetiredChoices.AddRange(Choices.Where(c => !message.Choices.Contains(c)));
        Choices = [.. message.Choices];
        Links = [.. message.Links];
        Warning = message.Warning;
        ChosenLabel = null;
    }

    /// <summary>Whether <paramref name="chat"/> may close this message's choices now: its own, with buttons, none chosen yet.</summary>
    public bool CanClose(ChatAddress chat) => ChatKey == chat.Key && Choices.Count > 0 && ChosenLabel is null;
}
