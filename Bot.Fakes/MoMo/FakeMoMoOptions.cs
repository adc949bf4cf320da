namespace ChatPay.Fakes.MoMo;

/// <summary>A partner as MoMo's test environment knows it; the keys default to the ones MoMo publishes in its samples.</summary>
public sealed record FakeMoMoOptions
{
    public string PartnerCode { get; init; } = "MOMO";
    public string AccessKey { get; init; } = "F8BBA842ECF85";
    public string SecretKey { get; init; } = "K951B6PE1waDMi640xX08PD3vg6EkVlz";

    /// <summary>MoMo does not document its IPN retries; the fake sends an unacknowledged IPN this many times in all (0: every IPN is lost on the way).</summary>
    public int IpnAttempts { get; init; } = 3;

    /// <summary>Waited on <see cref="Clock"/>: with a fake clock, a test advances it (or sets zero).</summary>
    public TimeSpan IpnRetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>MoMo expects the partner's answer within 15 s.</summary>
    public TimeSpan IpnTimeout { get; init; } = TimeSpan.FromSeconds(15);

    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
