namespace ChatPay.Domain.Payments;

/// <summary>What a payment gateway says became of an attempt, in the domain's words; each adapter maps its own codes to one of these.</summary>
public enum GatewayOutcome
{
    /// <summary>Not finished: the person has not paid (yet). Once the link has closed, no money moved.</summary>
    Pending,
    /// <summary>The money was taken.</summary>
    Succeeded,
    /// <summary>No money was taken, and the gateway will not change that on its own.</summary>
    Failed,
    /// <summary>Debited, then reversed by the gateway: the money is owed back to the citizen.</summary>
    Reversed,
    /// <summary>Debited and held (suspected fraud, under review): support must follow it up.</summary>
    Held,
    /// <summary>A state the adapter cannot read as any of the above: asked again, then support is told.</summary>
    Unknown,
}
