namespace ChatPay.Domain.Dossiers;

public enum DossierStatus
{
    /// <summary>Filed, but no officer has requested payment yet.</summary>
    Submitted,
    AwaitingPayment,
    Paid,
    /// <summary>The agency withdrew the payment request.</summary>
    Withdrawn,
}
