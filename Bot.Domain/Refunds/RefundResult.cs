namespace ChatPay.Domain.Refunds;

/// <summary>What a gateway said of a refund sent, or of its status asked.</summary>
public abstract record RefundResult
{
    private RefundResult() { }

    /// <summary>Accepted (the money goes back; banks take some days).</summary>
    public sealed record Done(string? TransactionNo, string Code) : RefundResult;

    /// <summary>Refused for good (the gateway's code and reason).</summary>
    public sealed record Refused(string Code, string Reason) : RefundResult;

    /// <summary>Accepted and being processed (ZaloPay refunds asynchronously): its status is asked again in a few seconds.</summary>
    public sealed record Processing(string Reason) : RefundResult;

    /// <summary>No usable answer (lost, in progress, network): the refund's status is asked later; it is never sent again blindly.</summary>
    public sealed record Unknown(string Reason) : RefundResult;

    /// <summary>The status query found no refund at the gateway: the request never arrived and may be sent again.</summary>
    public sealed record NotFound : RefundResult;

    /// <summary>This gateway's API cannot refund: support refunds by hand, in the merchant portal.</summary>
    public sealed record Unsupported : RefundResult;
}
