namespace ChatPay.Fakes.Telegram;

/// <summary>The oldest unconfirmed update and where the webhook in force wants it.</summary>
internal sealed record WebhookDelivery(long UpdateId, string Json, string Url, string? Secret);
