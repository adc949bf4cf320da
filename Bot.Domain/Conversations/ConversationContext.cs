using ChatPay.Domain.Chats;
using ChatPay.Domain.Dossiers;
using ChatPay.Domain.Payments;
using ChatPay.Domain.Receipts;
using ChatPay.Domain.Security;
using ChatPay.Domain.Storage;

namespace ChatPay.Domain.Conversations;

/// <summary>A conversation's view of the world within one store step.</summary>
/// <remarks><paramref name="caller"/> is the person whose input this is; null for an event from elsewhere (a payment result, a deadline), which looks nothing up.</remarks>
internal sealed class ConversationContext(IStoreSession session, ChatAddress chat, LookupCaller? caller, DateTimeOffset now, ChatPayRules rules, IPublicLinks links)
    : IConversationContext
{
    public DateTimeOffset Now => now;

    public TimeSpan IdleTimeout => rules.IdleTimeout;

    public IReadOnlyList<BankOption> Banks => rules.Banks;

    public Dossier? FindDossier(string code) => session.Dossiers.Find(code);

    public DossierLookup LookUp(string code) => DossierLookup.Find(session, caller ?? throw new InvalidOperationException("Only a person's input looks codes up."), code, now, rules.CodeLookups);

    public DossierLookup OpenLink(string token) => DossierLookup.FindByLink(session, caller ?? throw new InvalidOperationException("Only a person's input opens links."), token, now, rules.CodeLookups);

    public Receipt? FindReceipt(string receiptId) => session.Receipts.Find(receiptId);

    public string ReceiptUrl(Receipt receipt) => links.ReceiptUrl(receipt);

    public bool IsPayerOf(Receipt receipt) => session.Payments.Find(receipt.PaymentId)?.PayerChatKey == chat.Key;

    public bool ProvesApplicant(Dossier dossier, string lastDigits)
    {
        var digits = new string((dossier.ApplicantPhone ?? "").Where(char.IsAsciiDigit).ToArray());
        if (digits.Length >= 4 && Secrets.Equal(digits[^4..], lastDigits)) return true;
        DossierLookup.Miss(session, caller ?? throw new InvalidOperationException("Only a person's input proves anything."), now, rules.CodeLookups);
        return false;
    }

    public (Payment Payment, string Url) StartPayment(Dossier dossier, BankOption bank)
    {
        var attempt = session.Payments.OfDossier(dossier.Code).Count + 1;
        var payment = Payment.Start(dossier.Code, attempt, dossier.RequestVersion, dossier.Total(), bank, chat, Secrets.NewToken(), now, rules.LinkLifetime);
        session.Payments.Save(payment);
        return (payment, links.PaymentUrl(payment));
    }

    public void LeavePayment(string paymentId)
    {
        if (session.Payments.Find(paymentId) is not { } payment) return;
        if (payment.IsOpen)
        {
            payment.Cancel(now);
            session.Payments.Save(payment);
        }
        foreach (var link in session.ChatLog.OnTopic(MessageTopic.PaymentLink(paymentId)).Where(m => m.Chat == chat))
            session.ChatLog.Replace(link.Id, CitizenTexts.LinkClosed(payment));
    }
}
