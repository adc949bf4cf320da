using System.ComponentModel.DataAnnotations;
using ChatPay.Bot.Api;
using ChatPay.Bot.Channels.Telegram;
using ChatPay.Bot.Channels.Zalo;
using ChatPay.Bot.Conversations;
using ChatPay.Bot.Demo;
using ChatPay.Bot.Hosting;
using ChatPay.Bot.Payments;
using ChatPay.Bot.Portal;
using ChatPay.Bot.Receipts;
using ChatPay.Bot.Staff;
using ChatPay.Bot.Storage;
using ChatPay.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace ChatPay.Tests.Hosting;

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
        var payments = Bind<PaymentsOptions>(example, PaymentsOptions.Section);
        AssertValid(payments);
        Assert.Equal(GatewayKind.VnPay, payments.Gateway);
        Assert.NotEmpty(payments.Banks);
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
        string[] known = ["Urls", "Logging", "AllowedHosts", .. SettingsCheck.Sections.Keys];

        Assert.All(Example().GetChildren(), section => Assert.Contains(section.Key, known));
    }

    [Theory]
    [InlineData("Payments:Gateway", "VnPay", "Payments:VnPay:TmnCode")]
    [InlineData("App:PublicBaseUrl", "not a url", "App:PublicBaseUrl")]
    [InlineData("Payments:LinkLifetime", "00:00:10", "Payments:LinkLifetime")]
    [InlineData("Receipts:SeriesPrefix", "bad prefix", "Receipts:SeriesPrefix")]
    [InlineData("Conversations:IdleTimeout", "00:00:05", "Conversations:IdleTimeout")]
    [InlineData("Demo:Enabled", "false", "Staff:Agencies")]
    [InlineData("Demo:Enabled", "false", "Payments:Gateway")]
    [InlineData("Payments:Gateway", "Live", "Payments:Gateway")]
    [InlineData("Conversations:IdleTimeout", "soon", "Conversations:IdleTimeout")]
    [InlineData("Limits:UnknownCodes:PerAddress", "many", "Limits:UnknownCodes:PerAddress")]
    [InlineData("Telegram:WebhookSecret", "short-secret", "Telegram:WebhookSecret")]
    [InlineData("Staff:SupportEnrollmentCode", "SHORT-CODE", "Staff:SupportEnrollmentCode")]
    [InlineData("App:KnownProxies:0", "the-proxy", "App:KnownProxies")]
    public async Task Invalid_settings_stop_the_bot_at_start_up_with_one_sentence_naming_the_setting(string key, string value, string named)
    {
        using var directory = new TempDirectory();

        using var bot = BotProcess.Start($"--Storage:DatabasePath={directory.File("chatpay.db")}", "--Urls=http://127.0.0.1:0", $"--{key}={value}");

        Assert.Equal(1, await bot.ExitCodeAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains(named, bot.Output);
        Assert.DoesNotContain("   at ", bot.Output);
    }

    [Fact]
    public void Keys_no_setting_reads_are_reported_and_values_that_do_not_fit_stop_the_check()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Payments:Gatway"] = "VnPay",
            ["Storage:Provider"] = "PostgreSql",
            ["Staff:Agencies:0:Code"] = "H42.10",
            ["Staff:Agencies:0:Nmae"] = "Sở",
            ["Api:Keys:0:Agencies:0"] = "H42.10",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Payments:Gateway"] = "vnpay",
        }).Build();

        Assert.Equal(["Payments:Gatway", "Staff:Agencies:0:Nmae", "Storage:Provider"], SettingsCheck.Run(configuration).Order(StringComparer.Ordinal));
        var wrong = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Payments:LinkLifetime"] = "a while" }).Build();
        Assert.Contains("Payments:LinkLifetime", Assert.Throws<SettingsException>(() => SettingsCheck.Run(wrong)).Message);
    }

    [Fact]
    public void A_misspelled_setting_is_warned_about_at_start()
    {
        using var directory = new TempDirectory();
        using var app = new ChatPayApp(directory.File("chatpay.db"), new Dictionary<string, string?> { ["Payments:Gatway"] = "VnPay" });

        Assert.Contains(app.Logs.GetSnapshot(), r => r.Level == Microsoft.Extensions.Logging.LogLevel.Warning && r.Message.Contains("Payments:Gatway"));
    }
}
