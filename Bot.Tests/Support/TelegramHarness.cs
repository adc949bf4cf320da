using ChatPay.Fakes.Telegram;

namespace ChatPay.Tests.Support;

/// <summary>ChatPay running against the fake Bot API server, with helpers to act as Telegram users.</summary>
public sealed class TelegramHarness : IAsyncDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly Dictionary<string, string?> _settings;

    private readonly int _port;

    private TelegramHarness(FakeTelegramServer telegram, Dictionary<string, string?> settings, int port)
    {
        Telegram = telegram;
        _settings = settings;
        _port = port;
        App = new ChatPayApp(DatabasePath, _settings, _port);
    }

    public FakeTelegramServer Telegram { get; }

    public ChatPayApp App { get; private set; }

    /// <summary>Starts the fake Telegram and ChatPay; settings may use "{base}" for ChatPay's own address (a webhook URL).</summary>
    public static async Task<TelegramHarness> StartAsync(FakeTelegramOptions? options = null, params (string Key, string Value)[] settings)
    {
        var telegram = await FakeTelegramServer.StartAsync(options);
        var port = LoopbackPort.Free();
        var all = new Dictionary<string, string?>
        {
            ["Telegram:BotToken"] = telegram.Options.Token,
            ["Telegram:ApiBaseUrl"] = telegram.BaseUrl,
            ["Telegram:PollTimeoutSeconds"] = "1",
            ["Telegram:Limits:PerChatPerSecond"] = telegram.Options.PerChatPerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Telegram:Limits:PerChatBurst"] = telegram.Options.PerChatBurst.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Telegram:Limits:PerGroupPerMinute"] = telegram.Options.PerGroupPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Telegram:Limits:GlobalPerSecond"] = telegram.Options.GlobalPerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Telegram:Limits:GlobalBurst"] = telegram.Options.GlobalBurst.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in settings) all[key] = value.Replace("{base}", $"http://127.0.0.1:{port}");
        return new TelegramHarness(telegram, all, port);
    }

    public string DatabasePath => _directory.File("chatpay.db");

    /// <summary>Stops the Bot and starts it again on the same database and the same Telegram, doing <paramref name="whileStopped"/> in between.</summary>
    public void Restart(Action? whileStopped = null)
    {
        App.Dispose();
        whileStopped?.Invoke();
        App = new ChatPayApp(DatabasePath, _settings, _port);
    }

    public Task<FakeMessage> WaitAsync(long chatId, string fragment) => Telegram.WaitForMessageAsync(chatId, m => m.Text.Contains(fragment));

    /// <summary>Presses the newest button with this label in the chat, as the given user; returns the update id.</summary>
    public long Press(long chatId, string label, long? userId = null, string name = "Người dùng")
    {
        foreach (var message in Telegram.Messages(chatId).Reverse())
            foreach (var button in message.Keyboard.SelectMany(row => row))
                if (button.Text == label && button.CallbackData is { } data)
                    return Telegram.Press(chatId, message.MessageId, data, userId, name);
        throw new InvalidOperationException($"No button '{label}' in chat {chatId}.");
    }

    public static FakeButton Button(FakeMessage message, string label) => message.Keyboard.SelectMany(row => row).Single(b => b.Text == label);

    /// <summary>The payment link in the message: a URL button, or (for a loopback address Telegram would refuse) a link in the text.</summary>
    public static string PaymentLink(FakeMessage message) =>
        message.Keyboard.SelectMany(row => row).FirstOrDefault(b => b.Url is not null)?.Url
        ?? message.Text.Split('\n').Select(l => l[(l.IndexOf("http", StringComparison.Ordinal) is var i and >= 0 ? i : l.Length)..]).First(l => l.StartsWith("http", StringComparison.Ordinal));

    public async ValueTask DisposeAsync()
    {
        App.Dispose();
        await Telegram.DisposeAsync();
        _directory.Dispose();
    }
}
