using System.Globalization;
using ChatPay.Domain;
using ChatPay.Fakes.MoMo;
using ChatPay.Fakes.ZaloPay;
using ChatPay.Tests.Support;

namespace ChatPay.Tests.Telegram;

/// <summary>The whole journey over the Bot API paying with an e-wallet: MoMo's and ZaloPay's fakes beside the sandbox.</summary>
[Trait("Tier", "Integration")]
public class TelegramWalletTests
{
    private const long Citizen = 42;
    private const long OfficersGroup = -1001;
    private const long Officer = 7;
    private const string Code = "H42.10-261125-0001";

    [Theory]
    [InlineData("Ví MoMo")]
    [InlineData("Ví ZaloPay")]
    public async Task A_citizen_pays_with_a_wallet_in_telegram_and_the_officers_group_is_alerted(string wallet)
    {
        await using var momo = await FakeMoMoServer.StartAsync();
        await using var zaloPay = await FakeZaloPayServer.StartAsync();
        await using var harness = await TelegramHarness.StartAsync(null,
            ("Payments:MoMo:PartnerCode", momo.Options.PartnerCode), ("Payments:MoMo:AccessKey", momo.Options.AccessKey),
            ("Payments:MoMo:SecretKey", momo.Options.SecretKey), ("Payments:MoMo:ApiUrl", momo.BaseUrl),
            ("Payments:ZaloPay:AppId", zaloPay.Options.AppId.ToString(CultureInfo.InvariantCulture)), ("Payments:ZaloPay:Key1", zaloPay.Options.Key1),
            ("Payments:ZaloPay:Key2", zaloPay.Options.Key2), ("Payments:ZaloPay:ApiUrl", zaloPay.BaseUrl));
        var telegram = harness.Telegram;
        var rules = harness.App.Service<ChatPayRules>();
        telegram.SendText(OfficersGroup, $"/dangky@{telegram.Options.BotUsername} {rules.Staff.Agency("H42.10")!.EnrollmentCode}", Officer, "Lê Đình Nhu", "supergroup");
        await harness.WaitAsync(OfficersGroup, Said.EnrolledAsOfficer(rules.Staff.Agency("H42.10")!));

        telegram.SendText(Citizen, Code);
        await harness.WaitAsync(Citizen, Said.Fees);
        harness.Press(Citizen, "Xác nhận");
        await harness.WaitAsync(Citizen, Said.ChooseBank);
        harness.Press(Citizen, wallet);
        var linkMessage = await harness.WaitAsync(Citizen, Said.PaymentLink);
        await SandboxPayer.FollowLinkAsync(harness.App.Http, TelegramHarness.PaymentLink(linkMessage));

        if (wallet == "Ví MoMo") await momo.PayAsync(Assert.Single(momo.Orders).OrderId);
        else await zaloPay.PayAsync(Assert.Single(zaloPay.Orders).AppTransId);

        await harness.WaitAsync(Citizen, Said.Paid);
        await telegram.WaitForMessageAsync(Citizen, m => m.MessageId == linkMessage.MessageId && m.Text == $"Đã thanh toán 200.000 ₫ qua {wallet}.");
        await harness.WaitAsync(OfficersGroup, Said.Alert(Code));
    }
}
