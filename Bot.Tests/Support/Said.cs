using ChatPay.Bot.Channels.WebChat;
using ChatPay.Domain.Chats;
using ChatPay.Domain.Conversations;
using ChatPay.Domain.Dossiers;
using ChatPay.Domain.Payments;
using ChatPay.Domain.Receipts;
using ChatPay.Domain.Staff;
using ChatPay.Domain.Vietnamese;

namespace ChatPay.Tests.Support;

/// <summary>
/// What identifies each message a test waits for, taken from the texts' own builders: rewording a sentence changes the
/// builder and these follow. (The wording itself is pinned in GoldenTextTests.)
/// </summary>
public static class Said
{
    private static readonly DateTimeOffset At = new(2026, 11, 26, 2, 0, 0, TimeSpan.Zero);

    public static string Welcome => FirstLine(CitizenTexts.Welcome());

    public static string Help => FirstLine(CitizenTexts.Help());

    /// <summary>The fee and charge lines with their total.</summary>
    public static string Fees => FirstLine(CitizenTexts.Fees(Sample(200_000), 0));

    /// <summary>The fees' total line for this amount.</summary>
    public static string Total(long amount) => CitizenTexts.Fees(Sample(amount), 0).Text.Split('\n').Single(l => l.EndsWith(Vnd.Format(amount)) && !l.StartsWith('•'));

    public static string ChooseBank => Before(CitizenTexts.ChooseBank(1, [], 0).Text, Vnd.Format(1));

    public static string PaymentLink => Before(CitizenTexts.PaymentLink(SamplePayment(), "", 0).Text, Vnd.Format(1));

    /// <summary>The receipt of a payment just made.</summary>
    public static string Paid => FirstLine(CitizenTexts.Receipt(SampleReceipt("x"), "", justPaid: true));

    /// <summary>The receipt sent again (/bienlai, or the code typed after paying).</summary>
    public static string PaidBefore(string dossierCode) => FirstLine(CitizenTexts.Receipt(SampleReceipt(dossierCode), "", justPaid: false));

    public static string Enrolled => Before(StaffTexts.EnrolledAsSupport().Text, "làm");

    public static string EnrolledAsOfficer(Agency agency) => FirstLine(StaffTexts.EnrolledAsOfficer(agency));

    /// <summary>The officers' "paid, ready to process" alert for this dossier.</summary>
    public static string Alert(string dossierCode) => FirstLine(StaffTexts.PaidAlert(Sample(1, dossierCode), SampleReceipt(dossierCode), ""));

    /// <summary>What a claimed alert adds, up to the time: "Bạn …" in the chat of the officer who pressed, or the name elsewhere.</summary>
    public static string Claimed(string? by = null)
    {
        var dossier = Sample(1);
        dossier.MarkPaid("x_1", "2026-1", At, null);
        dossier.Claim(by ?? "x", At);
        return Before(StaffTexts.Claimed(new OutgoingMessage(""), dossier, byThisReader: by is null).Text.Trim(), " lúc");
    }

    /// <summary>What a chat that did not pay is told of a paid dossier (its own line, without the dossier's code and time).</summary>
    public static string PaidElsewhere => CitizenTexts.PaidElsewhere(SampleReceipt("x")).Text.Split('\n')[1].Split(". ")[0];

    /// <summary>A chat refused after too many unknown codes or links.</summary>
    public static string WrongCodesRefused => FirstLine(CitizenTexts.TooManyWrongCodes(At));

    public static string UnknownLink => FirstLine(CitizenTexts.UnknownLink());

    /// <summary>What an amended request's earlier one-tap link says.</summary>
    public static string LinkReplaced(string dossierCode) => FirstLine(CitizenTexts.LinkReplaced(Sample(1, dossierCode)));

    public static string Withdrawn(string dossierCode) => FirstLine(CitizenTexts.Withdrawn(Sample(1, dossierCode)));

    public static string Stale => CitizenTexts.StaleButton().Text;

    public static string Invalid => CitizenTexts.InvalidButton().Text;

    private static string FirstLine(OutgoingMessage message) => message.Text.Split('\n')[0];

    /// <summary>The text before a varying part (an amount, a name).</summary>
    private static string Before(string text, string varying) => text[..text.IndexOf(varying, StringComparison.Ordinal)];

    private static Dossier Sample(long amount, string code = "H42.10-261125-0001")
    {
        var dossier = new Dossier(code, "Thủ tục", "H42.10", "Cơ quan", "Nguyễn Văn An", null, At);
        dossier.RequestPayment([new FeeLine(FeeKind.Fee, "Phí", amount)], At);
        return dossier;
    }

    private static Payment SamplePayment() =>
        Payment.Start("H42.10-261125-0001", 1, 1, 1, new BankOption("VCB", "Vietcombank", null), new ChatAddress(WebChatIdentity.Channel, "x"), "t", At, TimeSpan.FromMinutes(15));

    private static Receipt SampleReceipt(string dossierCode) => new()
    {
        Id = "2026-1", Year = 2026, Number = 1, FormNumber = "01BLP0-001", Series = "CP-26E", DossierCode = dossierCode, ProcedureName = "Thủ tục",
        AgencyCode = "H42.10", AgencyName = "Cơ quan", PayerName = "Nguyễn Văn An", Lines = [], Total = 1, PaidAt = At, BankName = "Vietcombank",
        GatewayTransactionNo = "1", PaymentId = "x_1", AccessToken = "t",
    };
}
