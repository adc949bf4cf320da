namespace ChatPay.Domain.Support;

/// <summary>A citizen's report that something went wrong with a dossier's payment ("I paid but it says unpaid").</summary>
public sealed class SupportCase
{
    private SupportCase()
    {
        Id = DossierCode = ReporterChatKey = "";
    }

    public string Id { get; private set; }
    public string DossierCode { get; private set; }
    public string ReporterChatKey { get; private set; }
    public DateTimeOffset OpenedAt { get; private set; }
    public SupportCaseState State { get; private set; }
    /// <summary>Attempts the gateway still has to be asked about before the case can move on.</summary>
    public List<string> AwaitingChecks { get; private set; } = [];
    public DateTimeOffset? ClosedAt { get; private set; }
    public string? Resolution { get; private set; }

    public bool IsOpen => State != SupportCaseState.Resolved;

    public static SupportCase Open(string dossierCode, string reporterChatKey, IEnumerable<string> paymentsToCheck, DateTimeOffset now) => new()
    {
        Id = $"{dossierCode}#{now.ToUnixTimeMilliseconds()}",
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

    public void HandToSupport() => State = SupportCaseState.WithSupport;

    public void Resolve(string resolution, DateTimeOffset now)
    {
        State = SupportCaseState.Resolved;
        Resolution = resolution;
        ClosedAt = now;
        AwaitingChecks.Clear();
    }
}
