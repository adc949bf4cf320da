using ChatPay.Domain.Chats;
using ChatPay.Domain.Dossiers;
using ChatPay.Domain.Storage;

namespace ChatPay.Domain.Notices;

/// <summary>
/// Reaching citizens when a payment is requested: a chat links its person's own phone number (opt-in, once; only a keyed
/// hash is kept), and each request whose applicant phone matches is announced to those chats with a "Thanh toán" button,
/// then reminded, never during quiet hours. The notice is written in the step that makes the request, so it goes out
/// exactly once, through the outbox like every message.
/// </summary>
public sealed class CitizenNotices(ChatPayRules rules)
{
    private NoticeRules Rules => rules.NoticeDesk;

    /// <summary>A request was made or amended: the first notice now, or when the quiet hours end.</summary>
    public void Requested(IStoreSession session, Dossier dossier, DateTimeOffset now)
    {
        dossier.UsePhoneHash(Rules.Hash.OfRaw(dossier.ApplicantPhone));
        dossier.PlanNotice(dossier.ApplicantPhoneHash is null ? null : Rules.Quiet.NextAllowed(now));
        if (dossier.NextNoticeAt <= now) Send(session, dossier, now);
        session.Dossiers.Save(dossier);
    }

    /// <summary>Sends the notices and reminders due by <paramref name="now"/>; returns how many dossiers were due.</summary>
    public int SendDue(IStoreSession session, DateTimeOffset now, int limit)
    {
        var due = session.Dossiers.DueForNotice(now, limit);
        foreach (var dossier in due)
        {
            Send(session, dossier, now);
            session.Dossiers.Save(dossier);
        }
        return due.Count;
    }

    private void Send(IStoreSession session, Dossier dossier, DateTimeOffset now)
    {
        if (dossier.Status != DossierStatus.AwaitingPayment || dossier.ApplicantPhoneHash is not { } hash)
        {
            dossier.PlanNotice(null);
            return;
        }
        var sent = dossier.NoticesSent(dossier.RequestVersion);
        var chats = session.PhoneLinks.WithHash(hash);
        var message = NoticeTexts.PaymentRequested(dossier, reminder: sent > 0);
        foreach (var link in chats) session.ChatLog.Send(ChatAddress.FromKey(link.ChatKey), message, now, message.Topic);
        dossier.RecordNotice(new NoticeRecord(now, dossier.RequestVersion, sent > 0, chats.Count, chats.Count > 0 ? "queued" : "none"));
        // An applicant with no linked chat in the app a phone service reaches gets the first notice that way (a paid,
        // quota-bound message: not the reminders).
        if (sent == 0 && Rules.ByPhone is { } service && chats.All(c => ChatAddress.FromKey(c.ChatKey).Channel.Name != service.App)
            && PhoneNumbers.Normalise(dossier.ApplicantPhone) is { } phone && dossier.PayLinkToken is { } token
            && session.PhoneMessages.Find(PhoneMessage.IdFor(dossier.Code, dossier.RequestVersion)) is null)
            session.PhoneMessages.Save(new PhoneMessage
            {
                Id = PhoneMessage.IdFor(dossier.Code, dossier.RequestVersion), DossierCode = dossier.Code, RequestVersion = dossier.RequestVersion,
                Phone = phone, Amount = dossier.Total(), LinkToken = token, Service = service.Name, QueuedAt = now, NextAttemptAt = now,
            });
        // Reminders only where someone was told: a chat that links later is shown the waiting requests then (Link).
        dossier.PlanNotice(chats.Count > 0 && sent < Rules.MaxReminders ? Rules.Quiet.NextAllowed(now + Rules.ReminderAfter) : null);
    }

    /// <summary>The offer to link, where the chat's app can share a number and nothing is linked yet; null otherwise.</summary>
    public OutgoingMessage? Offer(IStoreSession session, ChatAddress chat, bool inGroup) =>
        !inGroup && Rules.PhoneChannels.Contains(chat.Channel.Name) && session.PhoneLinks.Of(chat.Key) is null ? NoticeTexts.OfferLink() : null;

    /// <summary>/lienket: the offer, or which number is linked, or that this app cannot share one.</summary>
    public OutgoingMessage AskToLink(IStoreSession session, ChatAddress chat)
    {
        if (!Rules.PhoneChannels.Contains(chat.Channel.Name)) return NoticeTexts.NoPhoneHere();
        return session.PhoneLinks.Of(chat.Key) is { } link ? NoticeTexts.AlreadyLinked(link) : NoticeTexts.OfferLink();
    }

    /// <summary>/huylienket.</summary>
    public OutgoingMessage Unlink(IStoreSession session, ChatAddress chat)
    {
        if (session.PhoneLinks.Of(chat.Key) is null) return NoticeTexts.NothingLinked();
        session.PhoneLinks.Delete(chat.Key);
        return NoticeTexts.Unlinked();
    }

    /// <summary>
    /// A shared number: only the person's own counts. Linked, the chat is shown the applicant's requests still waiting —
    /// which it would have been told of had it linked before.
    /// </summary>
    public void Link(IStoreSession session, ChatAddress chat, ContactInput contact, DateTimeOffset now)
    {
        if (!contact.OwnNumber)
        {
            session.ChatLog.Send(chat, NoticeTexts.NotOwnNumber(), now);
            return;
        }
        if (PhoneNumbers.Normalise(contact.Phone) is not { } number)
        {
            session.ChatLog.Send(chat, NoticeTexts.InvalidNumber(), now);
            return;
        }
        var hash = Rules.Hash.Of(number);
        session.PhoneLinks.Save(new PhoneLink { ChatKey = chat.Key, PhoneHash = hash, LastDigits = number[^4..], LinkedAt = now });
        session.ChatLog.Send(chat, NoticeTexts.Linked(number), now);
        foreach (var dossier in session.Dossiers.AwaitingWithPhoneHash(hash))
        {
            var message = NoticeTexts.PaymentRequested(dossier, reminder: false);
            session.ChatLog.Send(chat, message, now, message.Topic);
        }
    }
}
