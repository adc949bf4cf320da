using ChatPay.Domain.Chats;
using ChatPay.Domain.Conversations;
using ChatPay.Domain.Notices;
using ChatPay.Domain.Staff;
using ChatPay.Domain.Storage;

namespace ChatPay.Domain.Deadlines;

/// <summary>
/// Acts on deadlines that have passed: payment links that expired, conversations left idle too long, paid
/// dossiers no officer has taken, citizens' notices held back by quiet hours and their reminders.
/// Deadlines are stored, so one missed while the bot was down is acted on when it starts again.
/// </summary>
public sealed class DeadlineSweep(IChatPayStore store, TimeProvider clock, ChatPayRules rules, IPublicLinks links)
{
    private const int Batch = 100;
    private readonly ConversationSteps _steps = new(rules, links);
    private readonly Alerts _alerts = new(rules, links);
    private readonly CitizenNotices _notices = new(rules);

    /// <summary>Handles everything due now, in batches; returns how many deadlines were acted on.</summary>
    public int Run()
    {
        var total = 0;
        int handled;
        do
        {
            handled = store.Write(session => ExpirePayments(session) + TimeOutConversations(session) + _alerts.Remind(session, clock.GetUtcNow(), Batch)
                + _notices.SendDue(session, clock.GetUtcNow(), Batch));
            total += handled;
        }
        while (handled > 0);
        return total;
    }

    private int ExpirePayments(IStoreSession session)
    {
        var now = clock.GetUtcNow();
        var due = session.Payments.OpenExpiredBy(now, Batch);
        foreach (var payment in due)
        {
            payment.Expire(now);
            session.Payments.Save(payment);
            _steps.Notify(session, payment.Payer(), now, (conversation, context) => conversation.PaymentExpired(payment, context));
        }
        return due.Count;
    }

    private int TimeOutConversations(IStoreSession session)
    {
        var now = clock.GetUtcNow();
        var due = session.Conversations.DueBy(now, Batch);
        foreach (var snapshot in due)
            _steps.Notify(session, ChatAddress.FromKey(snapshot.ChatKey), now, (conversation, context) => conversation.TimeOut(context));
        return due.Count;
    }
}
