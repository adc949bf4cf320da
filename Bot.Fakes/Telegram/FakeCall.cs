namespace ChatPay.Fakes.Telegram;

/// <summary>One Bot API call and the fake's answer; <paramref name="Description"/> is null when the call succeeded.</summary>
public sealed record FakeCall(string Method, int StatusCode, string? Description, DateTimeOffset At, long? ChatId);
