using ChatPay.Bot.Operations;
using Microsoft.Extensions.Logging;

namespace ChatPay.Tests.Operations;

[Trait("Tier", "Unit")]
public class LogScopeTests
{
    [Fact]
    public void A_scope_prints_its_pairs_for_the_console_and_lists_them_for_structured_formatters()
    {
        var scope = new LogScope(new KeyValuePair<string, object?>("TxnRef", "H42.10-261125-0001_1"), new KeyValuePair<string, object?>("DossierCode", "H42.10-261125-0001"));

        Assert.Equal("TxnRef=H42.10-261125-0001_1, DossierCode=H42.10-261125-0001", scope.ToString());
        Assert.Equal(["TxnRef", "DossierCode"], scope.Select(p => p.Key));
    }

    [Fact]
    public void The_console_logger_shows_the_scopes_pairs_not_a_type_name()
    {
        using var output = new StringWriter();
        var original = Console.Out;
        Console.SetOut(output);
        try
        {
            using (var factory = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.IncludeScopes = true)))
            {
                var logger = factory.CreateLogger("test");
                using (logger.ForPayment("H42.10-261125-0001_1")) logger.LogWarning("IPN answered");
            }
        }
        finally
        {
            Console.SetOut(original);
        }

        Assert.Contains("TxnRef=H42.10-261125-0001_1", output.ToString());
        Assert.DoesNotContain("Dictionary", output.ToString());
    }
}
