using ChatPay.Bot.Health;
using ChatPay.Bot.Storage.PostgreSql;
using ChatPay.Fakes.Telegram;

namespace ChatPay.Tests.Support;

/// <summary>
/// Several Bot processes on one PostgreSQL database behind one address (<see cref="RoundRobinProxy"/>), Telegram in webhook
/// mode against the fake server: any instance may take any update, IPN or page; one leads the background work.
/// </summary>
public sealed class BotInstances : IAsyncDisposable
{
    public const string Agency = KillableBot.Agency;
    private readonly FakeTelegramServer _telegram;
    private readonly TestPostgres _database;
    private readonly RoundRobinProxy _proxy;
    private readonly TempDirectory _directory = new();

    private BotInstances(FakeTelegramServer telegram, TestPostgres database, RoundRobinProxy proxy)
    {
        _telegram = telegram;
        _database = database;
        _proxy = proxy;
        Http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(proxy.BaseUrl), Timeout = TimeSpan.FromSeconds(20) };
    }

    /// <summary>A client of the one public address (a citizen's browser).</summary>
    public HttpClient Http { get; }

    public List<BotProcess> Processes { get; } = [];

    public static async Task<BotInstances> StartAsync(FakeTelegramServer telegram, TestPostgres database, int count, int dossiers)
    {
        var instances = new BotInstances(telegram, database, await RoundRobinProxy.StartAsync());
        using (var store = new PgStore(database.ConnectionString)) KillableBot.Seed(store, dossiers);
        // One after the other: the first leads, as a deployment's first instance does; the others stand by.
        for (var i = 0; i < count; i++) await instances.StartOneAsync(i);
        return instances;
    }

    private async Task StartOneAsync(int index)
    {
        var process = await BotProcess.StartServingAsync(_directory.File($"unused-{index}.db"), LoopbackPort.Free(), [
            .. KillableBot.Settings(_telegram),
            .. _database.Settings.Select(s => $"--{s.Key}={s.Value}"),
            $"--App:PublicBaseUrl={_proxy.BaseUrl}",
            "--Telegram:Mode=Webhook",
            $"--Telegram:WebhookUrl={_proxy.BaseUrl}/telegram/webhook"]);
        Processes.Add(process);
        _proxy.Add(process.Http.BaseAddress!.ToString());
    }

    /// <summary>Whether the instance says it leads (its /health), false for one that does not answer.</summary>
    public static async Task<bool> LeadsAsync(BotProcess process)
    {
        try
        {
            return (await process.Http.GetStringAsync("/health")).Contains(LeadershipHealthCheck.Leads);
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    /// <summary>What the instances wrote last, for a failure's message.</summary>
    public string LastOutput => string.Join("\n", Processes.Select((p, i) => $"--- instance {i}:\n{p.Output[^Math.Min(p.Output.Length, 3000)..]}"));

    public async ValueTask DisposeAsync()
    {
        foreach (var process in Processes) process.Dispose();
        await _proxy.DisposeAsync();
        Http.Dispose();
        _directory.Dispose();
    }
}
