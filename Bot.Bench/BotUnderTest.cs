using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ChatPay.Bench;

/// <summary>
/// The real Bot as a child process (the Release build next to this harness), configured by command-line settings; or
/// several instances of it on one PostgreSQL database, measured together (CPU and memory summed, requests spread in turn).
/// </summary>
public sealed class BotUnderTest : IAsyncDisposable
{
    public const string HashSecret = "bench-hash-secret-0123456789";
    public const string TmnCode = "BENCH001";
    public const string ApiKey = "bench-api-key-0123456789abcdef";
    public const string OfficerCode = "BENCH-OFFICER-CODE";
    public const string AgencyCode = "H42.10";

    private readonly Process[] _processes;
    private readonly Process _process;

    private BotUnderTest(Process[] processes, string[] baseUrls, TimeSpan startup)
    {
        _processes = processes;
        _process = processes[0];
        BaseUrl = baseUrls[0];
        Startup = startup;
        Http = new HttpClient(new TakeTurns(baseUrls)) { BaseAddress = new Uri(BaseUrl) };
    }

    /// <summary>Sends each request to the next instance in turn, as a load balancer in front of them would.</summary>
    private sealed class TakeTurns(string[] baseUrls) : DelegatingHandler(new HttpClientHandler())
    {
        private int _next;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var target = new Uri(baseUrls[(int)((uint)Interlocked.Increment(ref _next) % baseUrls.Length)]);
            request.RequestUri = new UriBuilder(request.RequestUri!) { Host = target.Host, Port = target.Port }.Uri;
            return base.SendAsync(request, cancellationToken);
        }
    }

    public string BaseUrl { get; }

    /// <summary>From process start to the first healthy /health answer.</summary>
    public TimeSpan Startup { get; }

    public HttpClient Http { get; }

    /// <summary>
    /// Starts the Bot on a fresh port with the database and extra settings given, and waits until it is healthy; with
    /// <paramref name="instances"/> above one (PostgreSQL settings), that many, one after the other (the first leads).
    /// </summary>
    public static async Task<BotUnderTest> StartAsync(string databasePath, IReadOnlyDictionary<string, string> settings, int instances = 1)
    {
        var watch = Stopwatch.StartNew();
        var started = new List<(Process Process, string BaseUrl)>();
        try
        {
            for (var i = 0; i < instances; i++) started.Add(await StartOneAsync(databasePath, settings));
        }
        catch
        {
            // Never leave a bot running behind a failed run: it would skew every measurement after it.
            foreach (var (process, _) in started) process.Kill(entireProcessTree: true);
            throw;
        }
        return new BotUnderTest([.. started.Select(s => s.Process)], [.. started.Select(s => s.BaseUrl)], watch.Elapsed);
    }

    private static async Task<(Process, string)> StartOneAsync(string databasePath, IReadOnlyDictionary<string, string> settings)
    {
        var port = FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        var all = new Dictionary<string, string>
        {
            ["Urls"] = baseUrl,
            ["App:PublicBaseUrl"] = baseUrl,
            ["Storage:DatabasePath"] = databasePath,
            ["Demo:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "Error",
            ["Staff:Agencies:0:Code"] = AgencyCode,
            ["Staff:Agencies:0:Name"] = "Sở Tư pháp tỉnh Hà Tĩnh",
            ["Staff:Agencies:0:EnrollmentCode"] = OfficerCode,
            ["Staff:SupportEnrollmentCode"] = "BENCH-SUPPORT-CODE",
            ["Api:Keys:0:Name"] = "bench",
            ["Api:Keys:0:Key"] = ApiKey,
            // The real VNPay adapter with credentials the harness also knows, so it can sign IPNs as VNPay would.
            ["Payments:Gateway"] = "VnPay",
            ["Payments:VnPay:TmnCode"] = TmnCode,
            ["Payments:VnPay:HashSecret"] = HashSecret,
            ["Payments:VnPay:PaymentUrl"] = "http://127.0.0.1:9/vpcpay.html",
            ["Payments:VnPay:ApiUrl"] = "http://127.0.0.1:9/api",
        };
        foreach (var (key, value) in settings) all[key] = value;

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ChatPay.Bot.dll"));
        foreach (var (key, value) in all) start.ArgumentList.Add($"--{key}={value}");

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"[bot] {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            await WaitUntilHealthyAsync(process, baseUrl);
        }
        catch
        {
            // Never leave a bot running behind a failed run: it would skew every measurement after it.
            process.Kill(entireProcessTree: true);
            throw;
        }
        return (process, baseUrl);
    }

    private static async Task WaitUntilHealthyAsync(Process process, string baseUrl)
    {
        using var probe = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(10) };
        while (true)
        {
            if (process.HasExited) throw new InvalidOperationException($"The Bot exited with {process.ExitCode} before it was healthy.");
            try
            {
                using var health = await probe.GetAsync("/health");
                if (health.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(5);
        }
    }

    /// <summary>Waits until the Bot's /health reports nothing left to send to Telegram: the previous phase's work is done.</summary>
    public async Task WaitUntilSentAsync()
    {
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromMinutes(2);
        while (true)
        {
            using var health = System.Text.Json.JsonDocument.Parse(await Http.GetStringAsync("/health"));
            if (health.RootElement.GetProperty("checks").GetProperty("outbox").GetProperty("data").GetProperty("telegramBacklog").GetInt32() == 0) return;
            if (DateTimeOffset.UtcNow > deadline) throw new TimeoutException("The Bot still had messages to send two minutes after the journeys.");
            await Task.Delay(100);
        }
    }

    /// <summary>The processes' peak resident memory so far (VmHWM), in megabytes, added up over the instances.</summary>
    public double PeakMemoryMb() => _processes.Sum(p => StatusField(p, "VmHWM")) / 1024.0;

    /// <summary>The bot processes' CPU time so far, user and system (/proc/&lt;pid&gt;/stat, fields 14 and 15, in clock ticks of 10 ms), added up.</summary>
    public TimeSpan CpuTime() => _processes.Aggregate(TimeSpan.Zero, (total, process) => total + CpuTime(process));

    private static TimeSpan CpuTime(Process process)
    {
        var stat = File.ReadAllText($"/proc/{process.Id}/stat");
        // The command name (field 2) is in parentheses and may hold spaces: count fields after its closing one.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11]) + long.Parse(fields[12]);
        return TimeSpan.FromMilliseconds(ticks * 10);
    }

    public double MemoryMb() => _processes.Sum(p => StatusField(p, "VmRSS")) / 1024.0;

    private static long StatusField(Process process, string name)
    {
        var line = File.ReadLines($"/proc/{process.Id}/status").First(l => l.StartsWith(name + ":", StringComparison.Ordinal));
        return long.Parse(line.Split(':', 2)[1].Trim().Split(' ')[0]);
    }

    /// <summary>SIGKILL, as a crash or the out-of-memory killer would: nothing of the Bot's shutdown runs.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        foreach (var process in _processes)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
            process.Dispose();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
