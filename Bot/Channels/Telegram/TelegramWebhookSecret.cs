namespace ChatPay.Bot.Channels.Telegram;

/// <summary>The secret Telegram must present on webhook calls: configured, or made once and kept.</summary>
public sealed record TelegramWebhookSecret(string Value);
