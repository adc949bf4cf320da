using ChatPay.Bot.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace ChatPay.Tests.Support;

/// <summary>
/// The real Bot, built by its own Program.cs, listening on a free loopback port so the sandbox gateway's
/// IPN reaches it over HTTP as VNPay's would.
/// </summary>
public sealed class ChatPayApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    /// <param name="services">Registrations added to the Bot's own, as a deployment's extension would (a channel of its own, say).</param>
    public ChatPayApp(string databasePath, IReadOnlyDictionary<string, string?>? settings = null, int? port = null, Action<IServiceCollection>? services = null)
    {
        _services = services;
        Port = port ?? LoopbackPort.Free();
        BaseUrl = $"http://127.0.0.1:{Port}";
        _settings = new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = databasePath,
            ["Urls"] = BaseUrl,
            ["App:PublicBaseUrl"] = BaseUrl,
            ["Demo:Enabled"] = "true",
            ["Logging:LogLevel:Default"] = "Warning",
            // Every test calls from 127.0.0.1; the per-address limits have tests of their own that set them low.
            ["Limits:OpenChats:PerAddress"] = "100000", ["Limits:OpenChats:Total"] = "100000",
            ["Limits:Messages:PerAddress"] = "100000", ["Limits:Messages:Total"] = "100000",
            ["Limits:UnknownCodes:PerAddress"] = "100000", ["Limits:UnknownCodes:Total"] = "100000",
            ["Limits:ProblemReports:PerAddress"] = "100000", ["Limits:ProblemReports:Total"] = "100000",
            ["Limits:LongPolls:PerAddress"] = "100000", ["Limits:LongPolls:Total"] = "100000",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) _settings[key] = value;
        // Not UseKestrel(port): it rewrites the server's addresses after the app has started binding them, and loses that
        // race now and then ("IServerAddressesFeature.Addresses cannot be modified after the server has started",
        // dotnet/aspnetcore#67714). The address comes from the app's own "Urls" setting instead, as in production.
        UseKestrel();
        StartServer();
        Http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(BaseUrl) };
    }

    /// <summary>For tests of LiteDB's own file (its earlier versions, its raw documents): a new database is SQLite's otherwise.</summary>
    public static IReadOnlyDictionary<string, string?> OnLiteDb { get; } = new Dictionary<string, string?> { ["Storage:Provider"] = "LiteDb" };

    public int Port { get; }

    public string BaseUrl { get; }

    /// <summary>A client that does not follow redirects, so each hop of the payment can be checked.</summary>
    public HttpClient Http { get; }

    public T Service<T>() where T : notnull => (T)Services.GetService(typeof(T))!;

    /// <summary>Every log record the Bot wrote at or above the configured level (Logging:LogLevel:*; Warning unless a test says otherwise).</summary>
    public FakeLogCollector Logs => Services.GetFakeLogCollector();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.ConfigureLogging(logging => logging.AddFakeLogging());
        if (_services is not null) builder.ConfigureServices(_services);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) Http.Dispose();
        base.Dispose(disposing);
        // The host finishes shutting down on its own thread; a restart must find the database released — LiteDB's file or
        // SQLite's beside it, whichever the app opened (each has a lock file of its own).
        if (!disposing) return;
        var databasePath = _settings["Storage:DatabasePath"]!;
        WaitForDatabaseRelease(databasePath);
        WaitForDatabaseRelease(Path.ChangeExtension(databasePath, ".sqlite"));
    }

    private static void WaitForDatabaseRelease(string databasePath)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            try
            {
                DatabaseFileLock.Acquire(databasePath).Dispose();
                return;
            }
            catch (DatabaseInUseException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(10);
            }
        }
    }
}
