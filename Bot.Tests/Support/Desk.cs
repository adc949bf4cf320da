using ChatPay.Bot.Channels.Telegram;
using ChatPay.Bot.Channels.WebChat;
using ChatPay.Bot.Hosting;
using ChatPay.Bot.Limits;
using ChatPay.Bot.Storage;
using ChatPay.Domain;
using ChatPay.Domain.Chats;
using ChatPay.Domain.Conversations;
using ChatPay.Domain.Deadlines;
using ChatPay.Domain.Dossiers;
using ChatPay.Domain.Notices;
using ChatPay.Domain.Payments;
using ChatPay.Domain.Receipts;
using ChatPay.Domain.Staff;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatPay.Tests.Support;

/// <summary>
/// The domain's services over a real LiteDB file and a controllable clock: what a channel and the gateway
/// adapter call, without HTTP in between.
/// </summary>
public sealed class Desk : IDisposable
{
    public const string AgencyCode = "H42.10";
    public const string OfficerCode = "OFFICER-H4210";
    public const string SupportCode = "SUPPORT-CODE";
    public static readonly ChatAddress Citizen = new(WebChatIdentity.Channel, "citizen");
    public static readonly ChatAddress Officer = new(TelegramChannel.Name, "-1001");

    private readonly MemoryStream? _memory;
    private readonly LimitsOptions? _limitsOptions;

    /// <summary>On the database file at <paramref name="databasePath"/>; without one, on a database in memory (no I/O).</summary>
    public Desk(string? databasePath = null, FakeTimeProvider? clock = null, LimitsOptions? limits = null)
        : this(databasePath, databasePath is null ? new MemoryStream() : null, clock, limits)
    {
    }

    private Desk(string? databasePath, MemoryStream? memory, FakeTimeProvider? clock, LimitsOptions? limits)
    {
        DatabasePath = databasePath;
        _memory = memory;
        _limitsOptions = limits;
        Clock = clock ?? new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero));
        Store = memory is not null ? new LiteDbStore(memory, new ChatSignal()) : new LiteDbStore(databasePath!, new ChatSignal());
        Store.ReadFromLog(WebChatIdentity.Channel);
        Limits = new AttemptLimits(Options.Create(limits ?? new LimitsOptions()));
        Chats = new ChatDesk(Store, Clock, Rules, Links, Limits);
        Settlement = new PaymentSettlement(Store, Clock, Rules, Links);
        Deadlines = new DeadlineSweep(Store, Clock, Rules, Links);
        PaymentLinks = new PaymentLinks(Store, Clock, Rules);
        PaymentRequests = new PaymentRequests(Store, Clock, Rules, Links);
        Reconciliation = new Reconciliation(Store, Clock, Rules, Settlement);
    }

    public static ChatPayRules Rules { get; } = new(
        IdleTimeout: TimeSpan.FromMinutes(30),
        LinkLifetime: TimeSpan.FromMinutes(15),
        Banks: [new BankOption("VCB", "Vietcombank", "VIETCOMBANK", "VnPay"), new BankOption("QR", "Ví VNPAY", "VNPAYQR", "VnPay"),
            new BankOption("MOMO", "Ví MoMo", null, "MoMo"), new BankOption("ZALOPAY", "Ví ZaloPay", null, "ZaloPay")],
        Receipts: new ReceiptRules("01BLP0-001", "CP"),
        Staff: new StaffRules(
            [new Agency(AgencyCode, "Sở Tư pháp tỉnh Hà Tĩnh", OfficerCode), new Agency("H42.27", "Văn phòng Đăng ký đất đai", "OFFICER-H4227")],
            SupportCode, ReminderAfter: TimeSpan.FromMinutes(30), MaxReminders: 2),
        Reconciliation: new ReconciliationRules(Delay: TimeSpan.FromMinutes(5), GiveUpAfter: TimeSpan.FromDays(1)),
        CodeLookups: new CodeLookupRules(MaxMisses: 5, Window: TimeSpan.FromMinutes(15)),
        Notices: new NoticeRules(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray(), new HashSet<string> { TelegramChannel.Name.Name, "Zalo" },
            ReminderAfter: TimeSpan.FromHours(24), MaxReminders: 1, QuietHours.Default));

    public static AppLinks Links { get; } = new("https://chatpay.test");

    /// <summary>The database file, or null for a database in memory.</summary>
    public string? DatabasePath { get; }
    public FakeTimeProvider Clock { get; }
    public LiteDbStore Store { get; }
    public AttemptLimits Limits { get; }
    public ChatDesk Chats { get; }
    public PaymentSettlement Settlement { get; }
    public DeadlineSweep Deadlines { get; }
    public PaymentLinks PaymentLinks { get; }
    public Reconciliation Reconciliation { get; }
    public PaymentRequests PaymentRequests { get; }

    /// <summary>Closes this store and opens the same database again, as a restart would.</summary>
    public Desk Restart()
    {
        Store.Dispose();
        Limits.Dispose();
        return new Desk(DatabasePath, _memory, Clock, _limitsOptions);
    }

    public Dossier AddDossier(string code = "H42.10-261125-0001", params FeeLine[] fees)
    {
        var dossier = new Dossier(code, "Cấp Phiếu lý lịch tư pháp", AgencyCode, "Sở Tư pháp tỉnh Hà Tĩnh", "Nguyễn Văn An", "0912345678", Clock.GetUtcNow());
        dossier.RequestPayment(fees.Length > 0 ? fees : [new FeeLine(FeeKind.Fee, "Phí cung cấp thông tin lý lịch tư pháp", 200_000)], Clock.GetUtcNow());
        Store.Write(session => { session.Dossiers.Save(dossier); return true; });
        return dossier;
    }

    public void Change(string code, Action<Dossier> change) => Store.Write(session =>
    {
        var dossier = session.Dossiers.Find(code)!;
        change(dossier);
        session.Dossiers.Save(dossier);
        return true;
    });

    public Dossier Dossier(string code) => Store.Read(session => session.Dossiers.Find(code))!;

    public void Say(string text, ChatAddress? chat = null) => Chats.Handle(chat ?? Citizen, new TextInput(text));

    /// <summary>A web chat's message from a client address (what per-address limits count).</summary>
    public void SayFrom(string origin, string text, ChatAddress chat) => Chats.Handle(chat, new TextInput(text) { Origin = origin });

    /// <summary>Presses the button with this label on the newest message that shows it.</summary>
    public void Press(string label, ChatAddress? chat = null)
    {
        var (entry, button) = FindButton(label, chat ?? Citizen);
        Chats.Handle(chat ?? Citizen, new PressInput(button.Payload, entry.Id));
    }

    public (ChatLogEntry Entry, ChoiceButton Button) FindButton(string label, ChatAddress? chat = null)
    {
        foreach (var entry in Log(chat).Where(e => e.Outgoing).Reverse())
            if (entry.Choices.FirstOrDefault(c => c.Label == label) is { } button) return (entry, button);
        throw new InvalidOperationException($"No button '{label}' was sent to {chat ?? Citizen}.");
    }

    /// <summary>Walks the journey up to the gateway: the link is issued and opened.</summary>
    public Payment OpenedPayment(string code = "H42.10-261125-0001", ChatAddress? chat = null)
    {
        var payment = PayLink(code, chat: chat);
        OpenLink(payment.LinkToken);
        return Payment(payment.Id);
    }

    /// <summary>Walks the journey up to an issued payment link.</summary>
    public Payment PayLink(string code = "H42.10-261125-0001", string bank = "Vietcombank", ChatAddress? chat = null)
    {
        Say(code, chat);
        Press("Xác nhận", chat);
        Press(bank, chat);
        return CurrentPayment(chat)!;
    }

    /// <summary>The chat's messages in the order they were first written.</summary>
    public IReadOnlyList<ChatLogEntry> Log(ChatAddress? chat = null) => [.. Store.ChatHistory((chat ?? Citizen).Key, 0, 10_000).OrderBy(e => e.Id)];

    public string LastReply(ChatAddress? chat = null) => Log(chat).Last(e => e.Outgoing).Text;

    /// <summary>The chat's stored conversation; a chat that never moved from idle has none stored, and reads as a new one.</summary>
    public ConversationSnapshot Conversation(ChatAddress? chat = null) =>
        Store.Read(session => session.Conversations.Find(chat ?? Citizen)) ?? ConversationSnapshot.New(chat ?? Citizen, Clock.GetUtcNow());

    public Payment? CurrentPayment(ChatAddress? chat = null) =>
        Conversation(chat).PaymentId is { } id ? Payment(id) : null;

    public Payment Payment(string id) => Store.Read(session => session.Payments.Find(id))!;

    public IReadOnlyList<Payment> Payments(string dossierCode = "H42.10-261125-0001") => Store.Read(session => session.Payments.OfDossier(dossierCode));

    public Receipt? ReceiptOf(string dossierCode = "H42.10-261125-0001") =>
        Dossier(dossierCode).ReceiptId is { } id ? Store.Read(session => session.Receipts.Find(id)) : null;

    /// <summary>The gateway the desk's reports come from for attempts that name none (any gateway may speak for those).</summary>
    public const string Gateway = "TestPay";

    /// <summary>The gateway that speaks for an attempt: the one it names.</summary>
    public static string GatewayOf(Payment payment) => payment.Gateway.Length > 0 ? payment.Gateway : Gateway;

    /// <summary>Follows a payment link the way the pay endpoint does once a gateway has started the attempt.</summary>
    public LinkOpening OpenLink(string token) => PaymentLinks.Open(token, new GatewayCheckout($"ref-{token}", $"https://gateway.test/pay/{token}"));

    public GatewayReport Paid(Payment payment, string transactionNo = "14000001") =>
        new(GatewayOf(payment), payment.Id, payment.Amount, GatewayOutcome.Succeeded, "00", null, transactionNo, "NCB", Clock.GetUtcNow());

    /// <summary>A final failure, with the reason the gateway's adapter would give.</summary>
    public GatewayReport Declined(Payment payment, string code = "51", string reason = "Tài khoản không đủ số dư.") =>
        new(GatewayOf(payment), payment.Id, payment.Amount, GatewayOutcome.Failed, code, reason, "14000009", "NCB", Clock.GetUtcNow());

    /// <summary>Debited, then reversed by the gateway: money owed back.</summary>
    public GatewayReport Reversed(Payment payment) => Declined(payment, "00/04", "Ngân hàng đã trừ tiền nhưng giao dịch không thành công.") with { Outcome = GatewayOutcome.Reversed };

    public void Dispose()
    {
        Store.Dispose();
        Limits.Dispose();
    }
}
