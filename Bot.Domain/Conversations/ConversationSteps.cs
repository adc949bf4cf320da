using ChatPay.Domain.Chats;
using ChatPay.Domain.Dossiers;
using ChatPay.Domain.Storage;

namespace ChatPay.Domain.Conversations;

/// <summary>Loads a chat's conversation, applies one event to it, queues its replies and stores it, all in the caller's step.</summary>
internal sealed class ConversationSteps(ChatPayRules rules, IPublicLinks links)
{
    public delegate IReadOnlyList<OutgoingMessage> Step(Conversation conversation, IConversationContext context);

    /// <summary>Applies a person's input; a chat seen for the first time starts idle.</summary>
    public void Run(IStoreSession session, LookupCaller caller, DateTimeOffset now, Step step) =>
        Apply(session, caller.Chat, caller, now, session.Conversations.Find(caller.Chat) ?? ConversationSnapshot.New(caller.Chat, now), step);

    /// <summary>Applies an event from elsewhere (a payment result, a deadline) to a conversation that exists.</summary>
    public void Notify(IStoreSession session, ChatAddress chat, DateTimeOffset now, Step step)
    {
        if (session.Conversations.Find(chat) is { } snapshot) Apply(session, chat, null, now, snapshot, step);
    }

    /// <summary>Whether the chat's conversation is waiting for this attempt's result.</summary>
    public bool Awaits(IStoreSession session, ChatAddress chat, string paymentId) =>
        session.Conversations.Find(chat) is { State: ConversationState.AwaitingPayment } snapshot && snapshot.PaymentId == paymentId;

    private void Apply(IStoreSession session, ChatAddress chat, LookupCaller? caller, DateTimeOffset now, ConversationSnapshot snapshot, Step step)
    {
        var conversation = new Conversation(snapshot);
        var replies = step(conversation, new ConversationContext(session, chat, caller, now, rules, links));
        foreach (var reply in replies) session.ChatLog.Send(chat, reply, now, reply.Topic);
        if (conversation.Snapshot != snapshot) session.Conversations.Save(conversation.Snapshot);
    }
}
