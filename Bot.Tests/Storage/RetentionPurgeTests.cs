using ChatPay.Bot.Channels.WebChat;
using ChatPay.Bot.Operations;
using ChatPay.Bot.Storage;
using ChatPay.Domain.Chats;
using ChatPay.Domain.Conversations;
using ChatPay.Domain.Payments;
using ChatPay.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatPay.Tests.Storage;

[Trait("Tier", "Unit")]
public class RetentionPurgeTests : IDisposable
{
    private static readonly ChatAddress Midway = new(WebChatIdentity.Channel, "midway");
    private static readonly ChatAddress Recent = new(WebChatIdentity.Channel, "recent");
    private readonly Desk _desk = new();

    public void Dispose() => _desk.Dispose();

    [Fact]
    public void Purge_deletes_old_finished_history_and_keeps_payments_receipts_unsent_messages_and_conversations_in_progress()
    {
        _desk.Say($"/dangky {Desk.OfficerCode}", Desk.Officer);
        _desk.AddDossier();
        var payment = _desk.OpenedPayment();
        _desk.Settlement.Settle(_desk.Paid(payment));
        _desk.AddDossier("H42.10-261125-0002");
        _desk.Say("H42.10-261125-0002", Midway);
        Assert.Equal(ConversationState.Done, _desk.Conversation().State);
        _desk.Chats.Handle(new ChatAddress(WebChatIdentity.Channel, "greeted"), new TextInput("xin chào"), eventKey: "web:old-update");
        var officerAlertsBefore = _desk.Log(Desk.Officer).Count(e => e.Outbox is not null);
        Assert.True(officerAlertsBefore > 0);

        _desk.Clock.Advance(TimeSpan.FromDays(200));
        _desk.Say("H42.10-261125-0002", Recent);
        _desk.Chats.Handle(Recent, new TextInput("hi"), eventKey: "web:new-update");
        var purged = Purge(_desk.Clock.GetUtcNow() - TimeSpan.FromDays(180));

        Assert.Empty(_desk.Log(Desk.Citizen));
        Assert.NotEmpty(_desk.Log(Midway));
        Assert.NotEmpty(_desk.Log(Recent));
        Assert.Equal(officerAlertsBefore, _desk.Log(Desk.Officer).Count);
        Assert.Equal(PaymentState.Succeeded, _desk.Payment(payment.Id).State);
        Assert.NotNull(_desk.Dossier("H42.10-261125-0001").ReceiptId);
        Assert.Equal(1, purged.InboxKeys);
        Assert.True(purged.Messages > 5);
        Assert.True(_desk.Chats.Handle(new ChatAddress(WebChatIdentity.Channel, "greeted"), new TextInput("xin chào"), eventKey: "web:old-update"));
        Assert.False(_desk.Chats.Handle(Recent, new TextInput("hi"), eventKey: "web:new-update"));
    }

    [Fact]
    public void A_second_purge_over_the_same_cutoff_finds_nothing_more()
    {
        _desk.Say("xin chào");
        _desk.Say("H42.10-000000-9999");
        _desk.Clock.Advance(TimeSpan.FromDays(2));
        _desk.Deadlines.Run();

        Assert.True(Purge(_desk.Clock.GetUtcNow() - TimeSpan.FromDays(1)).Messages > 0);
        Assert.Equal(default, Purge(_desk.Clock.GetUtcNow() - TimeSpan.FromDays(1)));
    }

    [Fact]
    public void Old_wrong_code_tallies_are_forgotten_and_recent_ones_kept()
    {
        _desk.Say("H42.10-261125-0098");
        _desk.Clock.Advance(TimeSpan.FromDays(2));
        _desk.Say("H42.10-261125-0099", Recent);

        Assert.Equal(1, Purge(_desk.Clock.GetUtcNow() - TimeSpan.FromDays(1)).Tallies);

        Assert.Null(_desk.Store.Read(s => s.LookupTallies.Find(Desk.Citizen.Key)));
        Assert.Equal(1, _desk.Store.Read(s => s.LookupTallies.Find(Recent.Key))!.Misses);
    }

    [Fact]
    public void Personal_data_past_retention_goes_and_what_the_receipt_shows_stays()
    {
        _desk.AddDossier();
        var payment = _desk.OpenedPayment();
        _desk.Settlement.Settle(_desk.Paid(payment));
        _desk.AddDossier("H42.10-261125-0002");
        var greetedOnly = new ChatAddress(WebChatIdentity.Channel, "opened-and-left");
        _desk.Chats.Greet(greetedOnly);
        _desk.Clock.Advance(TimeSpan.FromMinutes(31));
        _desk.Deadlines.Run(); // left idle, it returns to the start, as the deadline service does
        _desk.Store.Write(s => { s.Events.Publish(new ChatPay.Domain.Dossiers.DossierPaid("H42.10-261125-0003", "H42.10", 1, "0000002", "CP-26E", _desk.Clock.GetUtcNow(), "2", "u")); return true; });
        _desk.Say($"/dangky {Desk.OfficerCode}", Desk.Officer);
        _desk.Chats.Handle(Desk.Officer, new TextInput("/dangky WRONG-CODE-0000000001") { SenderName = "Trần Thị Bình" });
        // The paid dossier's event, as the portal webhook records it once delivered.
        _desk.Store.WriteDirect(db =>
        {
            var events = db.GetCollection<PortalEvent>(LiteIntegrationEvents.Collection);
            var delivered = events.FindAll().Where(e => e.Data.DossierCode == "H42.10-261125-0001").ToList();
            foreach (var e in delivered) e.DeliveredAt = _desk.Clock.GetUtcNow();
            return events.Update(delivered);
        });

        _desk.Clock.Advance(TimeSpan.FromDays(200));
        var purged = Purge(_desk.Clock.GetUtcNow() - TimeSpan.FromDays(180));

        Assert.Null(_desk.Dossier("H42.10-261125-0001").ApplicantPhone);
        Assert.Equal("0912345678", _desk.Dossier("H42.10-261125-0002").ApplicantPhone); // not paid: the agency may still need it
        Assert.Equal("Nguyễn Văn An", _desk.ReceiptOf()!.PayerName);
        Assert.Null(_desk.Store.Read(s => s.Conversations.Find(Desk.Citizen)));
        Assert.Empty(_desk.Log(greetedOnly));
        Assert.Null(_desk.Store.Read(s => s.Conversations.Find(greetedOnly)));
        Assert.All(_desk.Store.Read(s => s.Enrollments.AuditOf(Desk.Officer.Key, DateTimeOffset.MinValue)), a => Assert.Null(a.SenderName));
        Assert.Equal(1, purged.PortalEvents);
        Assert.Single(_desk.Store.WriteDirect(db => db.GetCollection<PortalEvent>(LiteIntegrationEvents.Collection).FindAll().ToList())); // not delivered yet: kept
        Assert.Equal(1, purged.ApplicantPhones);
        Assert.True(purged.Conversations >= 1);
    }

    private RetentionReport Purge(DateTimeOffset cutoff) =>
        new RetentionPurge(new LiteRetention(_desk.Store), Options.Create(new StorageOptions()), _desk.Clock, NullLogger<RetentionPurge>.Instance).PurgeBefore(cutoff);
}
