using ChatPay.Bot.Channels.Telegram;
using ChatPay.Domain;
using ChatPay.Domain.Chats;
using ChatPay.Fakes.Telegram;
using ChatPay.Tests.Support;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace ChatPay.Tests.Telegram;

/// <summary>Sending within Telegram's limits, to officers who blocked the bot, across a restart, and handling each update once.</summary>
[Trait("Tier", "Integration")]
public class TelegramDeliveryTests
{
    private const long Citizen = 42;
    private const string Code = "H42.10-261125-0001";

    private static string OfficerCode(TelegramHarness harness) =>
        harness.App.Service<ChatPayRules>().Staff.Agencies.Single(a => a.Code == "H42.10").EnrollmentCode;

    [Fact]
    public async Task A_text_too_long_for_one_message_goes_out_in_parts_each_within_the_chats_limit()
    {
        await using var harness = await TelegramHarness.StartAsync();
        const long support = 77;
        harness.Telegram.SendText(support, $"/dangky {harness.App.Service<ChatPayRules>().Staff.SupportEnrollmentCode}");
        await harness.WaitAsync(support, Said.Enrolled);
        harness.App.Service<ChatPay.Bot.Storage.IHostStore>().Write(session =>
        {
            for (var i = 0; i < 80; i++)
                session.Enrollments.Save(new ChatPay.Domain.Staff.Enrollment { Id = $"Telegram:{5000 + i}|Officer|H42.10", ChatKey = $"Telegram:{5000 + i}",
                    Role = ChatPay.Domain.Staff.StaffRole.Officer, AgencyCode = "H42.10", EnrolledAt = DateTimeOffset.UtcNow, EnrolledBy = "Cán bộ Sở Tư pháp số " + i });
            return true;
        });
        var before = harness.Telegram.Messages(support).Count;

        for (var i = 0; i < 3; i++) harness.Telegram.SendText(support, "/dsdangky");

        await harness.Telegram.WaitForMessageAsync(support, _ => harness.Telegram.Messages(support).Count(m => m.Text.Contains("/huydangky <mã")) == 3, TimeSpan.FromSeconds(30));
        Assert.True(harness.Telegram.Messages(support).Count - before >= 6); // each roster took at least two messages
        Assert.True(harness.Telegram.TooManyRequests == 0, string.Join("\n", harness.Telegram.Calls.Select(c => $"{c.Method} {c.ChatId} {c.At:HH:mm:ss.fff} {c.StatusCode} {c.Description}")));
    }

    [Fact]
    public async Task Changing_one_alert_of_a_combined_message_edits_that_message_with_every_alert_it_holds()
    {
        await using var harness = await TelegramHarness.StartAsync();
        const long group = -100_700;
        harness.Telegram.AddChat(group, "supergroup");
        var chat = new ChatAddress(TelegramChannel.Name, group.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var store = harness.App.Service<ChatPay.Bot.Storage.IHostStore>();
        var now = DateTimeOffset.UtcNow;
        // Written in one step, so that one delivery round finds both and combines them.
        var first = store.Write(s =>
        {
            var id = s.ChatLog.Send(chat, new OutgoingMessage("Hồ sơ A: đã thanh toán"), now, MessageTopic.Alert("A"));
            s.ChatLog.Send(chat, new OutgoingMessage("Hồ sơ B: đã thanh toán"), now, MessageTopic.Alert("B"));
            return id;
        });
        var combined = await harness.Telegram.WaitForMessageAsync(group, m => m.Text.Contains("Hồ sơ A") && m.Text.Contains("Hồ sơ B"));

        store.Write(s => { s.ChatLog.Replace(first, new OutgoingMessage("Hồ sơ A: đang xử lý")); return true; });

        var edited = await harness.Telegram.WaitForMessageAsync(group, m => m.MessageId == combined.MessageId && m.Edits > 0);
        Assert.Contains("Hồ sơ A: đang xử lý", edited.Text);
        Assert.Contains("Hồ sơ B: đã thanh toán", edited.Text);
        Assert.Equal(combined.MessageId, Assert.Single(harness.Telegram.Messages(group)).MessageId);
    }

    [Fact]
    public async Task An_alert_to_an_officer_who_blocked_the_bot_is_recorded_as_failed_and_others_still_get_theirs()
    {
        await using var harness = await TelegramHarness.StartAsync();
        const long blocking = 1001, other = 1002;
        foreach (var officer in new[] { blocking, other })
        {
            harness.Telegram.SendText(officer, $"/dangky {OfficerCode(harness)}");
            await harness.WaitAsync(officer, Said.Enrolled);
        }
        harness.Telegram.BlockBot(blocking);

        AppPayments.RequestAndPay(harness.App, Code);

        await harness.WaitAsync(other, $"Hồ sơ {Code} đã thanh toán");
        var chat = new ChatAddress(TelegramChannel.Name, blocking.ToString());
        var outbox = harness.App.Service<ChatPay.Bot.Storage.IOutboxStore>();
        await Eventually.HoldsAsync(() => outbox.History(chat.Key, 0, 10).Any(e => e.Delivery == Delivery.Failed && e.LastError!.Contains("403")));
        Assert.DoesNotContain(harness.Telegram.Messages(blocking), m => m.Text.Contains($"Hồ sơ {Code} đã thanh toán"));
        var history = harness.App.Service<ChatPay.Domain.Storage.IChatPayStore>().Read(s => ChatPay.Domain.Support.DossierHistory.Describe(s, s.Dossiers.Find(Code)!));
        Assert.Contains("1 không gửi được", history);
    }

    [Fact]
    public async Task An_alert_still_pending_when_the_bot_stops_is_delivered_once_after_it_restarts()
    {
        await using var harness = await TelegramHarness.StartAsync();
        const long officer = 1001;
        harness.Telegram.SendText(officer, $"/dangky {OfficerCode(harness)}");
        await harness.WaitAsync(officer, Said.Enrolled);
        harness.Telegram.FailNext("sendMessage", 502, count: 1000);

        AppPayments.RequestAndPay(harness.App, Code);
        await Eventually.HoldsAsync(() => harness.Telegram.Calls.Any(c => c.Method == "sendMessage" && c.StatusCode == 502));
        harness.Restart();
        harness.Telegram.ClearFaults();
        harness.Telegram.SendText(officer, "/tracuu " + Code);

        // The failed send was postponed with backoff before the restart; the wait allows for the longest backoff.
        try
        {
            await harness.Telegram.WaitForMessageAsync(officer, m => m.Text.Contains($"Hồ sơ {Code} đã thanh toán"), TimeSpan.FromSeconds(75));
        }
        catch (TimeoutException e)
        {
            var calls = string.Join("\n", harness.Telegram.Calls.Where(c => c.ChatId == officer));
            var logs = string.Join("\n", harness.App.Logs.GetSnapshot().Select(r => $"{r.Timestamp:HH:mm:ss.fff} {r.Level} {r.Message} {r.Exception}"));
            throw new TimeoutException($"{e.Message}\nCalls:\n{calls}\nLogs after the restart:\n{logs}", e);
        }
        await harness.WaitAsync(officer, "📋 Hồ sơ");
        Assert.Single(harness.Telegram.Messages(officer), m => m.Text.Contains(Said.Alert(Code)));
    }

    [Fact]
    public async Task An_update_delivered_twice_is_handled_once()
    {
        await using var harness = await TelegramHarness.StartAsync();
        harness.Telegram.SendText(Citizen, "/trogiup");
        await harness.WaitAsync(Citizen, Said.Help);
        var update = new Update
        {
            Id = 900_001,
            Message = new Message { Id = 77, Date = DateTime.UtcNow, Chat = new Chat { Id = Citizen, Type = ChatType.Private }, Text = Code },
        };

        await harness.App.Service<TelegramInbound>().HandleAsync(update, default);
        await harness.App.Service<TelegramInbound>().HandleAsync(update, default);
        harness.Telegram.SendText(Citizen, "/trogiup");
        await harness.Telegram.WaitForMessageAsync(Citizen, _ => harness.Telegram.Messages(Citizen).Count(m => m.Text.Contains(Said.Help)) == 2);

        Assert.Single(harness.Telegram.Messages(Citizen), m => m.Text.Contains(Said.Fees));
    }

    [Fact]
    public async Task Webhook_mode_registers_the_webhook_takes_updates_and_refuses_a_wrong_secret()
    {
        await using var harness = await TelegramHarness.StartAsync(null,
            ("Telegram:Mode", "Webhook"), ("Telegram:WebhookUrl", "{base}/telegram/webhook"), ("Telegram:WebhookSecret", "s3cret-for_tests-long-enough-to-guess-0123"));
        await Eventually.HoldsAsync(() => harness.Telegram.WebhookUrl is not null);
        Assert.Equal("s3cret-for_tests-long-enough-to-guess-0123", harness.Telegram.WebhookSecret);

        harness.Telegram.SendText(Citizen, Code);
        await harness.WaitAsync(Citizen, Said.Fees);

        foreach (var secret in new[] { null, "wrong", "S3CRET-FOR_TESTS" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, TelegramWebhookEndpoints.Path)
            {
                Content = new StringContent("{\"update_id\":1,\"message\":{\"message_id\":1,\"date\":1,\"chat\":{\"id\":5,\"type\":\"private\"},\"text\":\"/start\"}}",
                    System.Text.Encoding.UTF8, "application/json"),
            };
            if (secret is not null) request.Headers.Add(TelegramWebhookEndpoints.SecretHeader, secret);
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await harness.App.Http.SendAsync(request)).StatusCode);
        }
    }
}
