namespace ChatPay.Bot.Hosting;

/// <summary>The one process on a LiteDB file: it leads from the start (the file's lock keeps a second one out).</summary>
public sealed class SoleLeadership : ILeadership
{
    public bool IsLeader => true;

    public Task AcquireAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
