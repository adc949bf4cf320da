using ChatPay.Bot.Storage;
using ChatPay.Domain.Chats;
using ChatPay.Domain.Conversations;
using ChatPay.Domain.Dossiers;
using ChatPay.Domain.Payments;

namespace ChatPay.Tests.Storage.Contract;

/// <summary>The host's ports over the same database: the outbox's queues and bookkeeping, record tables, retention, concurrency.</summary>
public abstract partial class StoreContract
{
    private static readonly ChatChannel Pushed = new("Telegram");
    private static readonly ChatAddress PushedChat = new(Pushed, "42");
    private static readonly ChatAddress OtherChat = new(Pushed, "43");

    public sealed record Note(string Id, string Text, int Number);

    [SkippableFact]
    public void A_channels_queue_is_read_in_the_order_written_and_a_delivered_message_leaves_it_until_it_changes()
    {
        var (first, second, third) = Store.Write(s => (
            s.ChatLog.Send(PushedChat, new OutgoingMessage("một"), Now),
            s.ChatLog.Send(OtherChat, new OutgoingMessage("hai"), Now.AddSeconds(1)),
            s.ChatLog.Send(PushedChat, new OutgoingMessage("ba"), Now.AddSeconds(2))));
        Write(s => s.ChatLog.RecordIncoming(PushedChat, "xin chào", Now));

        Assert.Equal([first, second, third], Parts.Outbox.Queued(Pushed, 10).Select(e => e.Id));
        Assert.Equal([first, second], Parts.Outbox.Queued(Pushed, 2).Select(e => e.Id));
        Assert.Equal(2, Parts.Outbox.Waiting(Pushed, 2));
        Assert.Equal(Now, Parts.Outbox.OldestSendAt(Pushed));
        Assert.Empty(Parts.Outbox.Queued(new ChatChannel("Zalo"), 10));

        Parts.Outbox.Change([first], entries =>
        {
            entries[first].Delivery = Delivery.Delivered;
            entries[first].ExternalId = "501";
        });
        Assert.Equal([second, third], Parts.Outbox.Queued(Pushed, 10).Select(e => e.Id));
        Assert.Equal([first], Parts.Outbox.SharingMessage(PushedChat.Key, "501").Select(e => e.Id));
        Assert.Equal([third], Parts.Outbox.RecentUnsent(PushedChat.Key, 10).Select(e => e.Id));

        // Changed after it was sent: an edit waits, in the message's old place at the head of the queue.
        Write(s => s.ChatLog.Replace(first, new OutgoingMessage("một (sửa)")));
        var queued = Parts.Outbox.Queued(Pushed, 10);
        Assert.Equal([first, second, third], queued.Select(e => e.Id));
        Assert.True(queued[0].EditPending);
        Assert.Equal(Now.AddSeconds(1), Parts.Outbox.OldestSendAt(Pushed));
    }

    [SkippableFact]
    public void Sends_in_flight_are_found_by_channel_and_chat_and_settling_them_clears_the_mark()
    {
        var (first, second) = Store.Write(s => (s.ChatLog.Send(PushedChat, new OutgoingMessage("một"), Now), s.ChatLog.Send(OtherChat, new OutgoingMessage("hai"), Now)));
        Parts.Outbox.Change([first, second], entries =>
        {
            foreach (var entry in entries.Values) entry.InFlightBatch = entry.Id;
        });

        Assert.Equal([PushedChat.Key, OtherChat.Key], Parts.Outbox.ChatsInFlight(Pushed).Order(StringComparer.Ordinal));
        Assert.Equal([first], Parts.Outbox.InFlight(PushedChat.Key).Select(e => e.Id));

        Parts.Outbox.Change([first], entries => entries[first].InFlightBatch = null);
        Assert.Empty(Parts.Outbox.InFlight(PushedChat.Key));
        Assert.Equal([OtherChat.Key], Parts.Outbox.ChatsInFlight(Pushed));
    }

    [SkippableFact]
    public void A_chats_history_is_what_changed_after_a_number_in_order_of_change()
    {
        var first = Store.Write(s => s.ChatLog.RecordIncoming(Chat, "H42.10-261126-0001", Now));
        var reply = Store.Write(s => s.ChatLog.Send(Chat, new OutgoingMessage("Phí"), Now));
        Write(s => s.ChatLog.Send(new ChatAddress(Chat.Channel, "other"), new OutgoingMessage("không phải của bạn"), Now));
        var seen = Parts.Outbox.History(Chat.Key, 0, 10);
        Assert.Equal([first, reply], seen.Select(e => e.Id));

        Write(s => s.ChatLog.Replace(reply, new OutgoingMessage("Phí (sửa)")));
        var changed = Parts.Outbox.History(Chat.Key, seen[^1].Seq, 10);
        Assert.Equal("Phí (sửa)", Assert.Single(changed).Text);
        Assert.Equal([first, reply], Parts.Outbox.OfChat(Chat.Key).Select(e => e.Id));
    }

    [SkippableFact]
    public void A_record_is_kept_by_id_added_once_and_found_by_a_condition()
    {
        var notes = Parts.Records.Table<Note>("contract_notes", n => n.Id);
        Assert.Null(notes.Get("a"));

        var first = new Note("a", "một", 1);
        Assert.Same(first, notes.Add(first));
        Assert.Equal(first, notes.Add(new Note("a", "khác", 9)));
        notes.Put(new Note("b", "hai", 2));
        notes.Put(new Note("b", "hai (sửa)", 3));

        Assert.Equal("hai (sửa)", notes.Get("b")!.Text);
        Assert.Equal(["b"], notes.Where(n => n.Number > 1).Select(n => n.Id));
        Assert.Equal(2, notes.Count());
        Assert.Equal(1, notes.Count(n => n.Text == "một"));
        Assert.Empty(Parts.Records.Table<Note>("contract_other", n => n.Id).Where(n => true));
    }

    [SkippableFact]
    public void Concurrent_updates_of_one_record_each_see_the_last_ones_change_and_an_unchanged_one_stores_nothing()
    {
        var notes = Parts.Records.Table<Note>("contract_counted", n => n.Id);
        Parallel.For(0, 20, _ => notes.Update("n", stored => new Note("n", "đếm", (stored?.Number ?? 0) + 1)));
        Assert.Equal(20, notes.Get("n")!.Number);

        var kept = notes.Update("n", stored => stored!);
        Assert.Equal(20, kept.Number);
        Assert.Equal(1, notes.Count());
    }

    [SkippableFact]
    public void Concurrent_steps_on_one_record_each_see_the_last_ones_change()
    {
        var store = Store;
        Write(s => s.Conversations.Save(ConversationSnapshot.New(Chat, Now)));
        Parallel.For(0, 30, _ => store.Write(s =>
        {
            var current = s.Conversations.Find(Chat)!;
            s.Conversations.Save(current with { Step = current.Step + 1 });
            return true;
        }));

        Assert.Equal(30, Store.Read(s => s.Conversations.Find(Chat))!.Step);
    }

    [SkippableFact]
    public void Concurrent_steps_that_each_create_a_record_if_missing_make_it_once_and_count_on_it()
    {
        var store = Store;
        Parallel.For(0, 30, _ => store.Write(s =>
        {
            var tally = s.LookupTallies.Find("Web:counted");
            s.LookupTallies.Save(tally is null ? LookupTally.FirstMiss("Web:counted", Now) : tally with { Misses = tally.Misses + 1 });
            return true;
        }));

        Assert.Equal(30, Store.Read(s => s.LookupTallies.Find("Web:counted"))!.Misses);
    }

    [SkippableFact]
    public void Retention_deletes_old_history_and_personal_data_and_keeps_what_is_unsent_in_progress_or_recent()
    {
        var cutoff = Now.AddDays(-1);
        var old = Now.AddDays(-10);
        var busy = new ChatAddress(Chat.Channel, "busy");
        var (oldDone, unsent, oldBusy, recent) = Store.Write(s => (
            s.ChatLog.RecordIncoming(Chat, "cũ", old),
            s.ChatLog.Send(PushedChat, new OutgoingMessage("chưa gửi"), old),
            s.ChatLog.RecordIncoming(busy, "đang làm", old),
            s.ChatLog.RecordIncoming(Chat, "mới", Now)));
        Write(s =>
        {
            s.Conversations.Save(ConversationSnapshot.New(Chat, old) with { State = ConversationState.Done });
            s.Conversations.Save(ConversationSnapshot.New(busy, old) with { State = ConversationState.ConfirmingFees });
            s.Inbox.FirstTime("old-update", old);
            s.Inbox.FirstTime("new-update", Now);
            var paid = Dossier();
            paid.MarkPaid("p-1", "r-1", old, null);
            s.Dossiers.Save(paid);
        });

        var purged = Parts.Retention.PurgeBefore(cutoff);

        Assert.Equal(1, purged.Messages);
        Assert.Equal([recent], Parts.Outbox.OfChat(Chat.Key).Select(e => e.Id));
        Assert.Equal([unsent], Parts.Outbox.OfChat(PushedChat.Key).Select(e => e.Id));
        Assert.Equal([oldBusy], Parts.Outbox.OfChat(busy.Key).Select(e => e.Id));
        Assert.NotEqual(oldDone, recent);
        Assert.Null(Store.Read(s => s.Conversations.Find(Chat)));
        Assert.NotNull(Store.Read(s => s.Conversations.Find(busy)));
        Assert.False(Store.Read(s => s.Inbox.Recorded("old-update")));
        Assert.True(Store.Read(s => s.Inbox.Recorded("new-update")));
        var dossier = Store.Read(s => s.Dossiers.Find("H42.10-261126-0001"))!;
        Assert.Null(dossier.ApplicantPhone);
        Assert.Null(dossier.ApplicantPhoneHash);
        Assert.Equal(1, purged.ApplicantPhones);
    }

    [SkippableFact]
    public void Portal_events_are_due_from_their_publication_until_delivered_and_a_failed_one_when_retried()
    {
        Write(s => s.Events.Publish(new DossierPaid("H42.10-261126-0001", "H42.10", 200_000, "0000001", "BL-26E", Now, "14000001", "https://x/bien-lai/t")));
        Write(s => s.Events.Publish(new DossierPaid("H42.10-261126-0002", "H42.10", 200_000, "0000002", "BL-26E", Now.AddMinutes(1), null, "https://x/bien-lai/u")));

        Assert.Empty(Parts.PortalEvents.Due(Now.AddSeconds(-1), 10));
        var due = Parts.PortalEvents.Due(Now.AddMinutes(1), 10);
        Assert.Equal(["H42.10-261126-0001", "H42.10-261126-0002"], due.Select(e => e.Data.DossierCode));
        Assert.Single(Parts.PortalEvents.Due(Now.AddMinutes(1), 1));

        var delivered = due[0];
        delivered.DeliveredAt = Now.AddMinutes(2);
        delivered.NextAttemptAt = null;
        Parts.PortalEvents.Save(delivered);
        var failed = due[1];
        failed.Attempts = 1;
        failed.NextAttemptAt = Now.AddMinutes(10);
        Parts.PortalEvents.Save(failed);

        Assert.Empty(Parts.PortalEvents.Due(Now.AddMinutes(9), 10));
        Assert.Equal(1, Assert.Single(Parts.PortalEvents.Due(Now.AddMinutes(10), 10)).Attempts);
    }

    [SkippableFact]
    public void Payments_are_counted_by_state_for_the_metrics()
    {
        Write(s =>
        {
            s.Payments.Save(Attempt("H42.10-261126-0001", 1));
            s.Payments.Save(Attempt("H42.10-261126-0001", 2));
        });

        var opened = Store.Read(s => s.Payments.Find("H42.10-261126-0001_1"))!.State;
        Assert.NotEqual(PaymentState.Succeeded, opened);
        Assert.Equal(2, Parts.Statistics.Payments(opened));
        Assert.Equal(0, Parts.Statistics.Payments(PaymentState.Succeeded));
    }
}
