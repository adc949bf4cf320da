using System.Net;
using ChatPay.Bot.Channels.Zalo;
using ChatPay.Bot.Storage;
using ChatPay.Domain;
using ChatPay.Domain.Chats;
using ChatPay.Domain.Notices;
using ChatPay.Domain.Storage;
using ChatPay.Domain.Vietnamese;
using ChatPay.Fakes.Zalo;
using ChatPay.Tests.Support;

namespace ChatPay.Tests.Zalo;

/// <summary>The journey for citizens and officers who live in Zalo, over the OA API and its signed webhook.</summary>
[Trait("Tier", "Integration")]
public class ZaloChannelTests
{
    private const string Citizen = "6142494823";
    private const string Officer = "7000000001";
    private const string Code = "H42.10-261125-0001";

    private static string OfficerCode(ZaloHarness harness) =>
        harness.App.Service<ChatPayRules>().Staff.Agencies.Single(a => a.Code == "H42.10").EnrollmentCode;

    private static async Task<ZaloSent> PayAsync(ZaloHarness harness)
    {
        (await harness.Driver.SendTextAsync(Citizen, Code)).EnsureSuccessStatusCode();
        await harness.WaitAsync(Citizen, Said.Total(200_000));
        await harness.TapAsync(Citizen, "Xác nhận");
        await harness.WaitAsync(Citizen, Said.ChooseBank);
        await harness.TapAsync(Citizen, "Vietcombank");
        var link = await harness.WaitAsync(Citizen, Said.PaymentLink);
        await SandboxPayer.PayAsync(harness.App.Http, ZaloHarness.Link(link, "Thanh toán 200.000 ₫"));
        return await harness.WaitAsync(Citizen, Said.Paid);
    }

    [Fact]
    public async Task A_follower_who_shares_their_info_is_told_of_a_request_from_the_portal_and_pays_from_the_notice()
    {
        const string requested = "H42.10-261127-0042";
        await using var harness = await ZaloHarness.StartAsync([.. PortalClient.Settings]);
        (await harness.Driver.FollowAsync(Citizen)).EnsureSuccessStatusCode();
        var offer = await harness.Zalo.WaitForMessageAsync(Citizen, m => m.RequestsUserInfo);
        Assert.Equal(NoticeTexts.OfferLink().Text, offer.Text);

        (await harness.Driver.SubmitInfoAsync(Citizen, "Nguyễn Văn An", "84912345678")).EnsureSuccessStatusCode();
        await harness.WaitAsync(Citizen, NoticeTexts.Linked("84912345678").Text);
        await new PortalClient(harness.App.Http).RequestAsync(requested, phone: "0912 345 678");

        await harness.WaitAsync(Citizen, $"Hồ sơ {requested} cần thanh toán");
        await harness.TapAsync(Citizen, NoticeTexts.PayLabel);
        await harness.WaitAsync(Citizen, Said.Fees);
        await harness.TapAsync(Citizen, "Xác nhận");
        await harness.WaitAsync(Citizen, Said.ChooseBank);
    }

    [Fact]
    public async Task A_follower_is_greeted_pays_and_gets_the_receipt_and_the_officer_enrolled_from_zalo_takes_the_dossier()
    {
        await using var harness = await ZaloHarness.StartAsync();
        await harness.Driver.SendTextAsync(Officer, $"/dangky {OfficerCode(harness)}");
        await harness.WaitAsync(Officer, Said.Enrolled);

        (await harness.Driver.FollowAsync(Citizen)).EnsureSuccessStatusCode();
        await harness.WaitAsync(Citizen, Said.Welcome);
        var receipt = await PayAsync(harness);

        Assert.Contains(Vnd.Format(200_000), receipt.Text);
        Assert.StartsWith(harness.App.BaseUrl + "/bien-lai/", ZaloHarness.Link(receipt, "Xem biên lai"));
        var banks = harness.Zalo.Sent(Citizen).Where(m => m.Buttons.Any(b => b.Title is "Vietcombank" or "MB Bank")).ToList();
        Assert.All(banks, m => Assert.True(m.Buttons.Count <= 5));
        Assert.Equal(2, banks.Count);

        await harness.WaitAsync(Officer, Said.Alert(Code));
        await harness.TapAsync(Officer, "Tiếp nhận");
        await harness.WaitAsync(Officer, Said.Claimed());
    }

    [Fact]
    public async Task A_missing_or_wrong_signature_is_refused_and_changes_nothing()
    {
        await using var harness = await ZaloHarness.StartAsync();
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var body = Event(harness, "forged-1", now);
        var wrongKey = ZaloWebhookDriver.Sign(harness.Zalo.Options.AppId, body, now, "not-the-secret");
        var right = ZaloWebhookDriver.Sign(harness.Zalo.Options.AppId, body, now, harness.Zalo.Options.OaSecretKey);

        Assert.Equal(HttpStatusCode.Unauthorized, (await harness.Driver.PostAsync(body, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await harness.Driver.PostAsync(body, $"mac={wrongKey}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await harness.Driver.PostAsync(body.Replace(Code, "H42.10-261125-0002"), $"mac={right}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await harness.Driver.PostAsync("{not json", $"mac={right}")).StatusCode);

        var chat = new ChatAddress(ZaloChannel.Name, Citizen);
        Assert.Empty(harness.App.Service<IOutboxStore>().History(chat.Key, 0, 10));
        Assert.Equal(HttpStatusCode.OK, (await harness.Driver.PostAsync(body, right.ToUpperInvariant())).StatusCode);
    }

    [Theory]
    [InlineData(-6)]
    [InlineData(6)]
    public async Task A_rightly_signed_event_more_than_five_minutes_from_now_is_refused_as_a_replay(int minutes)
    {
        await using var harness = await ZaloHarness.StartAsync();
        var then = DateTimeOffset.UtcNow.AddMinutes(minutes).ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var body = Event(harness, "replayed-1", then);
        var signature = ZaloWebhookDriver.Sign(harness.Zalo.Options.AppId, body, then, harness.Zalo.Options.OaSecretKey);

        Assert.Equal(HttpStatusCode.Unauthorized, (await harness.Driver.PostAsync(body, $"mac={signature}")).StatusCode);
        Assert.Empty(harness.App.Service<IOutboxStore>().History(new ChatAddress(ZaloChannel.Name, Citizen).Key, 0, 10));
    }

    private static string Event(ZaloHarness harness, string messageId, string timestamp) =>
        $"{{\"app_id\":\"{harness.Zalo.Options.AppId}\",\"event_name\":\"user_send_text\",\"sender\":{{\"id\":\"{Citizen}\"}}," +
        $"\"recipient\":{{\"id\":\"{harness.Zalo.Options.OaId}\"}},\"message\":{{\"msg_id\":\"{messageId}\",\"text\":\"{Code}\"}},\"timestamp\":\"{timestamp}\"}}";

    [Fact]
    public async Task A_redelivered_event_is_ignored()
    {
        await using var harness = await ZaloHarness.StartAsync();

        await harness.Driver.SendTextAsync(Citizen, Code, msgId: "msg-1");
        await harness.Driver.SendTextAsync(Citizen, Code, msgId: "msg-1");
        await harness.Driver.SendTextAsync(Citizen, "/trogiup", msgId: "msg-2");
        await harness.WaitAsync(Citizen, Said.Help);

        Assert.Single(harness.Zalo.Sent(Citizen), m => m.Text.Contains(Said.Fees));
    }

    [Fact]
    public async Task An_expired_token_is_refreshed_the_message_resent_once_and_the_new_refresh_token_kept()
    {
        await using var harness = await ZaloHarness.StartAsync();
        harness.Zalo.ExpireAccessToken();

        await harness.Driver.SendTextAsync(Citizen, "/trogiup");
        await harness.WaitAsync(Citizen, Said.Help);

        var calls = string.Join(", ", harness.Zalo.Calls.Select(c => $"{c.Path}:{c.Error}:{c.HttpStatus}"));
        Assert.True(harness.Zalo.Refreshes == 1, calls);
        var sends = harness.Zalo.Calls.Where(c => c.Path == "/v3.0/oa/message/cs").ToList();
        Assert.True(sends.Select(c => c.Error).SequenceEqual([-216, 0]), calls);

        // The configured refresh token was used up; after a restart the one kept in the database must still work.
        harness.Restart();
        harness.Zalo.ExpireAccessToken();
        await harness.Driver.SendTextAsync(Citizen, Code);
        await harness.WaitAsync(Citizen, Said.Fees);
        Assert.True(harness.Zalo.Refreshes == 2, string.Join(", ", harness.Zalo.Calls.Select(c => $"{c.Path}:{c.Error}:{c.HttpStatus}")));
    }

    [Fact]
    public async Task A_message_outside_the_interaction_window_is_recorded_not_retried_and_the_receipt_stays_available()
    {
        await using var harness = await ZaloHarness.StartAsync();
        (await harness.Driver.SendTextAsync(Citizen, Code)).EnsureSuccessStatusCode();
        await harness.WaitAsync(Citizen, Said.Fees);
        await harness.TapAsync(Citizen, "Xác nhận");
        await harness.WaitAsync(Citizen, Said.ChooseBank);
        await harness.TapAsync(Citizen, "Vietcombank");
        var link = await harness.WaitAsync(Citizen, Said.PaymentLink);
        harness.Zalo.PutOutsideWindow(Citizen);

        await SandboxPayer.PayAsync(harness.App.Http, ZaloHarness.Link(link, "Thanh toán 200.000 ₫"));

        var chat = new ChatAddress(ZaloChannel.Name, Citizen);
        var outbox = harness.App.Service<IOutboxStore>();
        await Eventually.HoldsAsync(() => outbox.History(chat.Key, 0, 100).Any(e => e.Text.Contains(Said.Paid) && e.Delivery == Delivery.Failed));
        Assert.Single(harness.Zalo.Calls, c => c.Error == -230);
        Assert.Contains("-230", outbox.History(chat.Key, 0, 100).Single(e => e.Text.Contains(Said.Paid)).LastError);

        await harness.Driver.SendTextAsync(Citizen, $"/bienlai {Code}");
        var resent = await harness.WaitAsync(Citizen, "Biên lai số");
        Assert.Contains(resent.Buttons, b => b.Title == "Xem biên lai");
        Assert.Single(harness.Zalo.Calls, c => c.Error == -230);
    }

    [Fact]
    public async Task A_rate_limit_and_a_server_error_are_survived_with_nothing_lost_or_doubled()
    {
        await using var harness = await ZaloHarness.StartAsync();
        harness.Zalo.FailNext("/v3.0/oa/message/cs", count: 1, zaloError: -32);
        harness.Zalo.FailNext("/v3.0/oa/message/cs", count: 1, httpStatus: 500);

        await harness.Driver.SendTextAsync(Citizen, Code);
        await harness.WaitAsync(Citizen, Said.Fees);
        await harness.Driver.SendTextAsync(Citizen, "/trogiup");
        await harness.WaitAsync(Citizen, Said.Help);

        Assert.Single(harness.Zalo.Sent(Citizen), m => m.Text.Contains(Said.Fees));
        var dossier = harness.App.Service<IChatPayStore>().Read(s => s.Dossiers.Find(Code));
        Assert.NotNull(dossier);
    }
}
