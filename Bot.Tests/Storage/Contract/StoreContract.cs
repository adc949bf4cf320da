using ChatPay.Bot.Channels.WebChat;
using ChatPay.Domain.Chats;
using ChatPay.Domain.Conversations;
using ChatPay.Domain.Dossiers;
using ChatPay.Domain.Notices;
using ChatPay.Domain.Payments;
using ChatPay.Domain.Receipts;
using ChatPay.Domain.Refunds;
using ChatPay.Domain.Reports;
using ChatPay.Domain.Staff;
using ChatPay.Domain.Storage;
using ChatPay.Domain.Support;

namespace ChatPay.Tests.Storage.Contract;

/// <summary>
/// What every store must do behind the domain's storage ports, whatever it is built on: one step all or nothing, the
/// receipt counter gap-free, each query's bounds and order. A store is a subclass that says how to make one (issue 19:
/// the same suite for PostgreSQL).
/// </summary>
public abstract partial class StoreContract : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 2, 0, 0, TimeSpan.Zero);
    private static readonly ChatAddress Chat = new(WebChatIdentity.Channel, "contract");
    private static readonly BankOption Bank = new("VCB", "Vietcombank", "VIETCOMBANK", "VnPay");

    private readonly Lazy<StoreParts> _parts;

    protected StoreContract() => _parts = new Lazy<StoreParts>(NewStore, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>A new, empty store, with the host's ports over it.</summary>
    protected abstract StoreParts NewStore();

    protected IChatPayStore Store => _parts.Value.Store;

    private StoreParts Parts => _parts.Value;

    public virtual void Dispose()
    {
        if (_parts.IsValueCreated) (_parts.Value.Store as IDisposable)?.Dispose();
    }

    private void Write(Action<IStoreSession> work) => Store.Write(session => { work(session); return true; });

    private static Dossier Dossier(string code = "H42.10-261126-0001", string? phone = "0912345678")
    {
        var dossier = new Dossier(code, "Thủ tục", "H42.10", "Sở Tư pháp", "Nguyễn Văn An", phone, Now);
        dossier.RequestPayment([new FeeLine(FeeKind.Fee, "Phí", 200_000)], Now);
        return dossier;
    }

    private static Payment Attempt(string code, int attempt, DateTimeOffset? at = null) =>
        Payment.Start(code, attempt, 1, 200_000, Bank, Chat, $"token-{code}-{attempt}", at ?? Now, TimeSpan.FromMinutes(15));

    [SkippableFact]
    public void A_step_that_fails_leaves_nothing_behind_not_even_its_receipt_number()
    {
        // Made outside the assertion: a store that cannot be made (no server) skips the test rather than fail it.
        var store = Store;
        Assert.ThrowsAny<InvalidOperationException>(() => store.Write<bool>(session =>
        {
            session.Dossiers.Save(Dossier());
            session.Receipts.TakeNextNumber(2026);
            session.ChatLog.Send(Chat, new OutgoingMessage("x"), Now);
            throw new InvalidOperationException("the step fails");
        }));

        Assert.Null(Store.Read(s => s.Dossiers.Find("H42.10-261126-0001")));
        Assert.Equal(1, Store.Write(s => s.Receipts.TakeNextNumber(2026)));
    }

    [SkippableFact]
    public void Within_a_step_a_record_reads_as_last_saved_and_each_read_is_a_copy_of_its_own()
    {
        var attempt = Attempt("H42.10-261126-0001", 1);
        Write(s => s.Payments.Save(attempt));

        Write(s =>
        {
            var unsaved = s.Payments.Find(attempt.Id)!;
            unsaved.Cancel(Now);
            var again = s.Payments.Find(attempt.Id)!;
            Assert.NotSame(unsaved, again);
            Assert.True(again.IsOpen);
            again.Cancel(Now);
            s.Payments.Save(again);
            Assert.False(s.Payments.Find(attempt.Id)!.IsOpen);
        });
        var store = Store;
        Assert.ThrowsAny<InvalidOperationException>(() => store.Write<bool>(s =>
        {
            s.Dossiers.Save(Dossier());
            Assert.NotNull(s.Dossiers.Find("H42.10-261126-0001"));
            throw new InvalidOperationException("the step fails after saving");
        }));

        Assert.False(Store.Read(s => s.Payments.Find(attempt.Id))!.IsOpen);
        Assert.Null(Store.Read(s => s.Dossiers.Find("H42.10-261126-0001")));
    }

    [SkippableFact]
    public void Receipt_numbers_are_gap_free_per_year_and_series_under_concurrent_steps()
    {
        var store = Store;
        var taken = new System.Collections.Concurrent.ConcurrentBag<int>();
        Parallel.For(0, 40, _ => taken.Add(store.Write(s => s.Receipts.TakeNextNumber(2026))));

        Assert.Equal(Enumerable.Range(1, 40), taken.Order());
        Assert.Equal(1, Store.Write(s => s.Receipts.TakeNextNumber(2027)));
        Assert.Equal(1, Store.Write(s => s.Receipts.TakeNextNumber(2026, trial: true)));
    }

    [SkippableFact]
    public void A_dossier_comes_back_as_saved_with_its_request_link_and_notices()
    {
        var dossier = Dossier();
        dossier.UsePayLink("tok");
        dossier.UsePhoneHash("hash");
        dossier.RecordNotice(new NoticeRecord(Now, 1, false, 2, "queued"));
        Write(s => s.Dossiers.Save(dossier));

        var back = Store.Read(s => s.Dossiers.Find(dossier.Code))!;

        Assert.Equal(dossier.Fees, back.Fees);
        Assert.Equal("tok", back.PayLinkToken);
        Assert.Equal(dossier.Notices, back.Notices);
        Assert.Equal(Now, back.RequestedAt);
        Assert.Equal(DossierStatus.AwaitingPayment, back.Status);
    }

    [SkippableFact]
    public void Due_queries_take_what_is_due_by_now_inclusive_oldest_first_within_the_limit_and_never_what_has_no_time()
    {
        var codes = Enumerable.Range(1, 5).Select(i => $"H42.10-261126-000{i}").ToList();
        Write(s =>
        {
            for (var i = 0; i < codes.Count; i++)
            {
                var dossier = Dossier(codes[i]);
                dossier.PlanNotice(i == 4 ? null : Now.AddMinutes(i - 2));
                s.Dossiers.Save(dossier);
            }
        });

        Assert.Equal(codes.Take(3), Store.Read(s => s.Dossiers.DueForNotice(Now, 10)).Select(d => d.Code));
        Assert.Equal(codes.Take(2), Store.Read(s => s.Dossiers.DueForNotice(Now, 2)).Select(d => d.Code));
    }

    [SkippableFact]
    public void Unpaid_requests_are_found_by_the_applicant_phones_hash_and_paid_ones_are_not()
    {
        Write(s =>
        {
            foreach (var (code, paid) in new[] { ("H42.10-261126-0001", false), ("H42.10-261126-0002", true), ("H42.10-261126-0003", false) })
            {
                var dossier = Dossier(code);
                dossier.UsePhoneHash(code.EndsWith('3') ? "other" : "hash");
                if (paid) dossier.MarkPaid($"{code}_1", "2026-1", Now, null);
                s.Dossiers.Save(dossier);
            }
        });

        Assert.Equal(["H42.10-261126-0001"], Store.Read(s => s.Dossiers.AwaitingWithPhoneHash("hash")).Select(d => d.Code));
    }

    [SkippableFact]
    public void Attempts_are_found_by_link_dossier_and_when_they_were_opened_and_settled()
    {
        const string code = "H42.10-261126-0001";
        var first = Attempt(code, 1);
        var second = Attempt(code, 2);
        first.Open(Now.AddMinutes(1), Now.AddMinutes(6));
        second.Open(Now.AddHours(2), Now.AddHours(3));
        first.Succeed(new GatewayReport("VnPay", first.Id, first.Amount, GatewayOutcome.Succeeded, "00", null, "1", "NCB", Now.AddMinutes(2)), Now.AddMinutes(2), PaymentFlag.None);
        Write(s =>
        {
            s.Payments.Save(second);
            s.Payments.Save(first);
        });

        Assert.Equal([first.Id, second.Id], Store.Read(s => s.Payments.OfDossier(code)).Select(p => p.Id));
        Assert.Equal(second.Id, Store.Read(s => s.Payments.FindByLinkToken(second.LinkToken))!.Id);
        Assert.Equal([first.Id], Store.Read(s => s.Payments.SettledBetween(Now, Now.AddHours(1))).Select(p => p.Id));
        Assert.Empty(Store.Read(s => s.Payments.SettledBetween(Now.AddMinutes(2).AddTicks(TimeSpan.TicksPerMillisecond), Now.AddHours(1))));
        Assert.Equal([first.Id, second.Id], Store.Read(s => s.Payments.OpenedBetween(Now, Now.AddDays(1))).Select(p => p.Id));
        Assert.Equal([second.Id], Store.Read(s => s.Payments.OpenExpiredBy(Now.AddHours(3), 10)).Select(p => p.Id));
    }

    [SkippableFact]
    public void An_event_is_recorded_once()
    {
        Assert.False(Store.Read(s => s.Inbox.Recorded("e-1")));
        Assert.True(Store.Write(s => s.Inbox.FirstTime("e-1", Now)));
        Assert.False(Store.Write(s => s.Inbox.FirstTime("e-1", Now)));
        Assert.True(Store.Read(s => s.Inbox.Recorded("e-1")));
    }

    [SkippableFact]
    public void Messages_are_found_by_topic_in_order_replaced_in_place_and_their_choices_closed_once()
    {
        var topic = MessageTopic.Alert("H42.10-261126-0001");
        var (first, second) = Store.Write(s => (
            s.ChatLog.Send(Chat, new OutgoingMessage("một", [new ChoiceButton("A", "a")], []), Now, topic),
            s.ChatLog.Send(Chat, new OutgoingMessage("hai"), Now, topic)));
        Write(s => s.ChatLog.Replace(first, new OutgoingMessage("một (sửa)", [new ChoiceButton("A", "a")], [])));
        Write(s => s.ChatLog.CloseChoices(Chat, first, "A"));

        var sent = Store.Read(s => s.ChatLog.OnTopic(topic));
        Assert.Equal([first, second], sent.Select(m => m.Id));
        Assert.Equal("một (sửa)", sent[0].Message.Text);
        Assert.Equal("A", sent[0].Message.Chosen);
        Assert.Equal(["a"], Store.Read(s => s.ChatLog.ChoicesOf(Chat, first)).Select(c => c.Payload));
        Assert.Empty(Store.Read(s => s.ChatLog.ChoicesOf(new ChatAddress(WebChatIdentity.Channel, "someone-else"), first)));
    }

    [SkippableFact]
    public void Links_phones_and_phone_messages_are_found_as_the_notices_need()
    {
        Write(s =>
        {
            s.PayLinks.Save(new PayLink { Token = "tok", DossierCode = "H42.10-261126-0001", RequestVersion = 1, IssuedAt = Now });
            s.PhoneLinks.Save(new PhoneLink { ChatKey = "Telegram:1", PhoneHash = "h", LastDigits = "5678", LinkedAt = Now });
            s.PhoneLinks.Save(new PhoneLink { ChatKey = "Zalo:2", PhoneHash = "h", LastDigits = "5678", LinkedAt = Now });
            s.PhoneMessages.Save(new PhoneMessage { Id = "m-1", DossierCode = "H42.10-261126-0001", Phone = "84912345678", QueuedAt = Now, NextAttemptAt = Now });
        });
        Write(s => s.PhoneLinks.Delete("Zalo:2"));

        Assert.Equal("H42.10-261126-0001", Store.Read(s => s.PayLinks.Find("tok"))!.DossierCode);
        Assert.Equal(["Telegram:1"], Store.Read(s => s.PhoneLinks.WithHash("h")).Select(l => l.ChatKey));
        Assert.Equal(["m-1"], Store.Read(s => s.PhoneMessages.Due(Now, 5)).Select(m => m.Id));
        Assert.Empty(Store.Read(s => s.PhoneMessages.Due(Now.AddTicks(-TimeSpan.TicksPerSecond), 5)));
    }

    [SkippableFact]
    public void Refunds_are_found_by_key_attempt_due_time_and_end_and_a_day_keeps_its_gateway_checks()
    {
        Write(s =>
        {
            s.Refunds.Save(new Refund { Id = "p_1-r1", PaymentId = "p_1", DossierCode = "d", Amount = 1, RequestedAt = Now, IdempotencyKey = "k", NextAttemptAt = Now });
            s.Refunds.Save(new Refund { Id = "p_1-r2", PaymentId = "p_1", DossierCode = "d", Amount = 2, RequestedAt = Now.AddMinutes(1), State = RefundState.Refunded,
                FinishedAt = Now.AddMinutes(2) });
            s.GatewayChecks.Save(new GatewayCheck { Id = GatewayCheck.IdFor(new DateOnly(2026, 11, 26), "p_1"), Day = "2026-11-26", PaymentId = "p_1", Outcome = GatewayOutcome.Succeeded });
        });

        Assert.Equal("p_1-r1", Store.Read(s => s.Refunds.FindByIdempotencyKey("k"))!.Id);
        Assert.Equal(["p_1-r1", "p_1-r2"], Store.Read(s => s.Refunds.OfPayment("p_1")).Select(r => r.Id));
        Assert.Equal(["p_1-r1"], Store.Read(s => s.Refunds.Due(Now, 5)).Select(r => r.Id));
        Assert.Equal(["p_1-r2"], Store.Read(s => s.Refunds.FinishedBetween(Now, Now.AddHours(1))).Select(r => r.Id));
        Assert.Equal(["p_1"], Store.Read(s => s.GatewayChecks.OfDay(new DateOnly(2026, 11, 26))).Select(c => c.PaymentId));
        Assert.Empty(Store.Read(s => s.GatewayChecks.OfDay(new DateOnly(2026, 11, 27))));
    }

    [SkippableFact]
    public void Conversations_are_found_when_due_and_by_the_dossier_they_work_on()
    {
        var working = ConversationSnapshot.New(Chat, Now) with { State = ConversationState.ConfirmingFees, DossierCode = "d", Deadline = Now };
        var idle = ConversationSnapshot.New(new ChatAddress(WebChatIdentity.Channel, "idle"), Now);
        Write(s =>
        {
            s.Conversations.Save(working);
            s.Conversations.Save(idle);
        });

        Assert.Equal([Chat.Key], Store.Read(s => s.Conversations.DueBy(Now, 5)).Select(c => c.ChatKey));
        Assert.Equal([Chat.Key], Store.Read(s => s.Conversations.WorkingOn("d")).Select(c => c.ChatKey));
        Assert.Equal(working, Store.Read(s => s.Conversations.Find(Chat)));
    }

    [SkippableFact]
    public void Enrolments_are_found_by_role_and_agency_ended_by_id_and_their_audit_read_since_a_time()
    {
        Enrollment Enrol(string chat, StaffRole role, string agency) => new()
        {
            Id = Enrollment.IdFor(chat, role, agency), ChatKey = chat, Role = role, AgencyCode = agency, EnrolledAt = Now,
        };
        var officer = Enrol("Telegram:-1", StaffRole.Officer, "H42.10");
        Write(s =>
        {
            s.Enrollments.Save(officer);
            s.Enrollments.Save(Enrol("Telegram:-2", StaffRole.Officer, "H42.27"));
            s.Enrollments.Save(Enrol("Web:s", StaffRole.Support, ""));
            s.Enrollments.Audit(new EnrollmentAttempt { Id = "a1", ChatKey = "Web:x", At = Now.AddMinutes(-20), Action = "dangky", Succeeded = false });
            s.Enrollments.Audit(new EnrollmentAttempt { Id = "a2", ChatKey = "Web:x", At = Now, Action = "dangky", Succeeded = false });
        });
        Write(s => s.Enrollments.Delete(Enrollment.IdFor("Telegram:-2", StaffRole.Officer, "H42.27")));

        Assert.Equal([officer.ChatKey], Store.Read(s => s.Enrollments.Find(StaffRole.Officer, "H42.10")).Select(e => e.ChatKey));
        Assert.Empty(Store.Read(s => s.Enrollments.Find(StaffRole.Officer, "H42.27")));
        Assert.Equal(["Web:s"], Store.Read(s => s.Enrollments.Find(StaffRole.Support, "")).Select(e => e.ChatKey));
        Assert.Equal(["a2"], Store.Read(s => s.Enrollments.AuditOf("Web:x", Now.AddMinutes(-15))).Select(a => a.Id));
        Assert.Equal(2, Store.Read(s => s.Enrollments.All()).Count);
    }

    [SkippableFact]
    public void Support_cases_are_found_by_dossier_and_only_open_ones_as_open()
    {
        var open = SupportCase.Open("d", "Web:1", [], Now);
        var closed = SupportCase.Open("d", "Web:2", [], Now, SupportReason.Refund);
        closed.Resolve("đã hoàn", Now);
        Write(s =>
        {
            s.SupportCases.Save(open);
            s.SupportCases.Save(closed);
        });

        Assert.Equal([open.Id], Store.Read(s => s.SupportCases.OpenFor("d")).Select(c => c.Id));
        Assert.Equal(2, Store.Read(s => s.SupportCases.Of("d")).Count);
    }
}
