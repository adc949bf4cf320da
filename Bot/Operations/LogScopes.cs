using ChatPay.Domain.Chats;
using ChatPay.Domain.Payments;

namespace ChatPay.Bot.Operations;

/// <summary>
/// Scopes that put the chat or the dossier on every log line written inside them, so an operator can follow one
/// citizen's payment through the logs (shown with Logging:Console:IncludeScopes, or as fields by the JSON formatter).
/// </summary>
public static class LogScopes
{
    public static IDisposable? ForChat(this ILogger logger, ChatAddress chat) => logger.BeginScope(new LogScope("Chat", chat.Key));

    public static IDisposable? ForChat(this ILogger logger, string chatKey) => logger.BeginScope(new LogScope("Chat", chatKey));

    public static IDisposable? ForDossier(this ILogger logger, string dossierCode) => logger.BeginScope(new LogScope("DossierCode", dossierCode));

    /// <summary>A payment attempt's reference (vnp_TxnRef) and the dossier it pays for.</summary>
    public static IDisposable? ForPayment(this ILogger logger, string reference) => logger.BeginScope(new LogScope(
        new KeyValuePair<string, object?>("TxnRef", reference), new KeyValuePair<string, object?>("DossierCode", Payment.DossierCodeOf(reference) ?? "")));
}
