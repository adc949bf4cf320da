using ChatPay.Tests.Support;

namespace ChatPay.Tests.Hosting;

/// <summary>The built Bot, started as a process with one wrong setting, refuses to start with one sentence naming it.</summary>
[Trait("Tier", "System")]
public class StartupRefusalTests
{
    [Theory]
    [InlineData("Payments:Gateway", "VnPay", "Payments:VnPay:TmnCode")]
    [InlineData("App:PublicBaseUrl", "not a url", "App:PublicBaseUrl")]
    [InlineData("Payments:LinkLifetime", "00:00:10", "Payments:LinkLifetime")]
    [InlineData("Receipts:SeriesPrefix", "bad prefix", "Receipts:SeriesPrefix")]
    [InlineData("Conversations:IdleTimeout", "00:00:05", "Conversations:IdleTimeout")]
    [InlineData("Demo:Enabled", "false", "Staff:Agencies")]
    [InlineData("Demo:Enabled", "false", "Payments:Gateway")]
    [InlineData("Payments:Gateway", "Live", "Payments:Gateway")]
    [InlineData("Payments:MoMo:PartnerCode", "MOMO", "Payments:MoMo:AccessKey")]
    [InlineData("Payments:ZaloPay:AppId", "not-a-number", "Payments:ZaloPay:AppId")]
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
    public async Task A_password_set_on_an_installation_whose_data_is_in_sqlite_stops_the_bot_instead_of_opening_an_empty_litedb_file()
    {
        using var directory = new TempDirectory();
        // The data of this installation: SQLite's file (empty here: the start stops before it is opened).
        File.WriteAllBytes(directory.File("chatpay.sqlite"), []);

        using var bot = BotProcess.Start($"--Storage:DatabasePath={directory.File("chatpay.db")}", "--Urls=http://127.0.0.1:0", "--Storage:Password=s3cret-pass");

        Assert.Equal(1, await bot.ExitCodeAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("Storage:Password", bot.Output);
        Assert.DoesNotContain("   at ", bot.Output);
        Assert.False(File.Exists(directory.File("chatpay.db")));
    }
}
