namespace ChatPay.Fakes.Telegram;

/// <summary>An inline keyboard button; both are null for the kinds the fake does not model (web_app, pay, …).</summary>
public sealed record FakeButton(string Text, string? CallbackData, string? Url);
