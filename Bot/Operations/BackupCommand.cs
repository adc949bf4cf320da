using System.Net.Sockets;
using ChatPay.Bot.Storage;
using ChatPay.Bot.Storage.Sqlite;

namespace ChatPay.Bot.Operations;

/// <summary>
/// <c>dotnet run --project Bot -- backup &lt;file&gt;</c>: a consistent copy of the database, taken by the running bot
/// if there is one (through its backup socket) and directly from the file otherwise.
/// </summary>
public static class BackupCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var force = args.Contains(ForceFlag);
        args = [.. args.Where(a => a != ForceFlag)];
        var index = Array.FindIndex(args, a => !a.StartsWith('-'));
        if (index < 0)
        {
            Console.Error.WriteLine($"Usage: backup <file> [{ForceFlag}] [--Storage:DatabasePath=…]   ({ForceFlag} replaces an existing file)");
            return 2;
        }
        OwnerOnlyFiles.ForThisProcess();
        var target = Path.GetFullPath(args[index]);
        // The same settings as the bot (appsettings, environment, command line), so the command finds the same file.
        var builder = WebApplication.CreateBuilder(args.Where((_, i) => i != index).ToArray());
        var options = builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        var provider = options.ProviderIn(builder.Environment.ContentRootPath);
        if (provider == StorageProvider.PostgreSql)
        {
            Console.Error.WriteLine($"ChatPay's data is in PostgreSQL: back it up with PostgreSQL's own tools, for example{Environment.NewLine}  {PgDumpCommand(options.ConnectionString, target)}");
            return 1;
        }
        var databasePath = options.FileIn(builder.Environment.ContentRootPath);
        if (!File.Exists(databasePath))
        {
            Console.Error.WriteLine($"There is no database at {databasePath}.");
            return 1;
        }
        if (BackupTarget.Refusal(databasePath, target, force) is { } refusal)
        {
            Console.Error.WriteLine($"The backup was not made: {refusal}");
            return 1;
        }
        try
        {
            var (bytes, online) = await BackUpAsync(provider, databasePath, options.PasswordOrNull, target, force);
            Console.WriteLine($"Backed up {databasePath} to {target} ({bytes:N0} bytes){(online ? " while ChatPay was running" : "")}.");
            return 0;
        }
        catch (Exception e) when (e is StorageUnavailableException or IOException or SocketException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            Console.Error.WriteLine($"The backup failed: {e.Message}");
            return 1;
        }
    }

    public const string ForceFlag = "--force";

    /// <summary>The pg_dump command that copies the database named by <paramref name="connectionString"/> to <paramref name="target"/> (the password is not repeated).</summary>
    public static string PgDumpCommand(string? connectionString, string target)
    {
        var parts = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        var host = string.IsNullOrEmpty(parts.Host) ? "localhost" : parts.Host;
        return $"pg_dump --format=custom --file='{target}' --host='{host}' --port={parts.Port}" +
               $"{(string.IsNullOrEmpty(parts.Username) ? "" : $" --username='{parts.Username}'")} '{parts.Database}'";
    }

    private static async Task<(long Bytes, bool Online)> BackUpAsync(StorageProvider provider, string databasePath, string? password, string target, bool force)
    {
        // SQLite's online backup copies one moment of the file from any process: no need to ask a running bot.
        if (provider == StorageProvider.Sqlite) return (SqliteBackup.Copy(databasePath, target), false);
        try
        {
            using var store = new LiteDbStore(databasePath, new ChatSignal(), password);
            return (store.Backup(target, force), false);
        }
        catch (DatabaseInUseException)
        {
            return (await AskRunningBotAsync(databasePath, target, force), true);
        }
    }

    private static async Task<long> AskRunningBotAsync(string databasePath, string target, bool force)
    {
        var socketPath = BackupSocket.PathFor(databasePath)
            ?? throw new IOException("ChatPay is running and its database path is too long for the backup socket; stop it and back up again.");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await socket.ConnectAsync(BackupSocket.EndPoint(socketPath), timeout.Token);
        await BackupSocket.WriteLineAsync(socket, $"backup {(force ? ForceFlag + " " : "")}{target}", timeout.Token);
        var answer = await BackupSocket.ReadLineAsync(socket, timeout.Token) ?? throw new IOException("ChatPay closed the backup socket without answering.");
        if (answer.StartsWith("ok ", StringComparison.Ordinal) && long.TryParse(answer[3..], out var bytes)) return bytes;
        throw new IOException(answer.StartsWith("error ", StringComparison.Ordinal) ? answer[6..] : answer);
    }
}
