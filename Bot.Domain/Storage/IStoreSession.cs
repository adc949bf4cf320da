namespace ChatPay.Domain.Storage;

public interface IStoreSession
{
    IDossiers Dossiers { get; }
    IPayments Payments { get; }
    IReceipts Receipts { get; }
    IConversations Conversations { get; }
    IEnrollments Enrollments { get; }
    ISupportCases SupportCases { get; }
    IChatLog ChatLog { get; }
    IIntegrationEvents Events { get; }
    IInbox Inbox { get; }
    ILookupTallies LookupTallies { get; }
    IPayLinks PayLinks { get; }
    IPhoneLinks PhoneLinks { get; }
    IPhoneMessages PhoneMessages { get; }
    IGatewayChecks GatewayChecks { get; }
    IRefunds Refunds { get; }
}
