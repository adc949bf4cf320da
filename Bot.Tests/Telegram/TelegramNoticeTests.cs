using System.Text.Json;
using ChatPay.Domain.Notices;
using ChatPay.Tests.Support;

namespace ChatPay.Tests.Telegram;

/// <summary>Over the Bot API: a citizen shares their own number once, and a request the portal makes reaches them with a working button.</summary>
[Trait("Tier", "Integration")]
public class TelegramNoticeTests
{
    private const long Citizen = 42;
    private const string Code = "H42.10-261127-0042";

    [Fact]
    public async Task A_request_from_the_portal_reaches_the_linked_chat_in_seconds_and_its_button_leads_to_a_receipt()
    {
        await using var harness = await TelegramHarness.StartAsync(null, [.. PortalClient.Settings]);
        var telegram = harness.Telegram;
        telegram.SendText(Citizen, "/start");
        await harness.WaitAsync(Citizen, NoticeTexts.OfferLink().Text[..40]);
        Assert.Equal(NoticeTexts.SharePhoneLabel, telegram.ContactButton(Citizen));
        telegram.SharePhone(Citizen, "84912345678");
        await harness.WaitAsync(Citizen, NoticeTexts.Linked("84912345678").Text);
        Assert.Null(telegram.ContactButton(Citizen));

        var portal = new PortalClient(harness.App.Http);
        await portal.RequestAsync(Code, phone: "0912 345 678");

        var notice = await harness.WaitAsync(Citizen, $"Hồ sơ {Code} cần thanh toán");
        Assert.Contains(TelegramHarness.Button(notice, NoticeTexts.PayLabel).CallbackData!, $"p:{Code}");
        harness.Press(Citizen, NoticeTexts.PayLabel);
        await harness.WaitAsync(Citizen, Said.Fees);
        harness.Press(Citizen, "Xác nhận");
        await harness.WaitAsync(Citizen, Said.ChooseBank);
        harness.Press(Citizen, "Vietcombank");
        await SandboxPayer.PayAsync(harness.App.Http, TelegramHarness.PaymentLink(await harness.WaitAsync(Citizen, Said.PaymentLink)));
        await harness.WaitAsync(Citizen, Said.Paid);

        var notices = (await portal.DossierAsync(Code)).GetProperty("notices");
        var sent = Assert.Single(notices.EnumerateArray());
        Assert.Equal("Telegram", sent.GetProperty("channel").GetString());
        Assert.Equal("notice", sent.GetProperty("kind").GetString());
        Assert.Equal("delivered", sent.GetProperty("delivery").GetString());
    }

    [Fact]
    public async Task Someone_elses_contact_is_refused_and_links_nothing()
    {
        await using var harness = await TelegramHarness.StartAsync(null, [.. PortalClient.Settings]);
        harness.Telegram.SendContact(Citizen, "+84987654321", contactUserId: 777);
        await harness.WaitAsync(Citizen, NoticeTexts.NotOwnNumber().Text);
        harness.Telegram.SendContact(Citizen, "+84987654321", contactUserId: null);
        await harness.Telegram.WaitForMessageAsync(Citizen, m => m.Text == NoticeTexts.NotOwnNumber().Text && harness.Telegram.Messages(Citizen).Count(x => x.Text == m.Text) == 2);

        await new PortalClient(harness.App.Http).RequestAsync(Code, phone: "0987654321");

        var notices = (await new PortalClient(harness.App.Http).DossierAsync(Code)).GetProperty("notices");
        Assert.Equal("none", Assert.Single(notices.EnumerateArray()).GetProperty("channel").GetString());
        Assert.Equal(JsonValueKind.Array, notices.ValueKind);
    }
}
