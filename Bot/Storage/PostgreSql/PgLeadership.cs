using ChatPay.Bot.Hosting;
using Npgsql;

namespace ChatPay.Bot.Storage.PostgreSql;

/// <summary>
/// The leader among instances on one database: the one holding a session advisory lock, on a connection kept open for
/// that alone. PostgreSQL frees the lock the moment that connection ends, so when the leader dies (even by SIGKILL: its
/// socket closes) another instance takes it at its next try, within <see cref="Interval"/>. A leader that loses its
/// connection stops the process: it cannot know whether another has taken over, and must not send or sweep beside it.
/// </summary>
public sealed class PgLeadership(PgStore store, IHostApplicationLifetime lifetime, ILogger<PgLeadership> logger) : BackgroundService, ILeadership
{
    /// <summary>How often a waiting instance tries to take the lead, and the leader checks it still holds it.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private const long LeaderLock = 0x43686174506170; // "ChatPap": apart from the migration's lock

    private readonly TaskCompletionSource _acquired = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private NpgsqlConnection? _held;

    public bool IsLeader => _acquired.Task.IsCompleted;

    public Task AcquireAsync(CancellationToken cancellationToken) => _acquired.Task.WaitAsync(cancellationToken);

    /// <summary>Tries once before the other services start: the first instance leads from its start, as one LiteDB process does.</summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        TryAcquire();
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (!IsLeader) TryAcquire();
            else if (!StillHeld())
            {
                logger.LogCritical("This instance lost its connection to PostgreSQL while leading; it stops so that another leads alone");
                // Exits as failed, so that the service manager starts it again (as a standby, or the leader if none took over).
                Environment.ExitCode = 1;
                lifetime.StopApplication();
                return;
            }
        }
    }

    private void TryAcquire()
    {
        var connection = store.Source.OpenConnection();
        try
        {
            using var command = new NpgsqlCommand($"SELECT pg_try_advisory_lock({LeaderLock})", connection);
            if ((bool)command.ExecuteScalar()!)
            {
                _held = connection;
                logger.LogInformation("This instance leads: it polls, sends the queues and runs the background work");
                _acquired.TrySetResult();
                return;
            }
        }
        catch (NpgsqlException e)
        {
            logger.LogWarning(e, "Could not ask PostgreSQL for the lead; trying again");
        }
        connection.Dispose();
    }

    private bool StillHeld()
    {
        try
        {
            using var command = new NpgsqlCommand("SELECT 1", _held);
            command.ExecuteScalar();
            return true;
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Ends the session, and with it the lock: another instance leads at its next try instead of waiting for a timeout.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_held is not null) await _held.DisposeAsync();
    }
}
