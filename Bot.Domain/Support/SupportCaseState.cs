namespace ChatPay.Domain.Support;

public enum SupportCaseState
{
    /// <summary>The gateway is being asked about the dossier's attempts.</summary>
    Checking,
    /// <summary>The gateway could not settle it; support has the case.</summary>
    WithSupport,
    Resolved,
}
