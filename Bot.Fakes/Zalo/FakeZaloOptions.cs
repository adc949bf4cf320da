namespace ChatPay.Fakes.Zalo;

/// <summary>How the fake Zalo behaves: the app's and the OA's credentials, the first tokens, the send rate and its clock.</summary>
public sealed class FakeZaloOptions
{
    public string AppId { get; init; } = "2553928453557884079";

    /// <summary>The app secret, sent by the bot as the secret_key header of a token refresh.</summary>
    public string AppSecret { get; init; } = "fake-app-secret-0123456789";

    /// <summary>The OA secret key, which signs webhook events (X-ZEvent-Signature).</summary>
    public string OaSecretKey { get; init; } = "fake-oa-secret-key-0123456789";

    public string OaId { get; init; } = "3662729599332560487";

    /// <summary>Valid from start-up for 25 hours on <see cref="Clock"/>, as a freshly issued Zalo token.</summary>
    public string InitialAccessToken { get; init; } = "access-0";

    public string InitialRefreshToken { get; init; } = "refresh-0";

    /// <summary>Refill rate of the OA's send bucket; real time, not <see cref="Clock"/>, so a frozen test clock never starves it.</summary>
    public double MessagesPerSecond { get; init; } = 10;

    /// <summary>Capacity of the OA's send bucket: how many messages may go out at once.</summary>
    public int MessagesBurst { get; init; } = 10;

    /// <summary>
    /// The fake's "now": the 7-day interaction window, the 25-hour access token lifetime, webhook timestamps and the
    /// times in <see cref="ZaloSent"/> and <see cref="ZaloCall"/>.
    /// </summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>The OA's ZNS templates: by default one approved template for a payment request, with ChatPay's parameters.</summary>
    public IReadOnlyList<ZnsTemplate> ZnsTemplates { get; init; } =
    [
        new("250001", true, new Dictionary<string, int> { ["ma_ho_so"] = 30, ["so_tien"] = 30, ["ma_thanh_toan"] = 64 }),
        new("250002", false, new Dictionary<string, int> { ["ma_ho_so"] = 30 }),
    ];

    /// <summary>ZNS messages the OA may send today.</summary>
    public int ZnsDailyQuota { get; init; } = 500;
}
