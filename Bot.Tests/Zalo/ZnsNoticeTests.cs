using System.Text.Json;
using ChatPay.Domain.Notices;
using ChatPay.Domain.Vietnamese;
using ChatPay.Fakes.Zalo;
using ChatPay.Tests.Support;

namespace ChatPay.Tests.Zalo;

/// <summary>An applicant who linked no Zalo chat is told of a request by a ZNS template message to their phone; refusals are recorded, never retried blindly.</summary>
[Trait("Tier", "Integration")]
public class ZnsNoticeTests
{
    private const string Code = "H42.10-261127-0042";
    private const string Phone = "84912345678";

    private static Task<ZaloHarness> StartAsync() => ZaloHarness.StartAsync([.. PortalClient.Settings, ("Zalo:Zns:TemplateId", "250001")]);

    /// <summary>The dossier's ZNS notice, once its outcome is known.</summary>
    private static async Task<JsonElement> ZnsNoticeAsync(ZaloHarness harness)
    {
        var portal = new PortalClient(harness.App.Http);
        JsonElement found = default;
        await Eventually.HoldsAsync(async () =>
        {
            var notices = (await portal.DossierAsync(Code)).GetProperty("notices").EnumerateArray().Where(n => n.GetProperty("channel").GetString() == "ZNS").ToList();
            found = notices.FirstOrDefault();
            return notices.Count == 1 && found.GetProperty("delivery").GetString() != PhoneMessage.Queued;
        });
        return found;
    }

    [Fact]
    public async Task A_request_for_an_unlinked_applicant_sends_one_zns_message_with_the_code_the_amount_and_the_link()
    {
        await using var harness = await StartAsync();
        harness.Zalo.RegisterPhone(Phone);

        var (_, view) = await new PortalClient(harness.App.Http).RequestAsync(Code, phone: "0912 345 678");

        var sent = await harness.Zalo.WaitForZnsAsync(m => m.Phone == Phone);
        Assert.Equal("250001", sent.TemplateId);
        Assert.Equal(Code, sent.Data["ma_ho_so"]);
        Assert.Equal(Vnd.Format(200_000), sent.Data["so_tien"]);
        Assert.Equal(PortalClient.TokenOf(view), sent.Data["ma_thanh_toan"]);
        Assert.Equal(PhoneMessage.Sent, (await ZnsNoticeAsync(harness)).GetProperty("delivery").GetString());
        Assert.Single(harness.Zalo.ZnsSent);

        // ZNS's receipt: the person's phone got it.
        Assert.Equal(System.Net.HttpStatusCode.OK, (await harness.Driver.DeliverZnsAsync(sent)).StatusCode);
        Assert.Equal(PhoneMessage.Delivered, (await ZnsNoticeAsync(harness)).GetProperty("delivery").GetString());
    }

    [Theory]
    [InlineData(false, 500, "-118")]
    [InlineData(true, 0, "-144")]
    public async Task A_number_without_zalo_or_a_spent_quota_is_recorded_as_failed_and_not_sent_again(bool zaloUser, int quota, string error)
    {
        await using var harness = await StartAsync();
        if (zaloUser) harness.Zalo.RegisterPhone(Phone);
        harness.Zalo.SetZnsQuota(quota);

        await new PortalClient(harness.App.Http).RequestAsync(Code, phone: "0912 345 678");

        var notice = await ZnsNoticeAsync(harness);
        Assert.Equal(PhoneMessage.Failed, notice.GetProperty("delivery").GetString());
        Assert.StartsWith(error, notice.GetProperty("reason").GetString());
        Assert.Single(harness.Zalo.Calls, c => c.Path == "/message/template");
    }

    [Fact]
    public async Task An_expired_token_is_refreshed_and_the_message_sent_once()
    {
        await using var harness = await StartAsync();
        harness.Zalo.RegisterPhone(Phone);
        harness.Zalo.ExpireAccessToken();

        await new PortalClient(harness.App.Http).RequestAsync(Code, phone: "0912 345 678");

        await harness.Zalo.WaitForZnsAsync(m => m.Phone == Phone);
        Assert.Equal(PhoneMessage.Sent, (await ZnsNoticeAsync(harness)).GetProperty("delivery").GetString());
        Assert.Single(harness.Zalo.ZnsSent);
        Assert.Equal([-124, 0], harness.Zalo.Calls.Where(c => c.Path == "/message/template").Select(c => c.Error));
    }

    [Fact]
    public async Task An_applicant_with_a_linked_zalo_chat_is_told_there_and_gets_no_zns()
    {
        const string user = "6142494823";
        await using var harness = await StartAsync();
        harness.Zalo.RegisterPhone(Phone);
        await harness.Driver.FollowAsync(user);
        await harness.Zalo.WaitForMessageAsync(user, m => m.RequestsUserInfo);
        await harness.Driver.SubmitInfoAsync(user, "Nguyễn Văn An", Phone);
        await harness.WaitAsync(user, NoticeTexts.Linked(Phone).Text);

        await new PortalClient(harness.App.Http).RequestAsync(Code, phone: "0912 345 678");

        await harness.WaitAsync(user, $"Hồ sơ {Code} cần thanh toán");
        var notices = (await new PortalClient(harness.App.Http).DossierAsync(Code)).GetProperty("notices");
        Assert.Equal(["Zalo"], notices.EnumerateArray().Select(n => n.GetProperty("channel").GetString()));
        Assert.Empty(harness.Zalo.ZnsSent);
    }
}
