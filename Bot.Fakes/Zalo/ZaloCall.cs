namespace ChatPay.Fakes.Zalo;

/// <summary>
/// One call to the fake and its answer. A call succeeded when <paramref name="Error"/> is 0 and
/// <paramref name="HttpStatus"/> is 200; an injected HTTP failure has <paramref name="Error"/> 0 and its status.
/// <paramref name="UserId"/> is the recipient a send named, whatever the answer; null for token refreshes.
/// </summary>
public sealed record ZaloCall(string Path, int Error, int HttpStatus, DateTimeOffset At, string? UserId);
