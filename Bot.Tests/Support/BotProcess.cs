using System.Diagnostics;
using System.Text;

namespace ChatPay.Tests.Support;

/// <summary>The Bot as a real child process (the build the tests reference), for what only a process shows: exit codes, kills.</summary>
public sealed class BotProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private BotProcess(IEnumerable<string> settings, string? botDll = null)
    {
        botDll ??= Path.Combine(AppContext.BaseDirectory, "ChatPay.Bot.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = Path.GetDirectoryName(botDll)!,
        };
        start.ArgumentList.Add(botDll);
        foreach (var setting in settings) start.ArgumentList.Add(setting);
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Starts the Bot with command-line settings such as "--Storage:DatabasePath=/tmp/x.db".</summary>
    public static BotProcess Start(params string[] settings) => new(settings);

    /// <summary>Starts the Bot on a free loopback port and waits until it answers its health check.</summary>
    public static Task<BotProcess> StartServingAsync(string databasePath, params string[] settings) =>
        StartServingAsync(databasePath, LoopbackPort.Free(), settings);

    /// <summary>Starts the Bot on the given port (a restart keeps its address, so links it sent still work).</summary>
    public static Task<BotProcess> StartServingAsync(string databasePath, int port, params string[] settings) =>
        StartServingAsync(null, databasePath, port, settings);

    /// <summary>Starts another build of the Bot (a published one, say) on the given port.</summary>
    public static async Task<BotProcess> StartServingAsync(string? botDll, string databasePath, int port, params string[] settings)
    {
        var baseUrl = $"http://127.0.0.1:{port}";
        var bot = new BotProcess([$"--Storage:DatabasePath={databasePath}", $"--Urls={baseUrl}", $"--App:PublicBaseUrl={baseUrl}", .. settings], botDll);
        bot.Http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(baseUrl) };
        await Eventually.HoldsAsync(bot.AnswersAsync, TimeSpan.FromSeconds(60));
        return bot;
    }

    /// <summary>A client of the Bot's HTTP endpoints (set when started with <see cref="StartServingAsync"/>).</summary>
    public HttpClient Http { get; private set; } = null!;

    private async Task<bool> AnswersAsync()
    {
        if (_process.HasExited) throw new InvalidOperationException($"The Bot exited with {_process.ExitCode}:\n{Output}");
        try
        {
            using var response = await Http.GetAsync("/health");
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    /// <summary>Waits for the process to exit by itself and returns its exit code.</summary>
    public async Task<int> ExitCodeAsync(TimeSpan within)
    {
        await _process.WaitForExitAsync().WaitAsync(within);
        _process.WaitForExit(); // drains the redirected output
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: no shutdown code runs, as in a crash or an out-of-memory kill.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
        Http?.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }
}
