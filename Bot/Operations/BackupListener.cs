using System.Net.Sockets;
using ChatPay.Bot.Storage;

namespace ChatPay.Bot.Operations;

/// <summary>Answers <c>backup &lt;file&gt;</c> requests from the backup command while the bot runs.</summary>
public sealed class BackupListener(LiteDbStore store, ILogger<BackupListener> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var socketPath = BackupSocket.PathFor(store.FilePath);
        if (socketPath is null)
        {
            logger.LogWarning("Online backup is off: the database path is too long for a Unix socket beside it");
            return;
        }
        // The database lock is ours, so a socket file left here is from a bot that died.
        File.Delete(socketPath);
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(BackupSocket.EndPoint(socketPath));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(socketPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        listener.Listen(4);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                using var client = await listener.AcceptAsync(stoppingToken);
                await AnswerAsync(client, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            File.Delete(socketPath);
        }
    }

    private async Task AnswerAsync(Socket client, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        string answer;
        try
        {
            var request = await BackupSocket.ReadLineAsync(client, timeout.Token);
            answer = request is not null && request.StartsWith("backup ", StringComparison.Ordinal)
                ? await BackUpAsync(request["backup ".Length..])
                : "error The request was not understood.";
            await BackupSocket.WriteLineAsync(client, answer, timeout.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException)
        {
            logger.LogWarning("A backup request was abandoned by its sender");
        }
    }

    private async Task<string> BackUpAsync(string request)
    {
        var force = request.StartsWith(BackupCommand.ForceFlag + " ", StringComparison.Ordinal);
        var target = force ? request[(BackupCommand.ForceFlag.Length + 1)..] : request;
        try
        {
            if (!Path.IsPathFullyQualified(target)) return "error The backup file must be a full path.";
            var bytes = await Task.Run(() => store.Backup(target, force));
            logger.LogInformation("Backed up the database to {Target} ({Bytes} bytes)", target, bytes);
            return $"ok {bytes}";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(e, "Backup to {Target} failed", target);
            return $"error {e.Message}";
        }
    }
}
