namespace ChatPay.Domain.Chats;

/// <summary>A message the bot sent, as the log knows it.</summary>
public sealed record SentMessage(long Id, ChatAddress Chat, OutgoingMessage Message, Delivery Delivery, DateTimeOffset At);
