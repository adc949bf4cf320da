using ChatPay.Domain.Chats;
using ChatPay.Domain.Storage;
using LiteDB;

namespace ChatPay.Bot.Storage;

internal sealed class LiteDbSession(LiteDatabase db, Func<long> nextSeq, Func<ChatChannel, bool> readFromLog) : IStoreSession
{
    private readonly LiteChatLog _chatLog = new(db, nextSeq, readFromLog);

    public IDossiers Dossiers { get; } = new LiteDossiers(db);
    public IPayments Payments { get; } = new LitePayments(db);
    public IReceipts Receipts { get; } = new LiteReceipts(db);
    public IConversations Conversations { get; } = new LiteConversations(db);
    public IEnrollments Enrollments { get; } = new LiteEnrollments(db);
    public ISupportCases SupportCases { get; } = new LiteSupportCases(db);
    public IChatLog ChatLog => _chatLog;
    public IIntegrationEvents Events { get; } = new LiteIntegrationEvents(db);
    public IInbox Inbox { get; } = new LiteInbox(db);
    public ILookupTallies LookupTallies { get; } = new LiteLookupTallies(db);
    public IPayLinks PayLinks { get; } = new LitePayLinks(db);
    public IPhoneLinks PhoneLinks { get; } = new LitePhoneLinks(db);
    public IPhoneMessages PhoneMessages { get; } = new LitePhoneMessages(db);
    public IGatewayChecks GatewayChecks { get; } = new LiteGatewayChecks(db);
    public IRefunds Refunds { get; } = new LiteRefunds(db);

    public IReadOnlyCollection<string> TouchedChats => _chatLog.TouchedChats;
}
