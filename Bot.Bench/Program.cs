using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ChatPay.Bench;
using ChatPay.Bench.StoreModel;
using ChatPay.Fakes.Telegram;

// Runs each measurement against the real Bot (a child process) and the fake Telegram Bot API server, prints a
// table and writes the figures as JSON. See the README's Performance section.
var options = BenchOptions.Parse(args);
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var work = Directory.CreateTempSubdirectory("chatpay-bench-");
var unlimited = new FakeTelegramOptions
{
    PerChatPerSecond = 1e6, PerChatBurst = 1_000_000, PerGroupPerMinute = 1_000_000_000, GlobalPerSecond = 1e6, GlobalBurst = 1_000_000,
    CallbackAnswerWindow = TimeSpan.FromMinutes(10),
};
Dictionary<string, string> TelegramSettings(FakeTelegramServer telegram, bool limited) => new()
{
    ["Telegram:BotToken"] = telegram.Options.Token,
    ["Telegram:ApiBaseUrl"] = telegram.BaseUrl,
    ["Telegram:PollTimeoutSeconds"] = "1",
    ["Telegram:Limits:PerChatPerSecond"] = limited ? "1" : "1000000",
    ["Telegram:Limits:PerChatBurst"] = limited ? "3" : "1000000",
    ["Telegram:Limits:PerGroupPerMinute"] = limited ? "20" : "1000000000",
    ["Telegram:Limits:GlobalPerSecond"] = limited ? "30" : "1000000",
    ["Telegram:Limits:GlobalBurst"] = limited ? "30" : "1000000",
    // The embedded store every Bot of the run keeps its data in (--store Sqlite|LiteDb; SQLite, ChatPay's default, unless said); the storage run sets PostgreSQL itself.
    ["Storage:Provider"] = options.Store,
};
var results = new Dictionary<string, object>
{
    ["machine"] = new { cores = Environment.ProcessorCount, memoryGb = Math.Round(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1e9, 1), os = Environment.OSVersion.ToString(), dotnet = Environment.Version.ToString() },
    ["options"] = options,
};
Console.WriteLine($"ChatPay benchmark — {Environment.ProcessorCount} cores, {results["machine"]}");

// 1. The transport's ceiling.
var echo = double.NaN;
if (options.Runs("echo"))
{
    await using var telegram = await FakeTelegramServer.StartAsync(unlimited);
    echo = await EchoBaseline.UpdatesPerSecondAsync(telegram, chats: Math.Min(options.Journeys, 1000), updatesPerChat: 3);
    results["echoUpdatesPerSecond"] = Math.Round(echo, 1);
    Console.WriteLine($"echo baseline: {echo:0} updates/s");
}

// 2. Full journeys at saturation, then 3. paced for latency; footprint of the same process.
if (options.Runs("journeys"))
{
    await using (var telegram = await FakeTelegramServer.StartAsync(unlimited))
    {
        var database = Path.Combine(work.FullName, "journeys.db");
        await using var bot = await BotUnderTest.StartAsync(database, TelegramSettings(telegram, limited: false));
        const long officers = -100_500;
        telegram.SendText(officers, $"/dangky {BotUnderTest.OfficerCode}", 1, "Cán bộ", "supergroup");
        await telegram.WaitForMessageAsync(officers, m => m.Text.Contains("Đã đăng ký"));
        var citizens = new Citizens(telegram, bot, officers);

        var pacedJourneys = options.PacedRate * options.PacedSeconds / 3;
        await citizens.RequestAsync(Enumerable.Range(0, options.Journeys + pacedJourneys).Select(Citizens.Code));

        var watch = Stopwatch.StartNew();
        var journeys = await Task.WhenAll(Enumerable.Range(0, options.Journeys).Select(async i =>
        {
            try
            {
                return await citizens.PayAsync(1_000_000 + i, Citizens.Code(i), () => Task.CompletedTask);
            }
            catch (Exception e) when (e is TimeoutException or InvalidOperationException or HttpRequestException)
            {
                return new Citizens.Journey([], TimeSpan.Zero, TimeSpan.Zero, Completed: false);
            }
        }));
        var seconds = watch.Elapsed.TotalSeconds;
        var done = journeys.Where(j => j.Completed).ToList();
        var updatesPerSecond = done.Count * 3 / seconds;
        results["journeys"] = new
        {
            count = options.Journeys,
            lost = journeys.Length - done.Count,
            seconds = Math.Round(seconds, 2),
            journeysPerSecond = Math.Round(done.Count / seconds, 1),
            updatesPerSecond = Math.Round(updatesPerSecond, 1),
            // Without the echo run (--only journeys) there is nothing to compare with: null, not NaN (JSON has no NaN).
            ratioToEcho = double.IsNaN(echo) ? (double?)null : Math.Round(updatesPerSecond / echo, 3),
            replyLatency = Percentiles.Of(done.SelectMany(j => j.Replies)),
            ipnAnswer = Percentiles.Of(done.Select(j => j.IpnAnswer)),
            clearedToAlert = Percentiles.Of(done.Select(j => j.ClearedToAlert)),
        };
        Console.WriteLine($"journeys: {done.Count}/{options.Journeys} in {seconds:0.0} s = {done.Count / seconds:0.0}/s, {updatesPerSecond:0} updates/s{(double.IsNaN(echo) ? "" : $" ({updatesPerSecond / echo:P0} of echo)")}");

        // Offered at a steady rate, as real citizens arrive, to read latency without queueing behind a flood (nor behind
        // the alerts the flood left to send).
        await bot.WaitUntilSentAsync();
        var interval = TimeSpan.FromSeconds(1.0 / options.PacedRate);
        var start = Stopwatch.GetTimestamp();
        var slot = -1L;
        async Task Pace()
        {
            var due = TimeSpan.FromTicks(interval.Ticks * Interlocked.Increment(ref slot)) - Stopwatch.GetElapsedTime(start);
            if (due > TimeSpan.Zero) await Task.Delay(due);
        }
        var paced = await Task.WhenAll(Enumerable.Range(options.Journeys, pacedJourneys).Select(i => citizens.PayAsync(1_000_000 + i, Citizens.Code(i), Pace)));
        results["paced"] = new
        {
            offeredPerSecond = options.PacedRate,
            replyLatency = Percentiles.Of(paced.SelectMany(j => j.Replies)),
            ipnAnswer = Percentiles.Of(paced.Select(j => j.IpnAnswer)),
            clearedToAlert = Percentiles.Of(paced.Select(j => j.ClearedToAlert)),
        };
        Console.WriteLine($"paced at {options.PacedRate}/s: replies {Percentiles.Of(paced.SelectMany(j => j.Replies))}; IPN {Percentiles.Of(paced.Select(j => j.IpnAnswer))}");

        // LiteDB's file, or SQLite's with its write-ahead log (what the disk holds; not the lock file).
        var databaseBytes = new DirectoryInfo(work.FullName).GetFiles("journeys*").Where(f => f.Extension != ".lock").Sum(f => f.Length);
        results["footprint"] = new { peakMemoryMb = Math.Round(bot.PeakMemoryMb(), 1), databaseMb = Math.Round(databaseBytes / 1e6, 1), afterJourneys = options.Journeys + pacedJourneys };
        Console.WriteLine($"footprint: peak {bot.PeakMemoryMb():0} MB, database {databaseBytes / 1e6:0.0} MB");
    }
}

// 3b. CPU per journey, limits off and on (a fixed number of citizens at a time, after a warm-up).
if (options.Runs("cpu"))
{
    var cpu = new List<CpuPerJourney.Result>();
    foreach (var limited in options.CpuLimitSettings())
    {
        await using var telegram = await FakeTelegramServer.StartAsync(limited ? new FakeTelegramOptions { CallbackAnswerWindow = TimeSpan.FromMinutes(10) } : unlimited);
        await using var bot = await BotUnderTest.StartAsync(Path.Combine(work.FullName, $"cpu-{limited}.db"), TelegramSettings(telegram, limited));
        var result = await CpuPerJourney.RunAsync(telegram, bot, limited, options.CpuJourneys, atOnce: 20, warmUp: 150, firstCode: 200_000);
        cpu.Add(result);
        Console.WriteLine($"CPU per journey, limits {(limited ? "on" : "off")}: {result.CpuMsPerJourney:0.0} ms ({result.Journeys} journeys, {result.AtOnce} at once, " +
            $"{result.JourneysPerSecond:0.0}/s, peak {result.PeakMemoryMb:0} MB; at rest {result.IdleCpuMsPerSecond:0.0} ms a second, {result.IdleCpuMsPerJourney:0.0} ms a journey over this run)");
    }
    results["cpuPerJourney"] = cpu;
}

// 3c. The same CPU run on each store: SQLite, LiteDB, PostgreSQL with one instance, and two instances on one database (issue 19:
// on 2 cores no speed-up is expected; what is measured is the cost, and that nothing breaks).
if (options.Runs("storage"))
{
    var stores = new List<object>();
    foreach (var (store, instances) in new[] { ("SQLite", 1), ("LiteDB", 1), ("PostgreSQL", 1), ("PostgreSQL", 2) })
    {
        using var postgres = store == "PostgreSQL" ? BenchPostgres.Create() : null;
        if (store == "PostgreSQL" && postgres is null)
        {
            Console.WriteLine("storage: PostgreSQL skipped (set CHATPAY_BENCH_POSTGRES to a connection string)");
            break;
        }
        await using var telegram = await FakeTelegramServer.StartAsync(unlimited);
        var settings = TelegramSettings(telegram, limited: false);
        settings["Storage:Provider"] = store == "LiteDB" ? "LiteDb" : "Sqlite";
        foreach (var (key, value) in postgres?.Settings ?? []) settings[key] = value;
        await using var bot = await BotUnderTest.StartAsync(Path.Combine(work.FullName, $"storage-{store}.db"), settings, instances);
        var serverBefore = BenchPostgres.ServerCpuTime();
        var result = await CpuPerJourney.RunAsync(telegram, bot, limited: false, options.CpuJourneys, atOnce: 20, warmUp: 150, firstCode: 100_000);
        // The server's CPU over warm-up, rest and run, per measured journey: a rough figure beside the Bot's exact one.
        var serverMsPerJourney = postgres is null ? 0 : Math.Round((BenchPostgres.ServerCpuTime() - serverBefore).TotalMilliseconds / (options.CpuJourneys + 150), 1);
        stores.Add(new { store, instances, result, serverMsPerJourney });
        Console.WriteLine($"{store}, {instances} instance{(instances > 1 ? "s" : "")}: {result.CpuMsPerJourney:0.0} ms a journey (all instances)" +
            $"{(postgres is null ? "" : $" + {serverMsPerJourney:0.0} ms in PostgreSQL")}, {result.JourneysPerSecond:0.0}/s, peak {result.PeakMemoryMb:0} MB (added up)");
    }
    results["storage"] = stores;
}

// 3d. The journey's storage work alone, modelled, on LiteDB and on SQLite (issue 14: what the embedded store weighs).
if (options.Runs("store-model"))
{
    var model = StoreModelRun.Run(options.ModelJourneys, work);
    results["storeModel"] = model;
    foreach (var run in model)
        Console.WriteLine($"store model, {run.Store}, {(run.OneCommit ? "one commit a journey" : $"{run.CommitsPerJourney:0} commits a journey")}: " +
            $"{run.MedianCpuUsPerJourney / 1000:0.00} ms a journey ({string.Join(", ", run.CpuUsPerJourney.Select(us => $"{us / 1000:0.00}"))})");
}

// 4. Alerts in a burst, with Telegram's limits on both sides.
if (options.Runs("burst"))
{
    await using (var telegram = await FakeTelegramServer.StartAsync(new FakeTelegramOptions { CallbackAnswerWindow = TimeSpan.FromMinutes(10) }))
    {
        await using var bot = await BotUnderTest.StartAsync(Path.Combine(work.FullName, "burst.db"), TelegramSettings(telegram, limited: true));
        var burst = await AlertBurst.RunAsync(telegram, bot, options.Alerts, options.AlertChats);
        results["alertBurst"] = burst;
        Console.WriteLine($"alert burst: {burst.Alerts} alerts to {burst.Chats} chats as {burst.Messages} messages in {burst.Seconds:0.0} s " +
            $"(limits allow {burst.LeastSeconds:0.0} s at least); 429s: {burst.TooManyRequests}");
    }
}

// 4b. A morning rush of payments to one agency group, with Telegram's limits on both sides.
if (options.Runs("rush"))
{
    await using (var telegram = await FakeTelegramServer.StartAsync(new FakeTelegramOptions { CallbackAnswerWindow = TimeSpan.FromMinutes(10) }))
    {
        await using var bot = await BotUnderTest.StartAsync(Path.Combine(work.FullName, "rush.db"), TelegramSettings(telegram, limited: true));
        var rush = await GroupRush.RunAsync(telegram, bot, options.Rush);
        results["groupRush"] = rush;
        Console.WriteLine($"group rush: {rush.Payments} payments as {rush.Messages} group messages; delay median {rush.MedianDelaySeconds:0.0} s, " +
            $"longest {rush.LongestDelaySeconds:0.0} s; 429s: {rush.TooManyRequests}");
    }
}

// 4c. Recovery after a kill: how long people wait for the answer to what they typed when the Bot died answering them.
if (options.Runs("recovery"))
{
    await using (var telegram = await FakeTelegramServer.StartAsync(new FakeTelegramOptions { CallbackAnswerWindow = TimeSpan.FromMinutes(10) }))
    {
        var recovery = await RecoveryAfterKill.RunAsync(telegram, Path.Combine(work.FullName, "recovery.db"),
            database => BotUnderTest.StartAsync(database, TelegramSettings(telegram, limited: true)), options.RecoveryChats, firstCode: 260_000);
        results["recoveryAfterKill"] = recovery;
        Console.WriteLine($"recovery after a kill: {recovery.WaitingAtKill} of {recovery.Chats} chats waiting; restarted in {recovery.RestartSeconds:0.0} s, " +
            $"all answered {recovery.SecondsToAllAnswered:0.0} s after (median {recovery.MedianSecondsToAnswer:0.0} s); answered twice: {recovery.AnsweredTwice}; 429s: {recovery.TooManyRequests}");
    }
}

// 5. Cold start on a database with many stored conversations.
if (options.Runs("cold"))
{
    var stored = Path.Combine(work.FullName, "stored.db");
    ColdStart.Fill(stored, options.Store, options.Stored);
    await using (var telegram = await FakeTelegramServer.StartAsync(unlimited))
    {
        await using var bot = await BotUnderTest.StartAsync(stored, TelegramSettings(telegram, limited: false));
        results["coldStart"] = new { storedConversations = options.Stored, secondsToHealthy = Math.Round(bot.Startup.TotalSeconds, 2), memoryMb = Math.Round(bot.MemoryMb(), 1) };
        Console.WriteLine($"cold start with {options.Stored} conversations: healthy in {bot.Startup.TotalSeconds:0.00} s, {bot.MemoryMb():0} MB");
    }
}

await File.WriteAllTextAsync(options.Output, JsonSerializer.Serialize(results, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }));
Console.WriteLine($"figures written to {Path.GetFullPath(options.Output)}");
work.Delete(recursive: true);
