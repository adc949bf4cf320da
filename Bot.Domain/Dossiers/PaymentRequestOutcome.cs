namespace ChatPay.Domain.Dossiers;

public enum PaymentRequestOutcome
{
    /// <summary>A new request (for a new dossier, or one that had none or had it withdrawn).</summary>
    Created,
    /// <summary>The same request again: nothing changed.</summary>
    Unchanged,
    /// <summary>The unpaid request was changed; open payment links were closed and citizens mid-payment told.</summary>
    Amended,
    /// <summary>The dossier is paid; a different request cannot replace it.</summary>
    AlreadyPaid,
    /// <summary>Withdrawn; open links closed, citizens mid-payment told.</summary>
    Withdrawn,
    /// <summary>Nothing to withdraw (no such dossier, or no request open), or a dossier the caller may not act for.</summary>
    NotFound,
}
