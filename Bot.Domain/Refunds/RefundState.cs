namespace ChatPay.Domain.Refunds;

public enum RefundState
{
    /// <summary>Asked for; a second person (an officer of the agency, or another support member) must approve it.</summary>
    AwaitingApproval,
    /// <summary>Approved: to be sent to the gateway.</summary>
    Approved,
    /// <summary>Sent, and the gateway's answer was lost or said "in progress": its status is asked, never sent blindly again.</summary>
    Checking,
    /// <summary>The gateway accepted the refund.</summary>
    Refunded,
    /// <summary>The gateway refused it (a support case says why), or it cannot refund through its API: support refunds by hand.</summary>
    Refused,
    /// <summary>Declined by the approver.</summary>
    Declined,
}
