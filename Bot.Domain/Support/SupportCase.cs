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
    /// <summary>Other citizens' chats that reported the same dossier while this case was open; they are told the outcome too.</summary>
    public List<string> AlsoReportedBy { get; private set; } = [];
    public SupportReason Kind { get; private set; }
    public DateTimeOffset OpenedAt { get; private set; }
    public SupportCaseState State { get; private set; }
    /// <summary>Attempts the gateway still has to be asked about before the case can move on.</summary>
    public List<string> AwaitingChecks { get; private set; } = [];
    public DateTimeOffset? ClosedAt { get; private set; }
    public bool ReachedSupport { get; private set; }
    public string? Reason { get; private set; }
    public string? Resolution { get; private set; }

    public bool IsOpen => State != SupportCaseState.Resolved;

    /// <summary>Every citizen's chat waiting on this case.</summary>
    public IEnumerable<string> Reporters() => ReporterChatKey is null ? AlsoReportedBy : AlsoReportedBy.Prepend(ReporterChatKey);

    /// <summary>Adds a citizen who reports the same dossier; returns false if this chat is already waiting on the case.</summary>
    public bool AddReporter(string chatKey)
    {
        if (Reporters().Contains(chatKey)) return false;
        AlsoReportedBy.Add(chatKey);
        return true;
    }

    /// <summary>Adds what ChatPay found about another attempt to an open case of the same reason; false if it is already there.</summary>
    public bool AddDetail(string detail)
    {
        if (Reason is not null && Reason.Split('\n').Contains(detail)) return false;
        Reason = Reason is null ? detail : $"{Reason}\n{detail}";
        return true;
    }

    /// <summary>The case's number as a citizen reads and quotes it on the phone: "HT" and eight characters of its id.</summary>
    public string Reference => $"HT-{Id[(Id.IndexOf('#') + 1)..].ToUpperInvariant()[..8]}";

    public static SupportCase Open(string dossierCode, string? reporterChatKey, IEnumerable<string> paymentsToCheck, DateTimeOffset now, SupportReason kind = SupportReason.Reported) => new()
    {
        Kind = kind,
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
