using System.Diagnostics.Metrics;
using ChatPay.Bot.Operations;
using ChatPay.Tests.Support;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;

namespace ChatPay.Tests.Operations;

[Trait("Tier", "Integration")]
public class MetricsAndScopesTests : IDisposable
{
    private const string Code = "H42.10-261125-0001";
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task A_web_chat_payment_is_counted_by_channel_ipn_answer_and_payment_state()
    {
        using var app = new ChatPayApp(_directory.File("chatpay.db"));
        var meters = app.Service<IMeterFactory>();
        using var updates = new MetricCollector<long>(meters, ChatPayMetrics.MeterName, "chatpay.updates.handled");
        using var ipns = new MetricCollector<long>(meters, ChatPayMetrics.MeterName, "chatpay.ipn.answered");
        using var payments = new MetricCollector<int>(meters, ChatPayMetrics.MeterName, "chatpay.payments");
        payments.RecordObservableInstruments();
        var succeededBefore = Latest(payments, "Succeeded");

        var citizen = await WebChatUser.OpenAsync(app.Http);
        await SandboxPayer.PayAsync(app.Http, await citizen.RequestPaymentLinkAsync(Code));
        await citizen.WaitForTextAsync(Said.Paid);

        Assert.Equal(3, updates.GetMeasurementSnapshot().Where(m => Equals(m.Tags["channel"], "Web")).Sum(m => m.Value));
        Assert.Contains(ipns.GetMeasurementSnapshot(), m => Equals(m.Tags["code"], "00"));
        payments.RecordObservableInstruments();
        Assert.Equal(succeededBefore + 1, Latest(payments, "Succeeded"));
    }

    [Fact]
    public async Task Log_lines_about_a_payment_carry_its_dossier_code_as_a_scope()
    {
        using var app = new ChatPayApp(_directory.File("chatpay.db"), new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Information" });
        var citizen = await WebChatUser.OpenAsync(app.Http);

        await SandboxPayer.PayAsync(app.Http, await citizen.RequestPaymentLinkAsync(Code));
        await citizen.WaitForTextAsync(Said.Paid);

        var ipn = Assert.Single(app.Logs.GetSnapshot(), r => r.Message.StartsWith($"VnPay callback for {Code}_1", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Information, ipn.Level);
        var fields = ipn.Scopes.OfType<IEnumerable<KeyValuePair<string, object>>>().SelectMany(scope => scope).ToList();
        Assert.Contains(new KeyValuePair<string, object>("DossierCode", Code), fields);
        Assert.Contains(new KeyValuePair<string, object>("TxnRef", $"{Code}_1"), fields);
    }

    private static int Latest(MetricCollector<int> collector, string state) =>
        collector.GetMeasurementSnapshot().Last(m => Equals(m.Tags["state"], state)).Value;
}
