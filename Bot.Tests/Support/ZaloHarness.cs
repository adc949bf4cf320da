using ChatPay.Fakes.Zalo;

namespace ChatPay.Tests.Support;

/// <summary>ChatPay with its Zalo OA channel pointed at the fake Zalo API, and a driver that posts signed webhook events.</summary>
public sealed class ZaloHarness : IAsyncDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly Dictionary<string, string?> _settings;

    private ZaloHarness(FakeZaloServer zalo, Dictionary<string, string?> settings)
    {
        Zalo = zalo;
        _settings = settings;
        App = new ChatPayApp(_directory.File("chatpay.db"), _settings);
        Driver = new ZaloWebhookDriver(App.Http, App.BaseUrl + "/zalo/webhook", Zalo);
    }

    public FakeZaloServer Zalo { get; }

    public ChatPayApp App { get; private set; }

    public ZaloWebhookDriver Driver { get; private set; }

    public static async Task<ZaloHarness> StartAsync(params (string Key, string Value)[] settings)
    {
        var zalo = await FakeZaloServer.StartAsync();
        var all = new Dictionary<string, string?>
        {
            ["Zalo:AppId"] = zalo.Options.AppId,
            ["Zalo:AppSecret"] = zalo.Options.AppSecret,
            ["Zalo:OaSecretKey"] = zalo.Options.OaSecretKey,
            ["Zalo:AccessToken"] = zalo.Options.InitialAccessToken,
            ["Zalo:RefreshToken"] = zalo.Options.InitialRefreshToken,
            ["Zalo:ApiBaseUrl"] = zalo.BaseUrl,
            ["Zalo:OAuthBaseUrl"] = zalo.BaseUrl,
            // Used once a test sets Zalo:Zns:TemplateId.
            ["Zalo:Zns:ApiBaseUrl"] = zalo.BaseUrl,
        };
        foreach (var (key, value) in settings) all[key] = value;
        return new ZaloHarness(zalo, all);
    }

    /// <summary>Stops the Bot and starts it again on the same database, with the same configuration.</summary>
    public void Restart()
    {
        App.Dispose();
        App = new ChatPayApp(_directory.File("chatpay.db"), _settings);
        Driver = new ZaloWebhookDriver(App.Http, App.BaseUrl + "/zalo/webhook", Zalo);
    }

    public Task<ZaloSent> WaitAsync(string userId, string fragment) => Zalo.WaitForMessageAsync(userId, m => m.Text.Contains(fragment));

    /// <summary>Taps the newest query button with this title: Zalo sends its payload back as the user's text.</summary>
    public Task<HttpResponseMessage> TapAsync(string userId, string title)
    {
        var button = Zalo.Sent(userId).Reverse().SelectMany(m => m.Buttons).First(b => b.Title == title && b.Type.StartsWith("oa.query", StringComparison.Ordinal));
        return Driver.SendTextAsync(userId, button.Payload!);
    }

    public static string Link(ZaloSent message, string title) => message.Buttons.Single(b => b.Title == title).Url!;

    public async ValueTask DisposeAsync()
    {
        App.Dispose();
        await Zalo.DisposeAsync();
        _directory.Dispose();
    }
}
