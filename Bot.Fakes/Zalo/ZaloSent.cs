namespace ChatPay.Fakes.Zalo;

/// <summary>
/// A customer-service message the fake accepted; <paramref name="At"/> is on the fake's clock. <paramref name="RequestsUserInfo"/>:
/// the request_user_info template (its subtitle is the text), which lets the user submit their info once.
/// </summary>
public sealed record ZaloSent(string UserId, string MessageId, string Text, IReadOnlyList<ZaloButton> Buttons, DateTimeOffset At, bool RequestsUserInfo = false);
