using ChatPay.Bot.Storage;
using ChatPay.Domain.Dossiers;
using ChatPay.Fakes.Telegram;

namespace ChatPay.Tests.Support;

/// <summary>
/// The Bot as a process on one database and one address, talking to the fake Telegram with its limits, that a test can
/// kill (SIGKILL) and start again; with the dossiers it needs and one agency whose officers enrol with a known code.
/// </summary>
public sealed class KillableBot : IDisposable
{
    public const string Agency = "H42.10";
    public const string OfficerCode = "CRASH-TEST-OFFICER-CODE";
    private readonly TempDirectory _directory = new();
    private readonly FakeTelegramServer _telegram;
    private readonly string[] _settings;

    public KillableBot(FakeTelegramServer telegram, params string[] settings)
    {
        _telegram = telegram;
        _settings = settings;
        Http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri($"http://127.0.0.1:{Port}"), Timeout = TimeSpan.FromSeconds(20) };
    }

    public int Port { get; } = LoopbackPort.Free();

    public string DatabasePath => _directory.File("chatpay.db");

    /// <summary>A client of the Bot's address that outlives restarts (a citizen's browser following a payment link).</summary>
    public HttpClient Http { get; }

    public BotProcess? Process { get; private set; }

    /// <summary>What the running Bot wrote last, for a failure's message.</summary>
    public string LastOutput => Process?.Output is { } output ? output[^Math.Min(output.Length, 6000)..] : "";

    public static string Code(int n) => $"{Agency}-261126-{n + 1:D4}";

    /// <summary>Dossiers of the agency awaiting 200.000 ₫ each, written before the Bot starts.</summary>
    public void Seed(int count)
    {
        using var store = new LiteDbStore(DatabasePath, new ChatSignal());
        Seed(store, count);
    }

    /// <summary>Dossiers of the agency awaiting 200.000 ₫ each, numbered by <see cref="Code"/> from 0.</summary>
    public static void Seed(ChatPay.Domain.Storage.IChatPayStore store, int count) =>
        store.Write(s =>
        {
            for (var i = 0; i < count; i++)
            {
                var dossier = new Dossier(Code(i), "Cấp Phiếu lý lịch tư pháp", Agency, "Sở Tư pháp tỉnh Hà Tĩnh", $"Nguyễn Văn {i}", null, DateTimeOffset.UtcNow);
                dossier.RequestPayment([new FeeLine(FeeKind.Fee, "Phí cung cấp thông tin lý lịch tư pháp", 200_000)], DateTimeOffset.UtcNow);
                s.Dossiers.Save(dossier);
            }
            return true;
        });

    public async Task StartAsync() => Process = await BotProcess.StartServingAsync(DatabasePath, Port, [.. Settings(_telegram), .. _settings]);

    /// <summary>
    /// The Bot's settings for these tests: the demo's sandbox, the fake Telegram with its limits, the agency whose officers
    /// enrol with <see cref="OfficerCode"/>, and quick retries.
    /// </summary>
    public static string[] Settings(FakeTelegramServer telegram)
    {
        var options = telegram.Options;
        return [
            "--Demo:Enabled=true", // the sandbox gateway runs only with the demo
            "--Logging:LogLevel:Default=Warning",
            $"--Telegram:BotToken={options.Token}",
            $"--Telegram:ApiBaseUrl={telegram.BaseUrl}",
            "--Telegram:PollTimeoutSeconds=1",
            $"--Telegram:Limits:PerChatPerSecond={options.PerChatPerSecond}",
            $"--Telegram:Limits:PerChatBurst={options.PerChatBurst}",
            $"--Telegram:Limits:PerGroupPerMinute={options.PerGroupPerMinute}",
            $"--Telegram:Limits:GlobalPerSecond={options.GlobalPerSecond}",
            $"--Telegram:Limits:GlobalBurst={options.GlobalBurst}",
            $"--Staff:Agencies:0:Code={Agency}",
            "--Staff:Agencies:0:Name=Sở Tư pháp tỉnh Hà Tĩnh",
            $"--Staff:Agencies:0:EnrollmentCode={OfficerCode}",
            "--Staff:SupportEnrollmentCode=CRASH-TEST-SUPPORT-CODE",
            "--Payments:Sandbox:IpnRetryInterval=00:00:01",
            "--Payments:Reconciliation:Delay=00:00:05",
        ];
    }

    /// <summary>SIGKILL, then the same Bot again on the same file and address.</summary>
    public async Task KillAndRestartAsync()
    {
        Process!.Kill();
        Process.Dispose();
        await StartAsync();
    }

    /// <summary>Enrols a group chat as the agency's officers and waits for the answer.</summary>
    public async Task EnrolAsync(long group, TimeSpan within)
    {
        _telegram.SendText(group, $"/dangky@{_telegram.Options.BotUsername} {OfficerCode}", 7, "Cán bộ", "supergroup");
        await _telegram.WaitForMessageAsync(group, m => m.Text.Contains(Said.Enrolled), within);
    }

    public void Dispose()
    {
        Process?.Dispose();
        Http.Dispose();
        _directory.Dispose();
    }
}
