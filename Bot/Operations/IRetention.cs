namespace ChatPay.Bot.Operations;

/// <summary>
/// Deletes personal data past retention: chat history, the conversations that link a chat to a dossier, remembered
/// update ids, wrong-code tallies, a paid dossier's applicant phone (and its hash), a phone notice's number, the sender
/// names of enrolment audit records, and delivered portal events. Payments, receipts and support cases are financial
/// records and stay. A message still waiting to be sent, and every message of a conversation in progress, stay too.
/// </summary>
public interface IRetention
{
    /// <summary>Deletes what is past retention at <paramref name="cutoff"/>, in small steps; returns how many of each went.</summary>
    RetentionReport PurgeBefore(DateTimeOffset cutoff, CancellationToken cancellationToken = default);
}
