using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatPay.Bot.Api;
using ChatPay.Bot.Payments.VnPay;
using ChatPay.Domain;
using ChatPay.Domain.Refunds;
using ChatPay.Domain.Reports;
using ChatPay.Domain.Storage;
using ChatPay.Tests.Support;

namespace ChatPay.Tests.Refunds;

/// <summary>In the demo, end to end: a dossier paid twice, support asks, an officer approves, the sandbox refunds, the payer is told.</summary>
[Trait("Tier", "Integration")]
public sealed class RefundJourneyTests : IDisposable
{
    private const string Code = "H42.10-261125-0001";
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private ChatPayApp Start() => new(_directory.File("chatpay.db"), PortalClient.Settings.ToDictionary(s => s.Key, s => (string?)s.Value));

    /// <summary>Two people pay the same dossier; returns the one whose money is owed back.</summary>
    private static async Task<WebChatUser> PaidTwiceAsync(ChatPayApp app)
    {
        var first = await WebChatUser.OpenAsync(app.Http);
        var second = await WebChatUser.OpenAsync(app.Http);
        // Both reach the bank's page before either pays: the bank takes both payments.
        var firstPage = await SandboxPayer.FollowLinkAsync(app.Http, await first.RequestPaymentLinkAsync(Code));
        var secondPage = await SandboxPayer.FollowLinkAsync(app.Http, await second.RequestPaymentLinkAsync(Code));
        await SandboxPayer.PayOnBankPageAsync(app.Http, firstPage);
        await first.WaitForTextAsync(Said.Paid);
        await SandboxPayer.PayOnBankPageAsync(app.Http, secondPage);
        return second;
    }

    [Fact]
    public async Task A_double_payment_is_refunded_by_support_and_an_officer_and_the_payer_is_told_in_their_chat()
    {
        using var app = Start();
        var rules = app.Service<ChatPayRules>();
        var support = await WebChatUser.EnrolAsync(app.Http, rules.Staff.SupportEnrollmentCode);
        var officer = await WebChatUser.EnrolAsync(app.Http, rules.Staff.Agency("H42.10")!.EnrollmentCode);
        var payer = await PaidTwiceAsync(app);

        var owed = app.Service<IChatPayStore>().Read(s => s.Payments.Find($"{Code}_2"))!;
        var ask = RefundTexts.Ask(owed, owed.Amount).Label;
        await support.WaitForAsync(m => m.Choices.Any(c => c.Label == ask));
        await support.PressAsync(ask);
        await officer.WaitForAsync(m => m.Choices.Any(c => c.Label == RefundTexts.ApproveLabel));
        await officer.PressAsync(RefundTexts.ApproveLabel);

        var told = await payer.WaitForTextAsync("Đã hoàn");
        Assert.Contains(owed.BankName, told.Text);
        var refund = JsonDocument.Parse(await (await new PortalClient(app.Http).SendAsync(HttpMethod.Get, $"/api/v1/refunds/{owed.Id}-r1")).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("refunded", refund.GetProperty("state").GetString());
        Assert.Equal(owed.Amount, refund.GetProperty("amount").GetInt64());
        Assert.True(refund.GetProperty("full").GetBoolean());
        var dossier = await new PortalClient(app.Http).DossierAsync(Code);
        Assert.Equal("refunded", Assert.Single(dossier.GetProperty("refunds").EnumerateArray()).GetProperty("state").GetString());
        // The day's reconciliation reports the money back on the day it went back.
        var today = DailyReport.DayOf(DateTimeOffset.UtcNow).ToString("yyyy-MM-dd");
        var report = JsonDocument.Parse(await (await new PortalClient(app.Http).SendAsync(HttpMethod.Get, $"/api/v1/reports/daily?date={today}")).Content.ReadAsStringAsync()).RootElement;
        var back = Assert.Single(report.GetProperty("refunds").EnumerateArray());
        Assert.Equal(owed.Amount, back.GetProperty("amount").GetInt64());
        Assert.True(back.GetProperty("refunded").GetBoolean());
        // The gateway says it too, when asked: what a lost answer is settled by.
        var refunds = app.Service<VnPayRefunds>();
        Assert.IsType<RefundResult.Done>(await refunds.QueryAsync(owed, new Refund { Id = $"{owed.Id}-r1" }, onlyRefund: true, CancellationToken.None));
        var credited = app.Service<IChatPayStore>().Read(s => s.Payments.Find($"{Code}_1"))!;
        Assert.IsType<RefundResult.NotFound>(await refunds.QueryAsync(credited, new Refund { Id = $"{credited.Id}-r1" }, onlyRefund: true, CancellationToken.None));
    }

    [Fact]
    public async Task Over_telegram_support_asks_in_its_chat_and_the_officers_group_approves()
    {
        const long Support = 501, Officers = -1001, Officer = 7;
        await using var harness = await TelegramHarness.StartAsync();
        var telegram = harness.Telegram;
        var rules = harness.App.Service<ChatPayRules>();
        telegram.SendText(Support, $"/dangky {rules.Staff.SupportEnrollmentCode}");
        await harness.WaitAsync(Support, Said.Enrolled);
        telegram.SendText(Officers, $"/dangky@{telegram.Options.BotUsername} {rules.Staff.Agency("H42.10")!.EnrollmentCode}", Officer, "Lê Đình Nhu", "supergroup");
        await harness.WaitAsync(Officers, Said.EnrolledAsOfficer(rules.Staff.Agency("H42.10")!));
        var payer = await PaidTwiceAsync(harness.App);

        var owed = harness.App.Service<IChatPayStore>().Read(s => s.Payments.Find($"{Code}_2"))!;
        var ask = RefundTexts.Ask(owed, owed.Amount).Label;
        await telegram.WaitForMessageAsync(Support, m => m.Keyboard.SelectMany(r => r).Any(b => b.Text == ask));
        harness.Press(Support, ask, Support, "Hỗ trợ");
        await harness.WaitAsync(Officers, "Đề nghị hoàn tiền");
        harness.Press(Officers, RefundTexts.ApproveLabel, Officer, "Lê Đình Nhu");

        await payer.WaitForTextAsync("Đã hoàn");
        await telegram.WaitForMessageAsync(Officers, m => m.Text.Contains("Đã hoàn tiền (duyệt bởi Lê Đình Nhu"));
    }

    [Fact]
    public async Task An_agency_system_asks_with_an_idempotency_key_within_what_was_taken()
    {
        using var app = Start();
        var payer = await WebChatUser.OpenAsync(app.Http);
        await SandboxPayer.PayAsync(app.Http, await payer.RequestPaymentLinkAsync(Code));
        await payer.WaitForTextAsync(Said.Paid);
        async Task<HttpResponseMessage> AskAsync(long? amount, string? key)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/refunds")
            {
                Content = JsonContent.Create(new { paymentId = $"{Code}_1", amount, reason = "Hồ sơ bị từ chối tiếp nhận" }),
            };
            request.Headers.Add(ApiKeyCheck.Header, PortalClient.Key);
            if (key is not null) request.Headers.Add(RefundEndpoints.IdempotencyHeader, key);
            return await app.Http.SendAsync(request);
        }

        var created = await AskAsync(50_000, "k-1");
        var again = await AskAsync(50_000, "k-1");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var first = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(first.GetProperty("id").GetString(), (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString());
        Assert.Equal("awaitingApproval", first.GetProperty("state").GetString());
        Assert.False(first.GetProperty("full").GetBoolean());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await AskAsync(200_000, "k-2")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await AskAsync(1_000, null)).StatusCode);
        Assert.Single(app.Service<IChatPayStore>().Read(s => s.Refunds.OfDossier(Code)));
    }
}
