using ChatPay.Domain.Chats;
using ChatPay.Domain.Storage;
using LiteDB;

namespace ChatPay.Bot.Storage;

/// <summary>
/// One step's view of the stores. Each store is made when the step first uses it: a step touches a few of its seventeen
/// collections, and opening a LiteDB collection costs a lookup of its mapping.
/// </summary>
internal sealed class LiteDbSession(LiteDatabase db, Func<long> nextSeq, Func<ChatChannel, bool> readFromLog) : IStoreSession
{
    private readonly LiteChatLog _chatLog = new(db, nextSeq, readFromLog);

    public IDossiers Dossiers => field ??= new LiteDossiers(db);
    public IPayments Payments => field ??= new LitePayments(db);
    public IReceipts Receipts => field ??= new LiteReceipts(db);
    public IConversations Conversations => field ??= new LiteConversations(db);
    public IEnrollments Enrollments => field ??= new LiteEnrollments(db);
    public ISupportCases SupportCases => field ??= new LiteSupportCases(db);
    public IChatLog ChatLog => _chatLog;
    public IIntegrationEvents Events => field ??= new LiteIntegrationEvents(db);
    public IInbox Inbox => field ??= new LiteInbox(db);
    public ILookupTallies LookupTallies => field ??= new LiteLookupTallies(db);
    public IPayLinks PayLinks => field ??= new LitePayLinks(db);
    public IPhoneLinks PhoneLinks => field ??= new LitePhoneLinks(db);
    public IPhoneMessages PhoneMessages => field ??= new LitePhoneMessages(db);
    public IGatewayChecks GatewayChecks => field ??= new LiteGatewayChecks(db);
    public IRefunds Refunds => field ??= new LiteRefunds(db);

    public IReadOnlyCollection<string> TouchedChats => _chatLog.TouchedChats;
}
