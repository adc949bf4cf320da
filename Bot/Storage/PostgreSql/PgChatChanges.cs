using Npgsql;

namespace ChatPay.Bot.Storage.PostgreSql;

/// <summary>
/// Hears which chats other instances' steps changed (PostgreSQL's LISTEN/NOTIFY, sent by <see cref="PgSession.NotifyChanges"/>
/// as each step commits) and wakes what waits for them here: a web chat's long poll, the leader's delivery engines.
/// </summary>
public sealed class PgChatChanges(PgStore store, ChatSignal signal, ILogger<PgChatChanges> logger) : BackgroundService
{
    private static readonly TimeSpan Reconnect = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await store.Source.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, e) => Heard(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {PgStore.ChangesChannel}", connection))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                while (true) await connection.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or IOException or InvalidOperationException)
            {
                // Waits missed meanwhile end at their timeout (a web chat's poll asks again within 25 s).
                logger.LogWarning(e, "Listening for other instances' changes failed; listening again");
                await Task.Delay(Reconnect, stoppingToken);
            }
        }
    }

    private void Heard(string payload)
    {
        var lines = payload.Split('\n');
        if (lines[0] != store.InstanceId) signal.Changed(lines.Skip(1));
    }
}
