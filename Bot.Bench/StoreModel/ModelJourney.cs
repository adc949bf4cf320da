using static ChatPay.Bench.StoreModel.ModelDocuments;

namespace ChatPay.Bench.StoreModel;

/// <summary>
/// A payment journey's storage work as ChatPay does it, without the rest of ChatPay: the dossier created through the
/// portal API; three updates from the citizen (code, Confirm, bank), each recording the update id, moving the
/// conversation and writing a message; every message marked in flight and then delivered in delivery rounds; and the
/// IPN settling the payment, issuing the receipt and writing the receipt and the officers' alert. About 30 reads by key,
/// as counted in the real Bot. Each step commits on its own (13 commits), or the whole journey commits once.
/// </summary>
public sealed class ModelJourney(IModelStore store, bool oneCommit)
{
    private static readonly DateTime Day = new(2026, 11, 28, 0, 0, 0, DateTimeKind.Utc);
    private long _lastMessageId;

    public int Commits { get; private set; }

    public void Run(int i)
    {
        if (!oneCommit)
        {
            Steps(i);
            return;
        }
        store.Begin();
        Steps(i);
        store.Commit();
        Commits++;
    }

    private void Steps(int i)
    {
        var code = $"H42.10-261125-{i:D6}";
        var chat = $"telegram:{1_000_000 + i * 7919 % 900_000}";
        Step(() =>
        {
            store.Insert(new Dossier { Id = code, NextReminderAt = Day.AddDays(1), NextNoticeAt = Day, Lines = [new() { Name = "Lệ phí", Amount = 50_000 }, new() { Name = "Phí", Amount = 20_000 }] });
            store.Insert(new PortalEvent { Id = "link-" + code, Body = Token() });
        });

        Message fees = NewMessage(chat, 400), banks = NewMessage(chat, 300), link = NewMessage(chat, 250);
        Update(chat, 1, () =>
        {
            store.Get<Dossier>(code);
            store.Get<Dossier>(code);
            store.Insert(fees);
        });
        Deliver(fees);
        Update(chat, 2, () =>
        {
            store.Get<Dossier>(code);
            CloseButtons(fees);
            store.Insert(banks);
        });
        Deliver(banks);
        var payment = new Payment
        {
            Id = code + "-1", LinkToken = Token(), DossierCode = code, OpenUntil = Day.AddMinutes(15 + i), NextCheckAt = Day.AddMinutes(20 + i),
            OpenedAt = Day.AddSeconds(i), Amount = 70_000,
        };
        Update(chat, 3, () =>
        {
            store.Get<Dossier>(code);
            CloseButtons(banks);
            store.Insert(payment);
            store.Insert(link);
        });
        Deliver(link);

        Message receipt = NewMessage(chat, 600), alert = NewMessage("telegram:-100600", 200);
        Step(() =>
        {
            var paid = store.Get<Payment>(payment.Id)!;
            store.Get<Dossier>(code);
            (paid.State, paid.FinishedAt, paid.OpenUntil, paid.NextCheckAt, paid.GatewayTransactionNo) = ("Succeeded", Day.AddSeconds(i), null, null, Token());
            store.Save(paid);
            store.Insert(new Receipt { Id = $"BL-2026-{i:D7}", AccessToken = Token(), LookupCode = Token()[..12], DossierCode = code, Total = 70_000, PaidAt = Day, Lines = [new() { Name = "Lệ phí", Amount = 50_000 }] });
            var dossier = store.Get<Dossier>(code)!;
            (dossier.Status, dossier.NextReminderAt, dossier.NextNoticeAt) = ("Paid", null, null);
            store.Save(dossier);
            var conversation = store.Get<Conversation>(chat)!;
            conversation.State = "Paid";
            store.Save(conversation);
            CloseButtons(link);
            store.Insert(receipt);
            store.Insert(alert);
            store.Insert(new PortalEvent { Id = "paid-" + code, NextAttemptAt = Day, Body = new string('e', 300) });
        });
        Deliver(receipt, alert);
    }

    private void Step(Action work)
    {
        if (oneCommit)
        {
            work();
            return;
        }
        store.Begin();
        work();
        store.Commit();
        Commits++;
    }

    /// <summary>An update from the citizen: its id recorded (duplicates are dropped), the conversation read and moved.</summary>
    private void Update(string chat, int updateId, Action more) => Step(() =>
    {
        store.Insert(new SeenUpdate { Id = $"{chat}:{updateId}", SeenAt = Day });
        var conversation = store.Get<Conversation>(chat) ?? new Conversation { Id = chat };
        (conversation.State, conversation.Deadline, conversation.Snapshot) = ("Step" + updateId, Day.AddMinutes(updateId), new string('s', 200));
        store.Save(conversation);
        store.Get<Conversation>(chat);
        more();
    });

    /// <summary>A delivery round: the messages marked in flight in one step, then their outcome stored in another.</summary>
    private void Deliver(params Message[] messages)
    {
        Step(() =>
        {
            foreach (var message in messages) Change(message.Id, m => m.InFlightBatch = "round-" + message.Id);
        });
        Step(() =>
        {
            foreach (var message in messages)
                Change(message.Id, m => (m.InFlightBatch, m.QueueKeys, m.Delivery, m.ExternalId, m.RefKeys) = (null, null, "Delivered", $"{m.Id * 7}", [$"{m.ChatKey}#{m.Id * 7}"]));
        });
    }

    private void CloseButtons(Message message) => Change(message.Id, m => m.Buttons = []);

    private void Change(long id, Action<Message> change)
    {
        var message = store.Get<Message>(id)!;
        change(message);
        store.Save(message);
    }

    private Message NewMessage(string chat, int length)
    {
        var id = ++_lastMessageId;
        return new Message { Id = id, ChatKey = chat, Text = new string('á', length), Buttons = ["Xác nhận", "Hủy"], QueueKeys = [$"telegram:{id:D12}"], At = Day };
    }

    private static string Token() => Convert.ToBase64String(Guid.NewGuid().ToByteArray())[..22];
}
