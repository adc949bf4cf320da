using ChatPay.Bot.Api;
using ChatPay.Domain;
using ChatPay.Domain.Chats;
using ChatPay.Domain.Staff;
using ChatPay.Domain.Storage;
using ChatPay.Domain.Vietnamese;
using ChatPay.Tests.Support;

namespace ChatPay.Tests.Telegram;

/// <summary>The whole journey over the Bot API, with the real Telegram.Bot client against the fake server.</summary>
[Trait("Tier", "Integration")]
public class TelegramJourneyTests
{
    private const long Citizen = 42;
    private const long OfficersGroup = -1001;
    private const long Officer = 7;
    private const string Code = "H42.10-261125-0001";

    private static string OfficerCode(TelegramHarness harness) =>
        harness.App.Service<ChatPayRules>().Staff.Agencies.Single(a => a.Code == "H42.10").EnrollmentCode;

    [Fact]
    public async Task A_deep_link_opens_the_bot_on_the_dossiers_fees_with_nothing_typed()
    {
        await using var harness = await TelegramHarness.StartAsync();
        var telegram = harness.Telegram;
        var dossier = harness.App.Service<IChatPayStore>().Read(s => s.Dossiers.Find(Code))!;

        var link = harness.App.Service<PayLinkUrls>().Of(dossier)!.Telegram;
        // What Telegram sends the bot at the person's first tap on t.me/<bot>?start=<token>.
        telegram.SendText(Citizen, $"/start {dossier.PayLinkToken}");

        Assert.Equal($"https://t.me/{telegram.Options.BotUsername}?start={dossier.PayLinkToken}", link);
        await harness.WaitAsync(Citizen, Said.Total(200_000));
        harness.Press(Citizen, "Xác nhận");
        await harness.WaitAsync(Citizen, Said.ChooseBank);
    }

    [Fact]
    public async Task A_citizen_pays_in_telegram_and_the_officers_group_is_alerted_and_takes_the_dossier()
    {
        await using var harness = await TelegramHarness.StartAsync();
        var telegram = harness.Telegram;
        telegram.SendText(OfficersGroup, $"/dangky@{telegram.Options.BotUsername} {OfficerCode(harness)}", Officer, "Lê Đình Nhu", "supergroup");
        await harness.WaitAsync(OfficersGroup, Said.EnrolledAsOfficer(harness.App.Service<ChatPayRules>().Staff.Agency("H42.10")!));

        telegram.SendText(Citizen, "/start");
        await harness.WaitAsync(Citizen, Said.Welcome);
        telegram.SendText(Citizen, "mã hồ sơ h42.10 261125 0001");
        var fees = await harness.WaitAsync(Citizen, Said.Total(200_000));
        Assert.Contains("Nguyễn V** A*", fees.Text);
        harness.Press(Citizen, "Xác nhận");
        await harness.WaitAsync(Citizen, Said.ChooseBank);
        harness.Press(Citizen, "Vietcombank");
        var linkMessage = await harness.WaitAsync(Citizen, Said.PaymentLink);

        await SandboxPayer.PayAsync(harness.App.Http, TelegramHarness.PaymentLink(linkMessage));

        var receipt = await harness.WaitAsync(Citizen, Said.Paid);
        Assert.Contains(Vnd.Format(200_000), receipt.Text);
        var edited = await telegram.WaitForMessageAsync(Citizen, m => m.MessageId == fees.MessageId && m.Text.Contains("Đã chọn: Xác nhận"));
        Assert.DoesNotContain(edited.Keyboard.SelectMany(r => r), b => b.CallbackData is not null);
        var closedLink = await telegram.WaitForMessageAsync(Citizen, m => m.MessageId == linkMessage.MessageId && m.Text == "Đã thanh toán 200.000 ₫ qua Vietcombank.");
        Assert.Empty(closedLink.Keyboard.SelectMany(r => r));
        await Eventually.HoldsAsync(() => telegram.CallbackQueryIds.All(telegram.WasAnswered));

        var alert = await harness.WaitAsync(OfficersGroup, Said.Alert(Code));
        Assert.Contains("Nguyễn Văn An", alert.Text);
        harness.Press(OfficersGroup, "Tiếp nhận", Officer, "Lê Đình Nhu");
        await telegram.WaitForMessageAsync(OfficersGroup, m => m.MessageId == alert.MessageId && m.Text.Contains(Said.Claimed("Lê Đình Nhu")));
        Assert.Equal(0, telegram.TooManyRequests);
    }

    [Fact]
    public async Task A_double_tap_on_a_bank_starts_one_payment()
    {
        await using var harness = await TelegramHarness.StartAsync();
        harness.Telegram.SendText(Citizen, Code);
        await harness.WaitAsync(Citizen, Said.Fees);
        harness.Press(Citizen, "Xác nhận");
        await harness.WaitAsync(Citizen, Said.ChooseBank);

        harness.Press(Citizen, "Vietcombank");
        harness.Press(Citizen, "Vietcombank");

        await harness.WaitAsync(Citizen, Said.Stale);
        Assert.Single(harness.App.Service<IChatPayStore>().Read(s => s.Payments.OfDossier(Code)));
        Assert.Single(harness.Telegram.Messages(Citizen), m => m.Text.Contains(Said.PaymentLink));
    }

    [Fact]
    public async Task A_press_on_an_old_keyboard_or_a_forged_payload_changes_nothing()
    {
        await using var harness = await TelegramHarness.StartAsync();
        var telegram = harness.Telegram;
        telegram.SendText(Citizen, Code);
        var fees = await harness.WaitAsync(Citizen, Said.Fees);
        var confirm = TelegramHarness.Button(fees, "Xác nhận").CallbackData!;
        harness.Press(Citizen, "Xác nhận");
        await harness.WaitAsync(Citizen, Said.ChooseBank);

        telegram.Press(Citizen, fees.MessageId, confirm);
        await harness.WaitAsync(Citizen, Said.Stale);
        telegram.Press(Citizen, fees.MessageId, "b:99:VCB");
        await harness.WaitAsync(Citizen, Said.Invalid);
        telegram.Press(Citizen, 999_999, "ok:2");

        await harness.WaitAsync(Citizen, Said.Invalid);
        Assert.Empty(harness.App.Service<IChatPayStore>().Read(s => s.Payments.OfDossier(Code)));
        await Eventually.HoldsAsync(() => telegram.CallbackQueryIds.Count == 4 && telegram.CallbackQueryIds.All(telegram.WasAnswered));
    }

    [Fact]
    public async Task A_press_before_telegram_has_answered_the_send_still_closes_that_message()
    {
        await using var harness = await TelegramHarness.StartAsync();
        var telegram = harness.Telegram;
        telegram.DelayNext("sendMessage", TimeSpan.FromSeconds(2));
        telegram.SendText(Citizen, Code);
        var fees = await harness.WaitAsync(Citizen, Said.Fees);

        harness.Press(Citizen, "Xác nhận");

        await harness.WaitAsync(Citizen, Said.ChooseBank);
        var closed = await telegram.WaitForMessageAsync(Citizen, m => m.MessageId == fees.MessageId && m.Text.Contains("Đã chọn: Xác nhận"));
        Assert.Empty(closed.Keyboard.SelectMany(r => r));
        Assert.DoesNotContain(telegram.Messages(Citizen), m => m.Text.Contains(Said.Stale));
    }

    [Fact]
    public async Task A_conversation_resumes_after_the_bot_restarts()
    {
        await using var harness = await TelegramHarness.StartAsync();
        harness.Telegram.SendText(Citizen, Code);
        await harness.WaitAsync(Citizen, Said.Fees);

        harness.Restart();
        harness.Press(Citizen, "Xác nhận");

        await harness.WaitAsync(Citizen, Said.ChooseBank);
    }

    [Fact]
    public async Task Groups_get_only_staff_commands_and_never_a_citizens_data()
    {
        await using var harness = await TelegramHarness.StartAsync();
        var telegram = harness.Telegram;
        const long group = -1002;

        telegram.SendText(group, "chào mọi người", Officer, "A", "group");
        telegram.SendText(group, "/start@SomeOtherBot", Officer, "A", "group");
        telegram.SendText(group, $"/start@{telegram.Options.BotUsername} {Code}", Officer, "A", "group");
        var help = await harness.WaitAsync(group, StaffTexts.GroupHelp().Text.Split('\n')[0]);
        telegram.SendText(group, $"/tracuu {Code}", Officer, "A", "group");
        var status = await harness.WaitAsync(group, "Chờ thanh toán 200.000 ₫");

        Assert.Contains("Nguyễn V** A*", status.Text);
        Assert.DoesNotContain("0912345678", status.Text);
        Assert.Equal(2, telegram.Messages(group).Count);
        Assert.DoesNotContain(telegram.Messages(group), m => m.Text.Contains(Said.Fees));
        Assert.NotNull(help);
    }

    [Fact]
    public async Task Commands_are_registered_in_vietnamese()
    {
        await using var harness = await TelegramHarness.StartAsync();

        await Eventually.HoldsAsync(() => harness.Telegram.Commands.Count > 0);

        Assert.Contains(harness.Telegram.Commands, c => c.Command == "baoloi" && c.Description.Contains(CommandTable.Of(CommandAction.Report).Description));
        Assert.Contains(harness.Telegram.Commands, c => c.Command == "dangky");
    }
}
