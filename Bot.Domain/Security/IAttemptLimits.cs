using ChatPay.Domain.Chats;

namespace ChatPay.Domain.Security;

/// <summary>
/// Limits on attempts that could be repeated to learn or flood something — unknown dossier codes, wrong enrolment
/// codes, problem reports — held per client address (where the channel knows one; else per chat) and in total, so
/// opening new chats, which costs nothing, does not reset them. They come on top of each chat's own stored tally.
/// </summary>
public interface IAttemptLimits
{
    /// <summary>When the sender may try this again, or null if they may now. Asking takes nothing.</summary>
    DateTimeOffset? RefusedUntil(LimitedAttempt attempt, ChatAddress chat, ChatInput input, DateTimeOffset now);

    /// <summary>Counts one attempt against the sender's address and the total.</summary>
    void Count(LimitedAttempt attempt, ChatAddress chat, ChatInput input);
}
