namespace ChatPay.Fakes.ZaloPay;

/// <summary>A merchant app as ZaloPay's sandbox knows it; the keys default to the ones ZaloPay publishes for its sandbox (app 2553).</summary>
public sealed record FakeZaloPayOptions
{
    public int AppId { get; init; } = 2553;
    public string Key1 { get; init; } = "PcY4iZIKFCIdgZvA6ueMcMHHUbRLYjPL";
    public string Key2 { get; init; } = "kLtgPl8HHhfvMuDHPwKfgfsY4Ydm9eIz";

    /// <summary>Where paid orders are reported when the order named no callback_url (the URL registered with ZaloPay).</summary>
    public string? CallbackUrl { get; init; }

    /// <summary>ZaloPay calls back again at most 3 times when the merchant does not acknowledge; the interval is not documented.</summary>
    public int CallbackRetries { get; init; } = 3;

    /// <summary>False: every callback is lost on the way (ZaloPay's documents say to poll /v2/query for this reason).</summary>
    public bool CallbacksArrive { get; init; } = true;

    /// <summary>Waited on <see cref="Clock"/>: with a fake clock, a test advances it (or sets zero).</summary>
    public TimeSpan CallbackRetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long ZaloPay waits for the merchant's answer to a callback.</summary>
    public TimeSpan CallbackTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
