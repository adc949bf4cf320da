using ChatPay.Domain.Dossiers;
using ChatPay.Domain.Payments;
using ChatPay.Domain.Receipts;

namespace ChatPay.Domain.Conversations;

/// <summary>What a conversation may ask of the world while it handles one input. Calls take effect in the same step.</summary>
public interface IConversationContext
{
    DateTimeOffset Now { get; }
    TimeSpan IdleTimeout { get; }
    IReadOnlyList<BankOption> Banks { get; }
    Dossier? FindDossier(string code);
    /// <summary>A look-up of a code the person typed: counted, and refused after too many unknown codes.</summary>
    DossierLookup LookUp(string code);
    /// <summary>A look-up by a one-tap link's token, counted and refused like <see cref="LookUp"/>.</summary>
    DossierLookup OpenLink(string token);
    Receipt? FindReceipt(string receiptId);
    string ReceiptUrl(Receipt receipt);
    /// <summary>Whether this chat paid for the receipt, and so may see it in full.</summary>
    bool IsPayerOf(Receipt receipt);
    /// <summary>
    /// Whether <paramref name="lastDigits"/> are the last four digits of the applicant's phone, which lets a person who lost
    /// the chat they paid from have the receipt again. Wrong digits count like an unknown code, so guessing is refused.
    /// </summary>
    bool ProvesApplicant(Dossier dossier, string lastDigits);
    /// <summary>Opens a new payment attempt for the dossier's current request, and returns it with its link.</summary>
    (Payment Payment, string Url) StartPayment(Dossier dossier, BankOption bank);
    /// <summary>Cancels the attempt if it is still open, and closes the message carrying its link.</summary>
    void LeavePayment(string paymentId);
}
