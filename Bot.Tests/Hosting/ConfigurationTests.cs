using System.ComponentModel.DataAnnotations;
using ChatPay.Bot.Api;
using ChatPay.Bot.Channels.Telegram;
using ChatPay.Bot.Channels.Zalo;
using ChatPay.Bot.Conversations;
using ChatPay.Bot.Demo;
using ChatPay.Bot.Hosting;
using ChatPay.Bot.Notices;
using ChatPay.Bot.Payments;
using ChatPay.Bot.Payments.MoMo;
using ChatPay.Bot.Payments.VnPay;
using ChatPay.Bot.Payments.ZaloPay;
using ChatPay.Bot.Portal;
using ChatPay.Bot.Receipts;
using ChatPay.Bot.Staff;
using ChatPay.Bot.Storage;
using ChatPay.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace ChatPay.Tests.Hosting;

[Trait("Tier", "Integration")]
public class ConfigurationTests
{
    private static IConfiguration Example() => new ConfigurationBuilder().AddJsonFile(Repository.File("appsettings.example.json")).Build();

    private static T Bind<T>(IConfiguration configuration, string section) where T : new()
    {
        var options = new T();
        configuration.GetSection(section).Bind(options, o => o.ErrorOnUnknownConfiguration = true);
        return options;
    }

    private static void AssertValid(object options)
    {
        var errors = new List<ValidationResult>();
        Assert.True(Validator.TryValidateObject(options, new ValidationContext(options), errors, validateAllProperties: true),
            string.Join("; ", errors.Select(e => e.ErrorMessage)));
    }

    [Fact]
    public void The_documented_example_binds_every_section_without_unknown_keys_and_validates()
    {
        var example = Example();

        AssertValid(Bind<AppOptions>(example, AppOptions.Section));
        AssertValid(Bind<StorageOptions>(example, StorageOptions.Section));
        AssertValid(Bind<ConversationsOptions>(example, ConversationsOptions.Section));
        AssertValid(Bind<ReceiptsOptions>(example, ReceiptsOptions.Section));
        AssertValid(Bind<NotificationsOptions>(example, NotificationsOptions.Section));
        Assert.Empty(SettingsCheck.Run(example));
        var payments = new PaymentsOptions();
        example.GetSection(PaymentsOptions.Section).Bind(payments);
        AssertValid(payments);
        Assert.Equal(GatewayKind.Live, payments.Gateway);
        var offered = GatewayModules.Offered(example, payments.Gateway);
        Assert.Equal(GatewayModules.All.Select(g => g.Name), offered.Select(g => g.Name));
        Assert.Null(payments.UnofferedChoice(offered));
        Assert.True(new VnPayOptions.Check().Validate(null, Bind<VnPayOptions>(example, VnPayOptions.Section)).Succeeded);
        Assert.True(new MoMoOptions.Check().Validate(null, Bind<MoMoOptions>(example, MoMoOptions.Section)).Succeeded);
        Assert.True(new ZaloPayOptions.Check().Validate(null, Bind<ZaloPayOptions>(example, ZaloPayOptions.Section)).Succeeded);
        var demo = Bind<DemoOptions>(example, DemoOptions.Section);
        Assert.False(demo.Enabled);
        AssertValid(Bind<ApiOptions>(example, ApiOptions.Section));
        var zalo = Bind<ZaloOptions>(example, ZaloOptions.Section);
        AssertValid(zalo);
        Assert.True(zalo.Enabled);
        var telegram = Bind<TelegramOptions>(example, TelegramOptions.Section);
        AssertValid(telegram);
        Assert.True(telegram.Enabled);
        var portal = Bind<PortalOptions>(example, PortalOptions.Section);
        AssertValid(portal);
        Assert.True(portal.Enabled);
        var staff = new StaffOptionsValidator(Options.Create(demo)).Validate(null, Bind<StaffOptions>(example, StaffOptions.Section));
        Assert.True(staff.Succeeded, staff.FailureMessage);
    }

    [Fact]
    public void Every_top_level_section_of_the_example_is_one_the_bot_reads()
    {
        string[] known = ["Urls", "Logging", "AllowedHosts", .. ChatPaySections.All.Keys];

        Assert.All(Example().GetChildren(), section => Assert.Contains(section.Key, known));
    }

    [Fact]
    public void Keys_no_setting_reads_are_reported_and_values_that_do_not_fit_stop_the_check()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Payments:Gatway"] = "VnPay",
            ["Storage:Engine"] = "PostgreSql",
            ["Staff:Agencies:0:Code"] = "H42.10",
            ["Staff:Agencies:0:Nmae"] = "Sở",
            ["Api:Keys:0:Agencies:0"] = "H42.10",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Payments:Gateway"] = "vnpay",
        }).Build();

        Assert.Equal(["Payments:Gatway", "Staff:Agencies:0:Nmae", "Storage:Engine"], SettingsCheck.Run(configuration).Order(StringComparer.Ordinal));
        var wrong = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Payments:LinkLifetime"] = "a while" }).Build();
        Assert.Contains("Payments:LinkLifetime", Assert.Throws<SettingsException>(() => SettingsCheck.Run(wrong)).Message);
    }

    [Fact]
    public async Task A_misspelled_setting_is_warned_about_at_start()
    {
        using var directory = new TempDirectory();
        using var app = new ChatPayApp(directory.File("chatpay.db"), new Dictionary<string, string?> { ["Payments:Gatway"] = "VnPay" });

        await Eventually.HoldsAsync(() => app.Logs.GetSnapshot().Any(r =>
            r.Level == Microsoft.Extensions.Logging.LogLevel.Warning && r.Message.Contains("Payments:Gatway")));
    }

    [Fact]
    public async Task A_local_public_address_on_another_port_than_the_one_listened_on_is_warned_about()
    {
        using var directory = new TempDirectory();
        using var app = new ChatPayApp(directory.File("chatpay.db"), new Dictionary<string, string?> { ["App:PublicBaseUrl"] = "http://localhost:1" });

        // Said once the server has started, which the test host may report a moment before it runs the callbacks.
        await Eventually.HoldsAsync(() => app.Logs.GetSnapshot().Any(r =>
            r.Level == Microsoft.Extensions.Logging.LogLevel.Warning && r.Message.Contains("links would point elsewhere")));
    }
}
