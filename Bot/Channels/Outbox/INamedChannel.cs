using ChatPay.Domain.Chats;

namespace ChatPay.Bot.Channels.Outbox;

/// <summary>A channel adapter's name, known before any instance exists (for the registrations made while the host is built).</summary>
public interface INamedChannel
{
    static abstract ChatChannel Name { get; }
}
