namespace ChatPay.Domain.Chats;

/// <summary>What a message the bot will change later is about, so it can be found again (see <see cref="Storage.IChatLog.OnTopic"/>).</summary>
public readonly record struct MessageTopic(TopicKind Kind, string Subject)
{
    /// <summary>A dossier's "paid" alerts and reminders to its agency's officers: updated when one takes it, counted for support.</summary>
    public static MessageTopic Alert(string dossierCode) => new(TopicKind.Alert, dossierCode);

    /// <summary>The message carrying a payment attempt's link, closed when the attempt ends.</summary>
    public static MessageTopic PaymentLink(string paymentId) => new(TopicKind.PaymentLink, paymentId);

    /// <summary>A citizen's notice that a dossier's payment is requested (or a reminder): its deliveries are shown to support.</summary>
    public static MessageTopic Notice(string dossierCode) => new(TopicKind.Notice, dossierCode);

    /// <summary>A refund's approval requests, updated when it is decided and when the gateway answers.</summary>
    public static MessageTopic Refund(string refundId) => new(TopicKind.Refund, refundId);

    /// <summary>Several waiting for one chat may go out as one message: an officer can get many alerts at once.</summary>
    public bool Combinable => Kind == TopicKind.Alert;

    /// <summary>
    /// A change must reach the person even where the channel cannot edit a sent message (it then goes out as a short new
    /// one): an alert someone took must not be taken twice. A closed payment link needs no word: its page says so.
    /// </summary>
    public bool ChangeMatters => Kind == TopicKind.Alert;

    /// <summary>The stored form ("alert:H42.10-261125-0001").</summary>
    public string Key => $"{Prefix(Kind)}:{Subject}";

    public override string ToString() => Key;

    public static MessageTopic? Parse(string? key)
    {
        if (key is null) return null;
        var colon = key.IndexOf(':');
        if (colon <= 0) return null;
        foreach (var kind in Enum.GetValues<TopicKind>())
            if (key.AsSpan(0, colon).SequenceEqual(Prefix(kind))) return new MessageTopic(kind, key[(colon + 1)..]);
        return null;
    }

    private static string Prefix(TopicKind kind) => kind switch
    {
        TopicKind.Alert => "alert",
        TopicKind.PaymentLink => "link",
        TopicKind.Notice => "notice",
        TopicKind.Refund => "refund",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
