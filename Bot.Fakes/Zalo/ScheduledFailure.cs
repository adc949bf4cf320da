namespace ChatPay.Fakes.Zalo;

/// <summary>
/// How one scheduled call fails: a Zalo error (HTTP 200 unless a status is given too), or a bare HTTP status, as from
/// a gateway in front of Zalo.
/// </summary>
internal sealed record ScheduledFailure(int? Error, int? HttpStatus);
