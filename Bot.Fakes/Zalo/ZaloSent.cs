namespace ChatPay.Fakes.Zalo;

/// <summary>A customer-service message the fake accepted; <paramref name="At"/> is on the fake's clock.</summary>
public sealed record ZaloSent(string UserId, string MessageId, string Text, IReadOnlyList<ZaloButton> Buttons, DateTimeOffset At);
