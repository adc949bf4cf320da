namespace ChatPay.Bot.Channels.Outbox;

/// <summary>
/// A channel's sending limits as token buckets: per chat, per group chat, and for the whole channel. A null rate is no
/// limit of that kind.
/// </summary>
public sealed record ChannelPacing
{
    public double? PerChatPerSecond { get; init; }

    /// <summary>Messages a chat may get at once before <see cref="PerChatPerSecond"/> applies.</summary>
    public int PerChatBurst { get; init; } = 1;

    public double? PerGroupPerMinute { get; init; }

    public double? GlobalPerSecond { get; init; }

    public int GlobalBurst { get; init; } = 1;
}
