namespace ChatPay.Domain.Reports;

/// <summary>Where an attempt settled on the report's day stands, in reconciliation's words.</summary>
public enum ReportState
{
    /// <summary>Money taken and credited to the dossier (the receipt's attempt).</summary>
    Paid,
    /// <summary>Money taken after the attempt had been closed: credited, flagged for support.</summary>
    Late,
    /// <summary>Money taken for a dossier already paid or withdrawn: to be refunded.</summary>
    Duplicate,
    /// <summary>Debited, then reversed by the gateway.</summary>
    Reversed,
    /// <summary>Debited and held by the gateway pending review.</summary>
    Held,
    /// <summary>The gateway refused it: no money moved.</summary>
    Failed,
}
