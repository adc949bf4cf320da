namespace ChatPay.Domain.Payments;

public enum PaymentState
{
    /// <summary>The link was issued; the citizen has not opened it yet.</summary>
    Created,
    /// <summary>The citizen opened the link and went to the gateway.</summary>
    Pending,
    Succeeded,
    Failed,
    Expired,
    Cancelled,
}
