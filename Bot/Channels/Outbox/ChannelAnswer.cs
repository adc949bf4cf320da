namespace ChatPay.Bot.Channels.Outbox;

/// <summary>What a channel made of one call, in the terms the delivery engine acts on.</summary>
public abstract record ChannelAnswer
{
    /// <summary>The message was sent, or edited (an edit that changed nothing counts): <paramref name="MessageId"/> is the app's id for it.</summary>
    public sealed record Done(string MessageId) : ChannelAnswer;

    /// <summary>The app asked to wait before the chat (or, <paramref name="WholeChannel"/>, any chat) gets more.</summary>
    public sealed record SlowDown(TimeSpan RetryAfter, bool WholeChannel = false) : ChannelAnswer;

    /// <summary>The app will never take this (blocked, chat gone, not a follower; for an edit: no such message). Not retried.</summary>
    public sealed record Refused(string Reason) : ChannelAnswer;

    /// <summary>
    /// For an edit: no message has that id at all (none was given it yet, or it was deleted). Where the app numbers a chat's
    /// messages in order, no later id has one either, which ends a search for a lost send at once.
    /// </summary>
    public sealed record Missing(string Reason) : ChannelAnswer;

    /// <summary>
    /// No usable answer (network, server error, credentials refused): tried again with backoff. <paramref name="MayHaveArrived"/>
    /// when the app may have acted on the call all the same (the answer was lost, not the request).
    /// </summary>
    public sealed record Failed(string Reason, bool MayHaveArrived) : ChannelAnswer;

    /// <summary>The app answered, whatever it said (a refusal for one chat still shows it is there).</summary>
    public bool Answered => this is not Failed;
}
