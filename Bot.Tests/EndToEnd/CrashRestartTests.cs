using System.Text.RegularExpressions;
using ChatPay.Bot.Payments.Sandbox;
using ChatPay.Bot.Storage;
using ChatPay.Domain.Dossiers;
using ChatPay.Domain.Payments;
using ChatPay.Fakes.Telegram;
using ChatPay.Tests.Support;
using LiteDB;

namespace ChatPay.Tests.EndToEnd;

/// <summary>
/// The Bot as a real process against the fake Telegram server and its own VNPay sandbox: 200 citizens pay at once
/// while the process is killed (SIGKILL) mid-update, mid-IPN and mid-alert and started again on the same file.
/// </summary>
[Collection(nameof(CrashRestartTests))]
[Trait("Tier", "System")]
public class CrashRestartTests : IDisposable
{
    private const int Citizens = 200;
    private const string Agency = "H42.10";
    private const string OfficerCode = "CRASH-TEST-OFFICER-CODE";
    private static readonly long[] OfficerGroups = [-2001, -2002];
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(4);
    private readonly TempDirectory _directory = new();
    private readonly int _port = LoopbackPort.Free();
    private readonly Random _random = new(Environment.TickCount);
    private readonly HttpClient _http;
    private BotProcess? _bot;
    private int _paid;

    public CrashRestartTests() =>
        _http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri($"http://127.0.0.1:{_port}"), Timeout = TimeSpan.FromSeconds(20) };

    private string DatabasePath => _directory.File("chatpay.db");

    private static string Code(int citizen) => $"{Agency}-261126-{citizen + 1:D4}";

    private static long ChatOf(int citizen) => 50_000 + citizen;

    public void Dispose()
    {
        _bot?.Dispose();
        _http.Dispose();
        _directory.Dispose();
    }

    [Fact]
    public async Task Killed_three_times_during_200_journeys_the_bot_loses_nothing_and_doubles_nothing()
    {
        try
        {
            await KilledThreeTimesAsync();
        }
        catch (Exception e) when (_bot is not null)
        {
            throw new Exception($"{e.Message}\nThe Bot's last output:\n{_bot.Output[^Math.Min(_bot.Output.Length, 6000)..]}", e);
        }
    }

    private async Task KilledThreeTimesAsync()
    {
        SeedDossiers();
        await using var telegram = await FakeTelegramServer.StartAsync(new FakeTelegramOptions
        {
            PerChatPerSecond = 20, PerChatBurst = 20, PerGroupPerMinute = 6_000, GlobalPerSecond = 1_000, GlobalBurst = 200,
        });
        await StartBotAsync(telegram);
        foreach (var group in OfficerGroups)
        {
            telegram.SendText(group, $"/dangky@{telegram.Options.BotUsername} {OfficerCode}", 7, "Cán bộ", "supergroup");
            await telegram.WaitForMessageAsync(group, m => m.Text.Contains(Said.Enrolled), Patience);
        }

        var journeys = Enumerable.Range(0, Citizens).Select(i => JourneyAsync(telegram, i)).ToList();

        // Mid-update: citizens are typing codes and pressing buttons.
        await Eventually.HoldsAsync(() => telegram.Messages(ChatOf(Citizens - 1)).Count + telegram.Messages(ChatOf(Citizens / 2)).Count > 0, Patience);
        await KillAndRestartAsync(telegram);
        // Mid-IPN: the sandbox has just taken money, and its IPN is on its way.
        await Eventually.HoldsAsync(() => Volatile.Read(ref _paid) >= Citizens / 4, Patience);
        await KillAndRestartAsync(telegram);
        // Mid-alert: officers' alerts are going out.
        var alertsBefore = AlertsIn(telegram, OfficerGroups[0]);
        await Eventually.HoldsAsync(() => AlertsIn(telegram, OfficerGroups[0]) > alertsBefore, Patience);
        await KillAndRestartAsync(telegram);

        await Task.WhenAll(journeys).WaitAsync(Patience);
        foreach (var group in OfficerGroups)
            await Eventually.HoldsAsync(() => Enumerable.Range(0, Citizens).All(i => telegram.Messages(group).Any(m => m.Text.Contains(Code(i)))), Patience);
        _bot!.Kill();

        using var store = new LiteDbStore(DatabasePath, new ChatSignal());
        var taken = store.Collection<SandboxTransaction>("sandbox_transactions").FindAll().Where(t => t.ResponseCode == "00" && t.TransactionStatus == "00").ToList();
        Assert.Equal(Citizens, taken.Count);
        foreach (var transaction in taken)
        {
            var payment = store.Read(s => s.Payments.Find(transaction.Id))!;
            Assert.Equal(PaymentState.Succeeded, payment.State);
            var dossier = store.Read(s => s.Dossiers.Find(payment.DossierCode))!;
            Assert.Equal(DossierStatus.Paid, dossier.Status);
            Assert.Equal(payment.Id, store.Read(s => s.Receipts.Find(dossier.ReceiptId!))!.PaymentId);
        }
        for (var i = 0; i < Citizens; i++)
            Assert.Single(telegram.Messages(ChatOf(i)), m => m.Text.Contains(Said.Paid));
        foreach (var group in OfficerGroups)
        {
            var text = string.Join("\n", telegram.Messages(group).Select(m => m.Text));
            for (var i = 0; i < Citizens; i++) Assert.Single(Regex.Matches(text, Regex.Escape($"Hồ sơ {Code(i)} đã thanh toán")));
        }
        foreach (var name in new[] { LiteDossiers.Collection, LitePayments.Collection, LiteReceipts.Collection, LiteChatLog.Collection, LiteConversations.Collection })
            Assert.True(store.Collection<BsonDocument>(name).Count() > 0);
    }

    private void SeedDossiers()
    {
        using var store = new LiteDbStore(DatabasePath, new ChatSignal());
        store.Write(s =>
        {
            for (var i = 0; i < Citizens; i++)
            {
                var dossier = new Dossier(Code(i), "Cấp Phiếu lý lịch tư pháp", Agency, "Sở Tư pháp tỉnh Hà Tĩnh", $"Nguyễn Văn {i}", null, DateTimeOffset.UtcNow);
                dossier.RequestPayment([new FeeLine(FeeKind.Fee, "Phí cung cấp thông tin lý lịch tư pháp", 200_000)], DateTimeOffset.UtcNow);
                s.Dossiers.Save(dossier);
            }
            return true;
        });
    }

    private async Task StartBotAsync(FakeTelegramServer telegram)
    {
        _bot = await BotProcess.StartServingAsync(DatabasePath, _port,
            "--Demo:Enabled=true", // the sandbox gateway runs only with the demo
            "--Logging:LogLevel:Default=Warning",
            $"--Telegram:BotToken={telegram.Options.Token}",
            $"--Telegram:ApiBaseUrl={telegram.BaseUrl}",
            "--Telegram:PollTimeoutSeconds=1",
            $"--Telegram:Limits:PerChatPerSecond={telegram.Options.PerChatPerSecond}",
            $"--Telegram:Limits:PerChatBurst={telegram.Options.PerChatBurst}",
            $"--Telegram:Limits:PerGroupPerMinute={telegram.Options.PerGroupPerMinute}",
            $"--Telegram:Limits:GlobalPerSecond={telegram.Options.GlobalPerSecond}",
            $"--Telegram:Limits:GlobalBurst={telegram.Options.GlobalBurst}",
            $"--Staff:Agencies:0:Code={Agency}",
            "--Staff:Agencies:0:Name=Sở Tư pháp tỉnh Hà Tĩnh",
            $"--Staff:Agencies:0:EnrollmentCode={OfficerCode}",
            "--Staff:SupportEnrollmentCode=CRASH-TEST-SUPPORT-CODE",
            "--Payments:Sandbox:IpnRetryInterval=00:00:01",
            "--Payments:Reconciliation:Delay=00:00:05");
    }

    private async Task KillAndRestartAsync(FakeTelegramServer telegram)
    {
        await Task.Delay(_random.Next(0, 150));
        _bot!.Kill();
        _bot.Dispose();
        await StartBotAsync(telegram);
    }

    private static int AlertsIn(FakeTelegramServer telegram, long group) =>
        telegram.Messages(group).Sum(m => Regex.Matches(m.Text, "đã thanh toán — sẵn sàng xử lý").Count);

    private async Task JourneyAsync(FakeTelegramServer telegram, int citizen)
    {
        var chat = ChatOf(citizen);
        telegram.SendText(chat, Code(citizen));
        var fees = await telegram.WaitForMessageAsync(chat, m => m.Text.Contains(Said.Fees), Patience);
        telegram.Press(chat, fees.MessageId, TelegramHarness.Button(fees, "Xác nhận").CallbackData!);
        var banks = await telegram.WaitForMessageAsync(chat, m => m.Text.Contains(Said.ChooseBank) && m.Keyboard.Count > 0, Patience);
        telegram.Press(chat, banks.MessageId, TelegramHarness.Button(banks, "Vietcombank").CallbackData!);
        var link = TelegramHarness.PaymentLink(await telegram.WaitForMessageAsync(chat, m => m.Text.Contains(Said.PaymentLink), Patience));

        var deadline = DateTime.UtcNow + Patience;
        while (!telegram.Messages(chat).Any(m => m.Text.Contains(Said.Paid)))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Citizen {citizen} never got a receipt.");
            try
            {
                await SandboxPayer.PayAsync(_http, link);
                Interlocked.Increment(ref _paid);
            }
            catch (Exception e) when (e is HttpRequestException or InvalidOperationException or TaskCanceledException)
            {
                // The bot is down, or the link already went through: look for the receipt, then try again.
            }
            try
            {
                await telegram.WaitForMessageAsync(chat, m => m.Text.Contains(Said.Paid), TimeSpan.FromSeconds(5));
            }
            catch (TimeoutException)
            {
            }
        }
    }
}

/// <summary>The crash test runs alone: it loads both cores, and other tests' waits are not meant to compete with it.</summary>
[CollectionDefinition(nameof(CrashRestartTests), DisableParallelization = true)]
public sealed class CrashRestartCollection;
