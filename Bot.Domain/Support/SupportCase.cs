namespace ChatPay.Domain.Support;

/// <summary>A citizen's report that something went wrong with a dossier's payment ("I paid but it says unpaid").</summary>
public sealed class SupportCase
{
    private SupportCase()
    {
        Id = DossierCode = "";
    }

    public string Id { get; private set; }
    public string DossierCode { get; private set; }
    /// <summary>The chat of the citizen who reported it; null when ChatPay opened the case itself.</summary>
    public string? ReporterChatKey { get; private set; }
    public DateTimeOffset OpenedAt { get; private set; }
    public SupportCaseState State { get; private set; }
    /// <summary>Attempts the gateway still has to be asked about before the case can move on.</summary>
    public List<string> AwaitingChecks { get; private set; } = [];
    public DateTimeOffset? ClosedAt { get; private set; }
    public bool ReachedSupport { get; private set; }
    public string? Reason { get; private set; }
    public string? Resolution { get; private set; }

    public bool IsOpen => State != SupportCaseState.Resolved;

    public static SupportCase Open(string dossierCode, string? reporterChatKey, IEnumerable<string> paymentsToCheck, DateTimeOffset now) => new()
    {
        Id = $"{dossierCode}#{Guid.NewGuid():N}",
        DossierCode = dossierCode,
        ReporterChatKey = reporterChatKey,
        OpenedAt = now,
        AwaitingChecks = [.. paymentsToCheck],
        State = SupportCaseState.Checking,
    };

    /// <summary>The gateway answered about one attempt; returns whether no check is outstanding any more.</summary>
    public bool Checked(string paymentId)
    {
        AwaitingChecks.Remove(paymentId);
        return AwaitingChecks.Count == 0;
    }

    public void HandToSupport(string reason)
    {
        State = SupportCaseState.WithSupport;
        ReachedSupport = true;
        Reason = reason;
    }

    /// <summary>Support asks the gateway again: the case waits for these checks once more.</summary>
    public void Recheck(IEnumerable<string> paymentIds)
    {
        State = SupportCaseState.Checking;
        AwaitingChecks = [.. paymentIds];
    }

    public void Resolve(string resolution, DateTimeOffset now)
    {
        State = SupportCaseState.Resolved;
        Resolution = resolution;
        ClosedAt = now;
        AwaitingChecks.Clear();
    }
}
