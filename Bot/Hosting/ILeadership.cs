namespace ChatPay.Bot.Hosting;

/// <summary>
/// Which instance does the work that must run once across instances: polling Telegram, sending the queues, deadlines,
/// reconciliation, reminders, retention, reports, the portal's webhook. One LiteDB process is always the leader; on
/// PostgreSQL the instance holding the leader's advisory lock is, and another takes over within seconds when it dies.
/// </summary>
public interface ILeadership
{
    /// <summary>Whether this instance leads now.</summary>
    bool IsLeader { get; }

    /// <summary>Completes once this instance leads.</summary>
    Task AcquireAsync(CancellationToken cancellationToken);
}
