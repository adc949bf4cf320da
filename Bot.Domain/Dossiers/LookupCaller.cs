using ChatPay.Domain.Chats;
using ChatPay.Domain.Security;

namespace ChatPay.Domain.Dossiers;

/// <summary>Who is looking a code up: the chat, the input it sent (with its client address), and the limits that apply.</summary>
public sealed record LookupCaller(ChatAddress Chat, ChatInput Input, IAttemptLimits Limits);
