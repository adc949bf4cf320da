using System.Diagnostics.Metrics;
using ChatPay.Bot.Channels.Outbox;
using ChatPay.Bot.Storage;
using ChatPay.Domain.Chats;
using ChatPay.Domain.Payments;

namespace ChatPay.Bot.Operations;

/// <summary>
/// ChatPay's instruments on the "ChatPay" meter, for dotnet-counters or any OpenTelemetry exporter
/// (<c>AddMeter("ChatPay")</c>). Counters are recorded by the adapters; gauges are read from the database when collected.
/// </summary>
public sealed class ChatPayMetrics
{
    public const string MeterName = "ChatPay";

    private readonly Counter<long> _updates;
    private readonly Counter<long> _ipns;
    private readonly Counter<long> _sent;
    private readonly Counter<long> _recoveryGaveUp;
    private readonly Histogram<double> _gateway;

    public ChatPayMetrics(IMeterFactory meters, ChatOutbox outbox, IStoreStatistics statistics, IEnumerable<IChannel> channels)
    {
        var meter = meters.Create(MeterName);
        _updates = meter.CreateCounter<long>("chatpay.updates.handled", "{update}", "Messages and button presses handled, by channel");
        _ipns = meter.CreateCounter<long>("chatpay.ipn.answered", "{ipn}", "Payment results from the gateways, by gateway and the answer given in its own code (VNPay: 00 recorded, 02 already, 97 bad signature…)");
        _sent = meter.CreateCounter<long>("chatpay.messages.sent", "{message}", "Messages delivered to Telegram and Zalo, by channel");
        _recoveryGaveUp = meter.CreateCounter<long>("chatpay.recovery.gave_up", "{chat}",
            "Chats whose unanswered sends were not found in time and were sent again (each may have arrived twice)");
        _gateway = meter.CreateHistogram<double>("chatpay.gateway.duration", "ms", "How long the gateway's status API took to answer, by outcome");
        meter.CreateObservableGauge("chatpay.outbox.backlog",
            () => channels.Select(c => new Measurement<int>(outbox.Waiting(c.Channel), new KeyValuePair<string, object?>("channel", c.Channel.Name))),
            "{message}", "Messages waiting to be sent or edited, by channel");
        meter.CreateObservableGauge("chatpay.payments",
            () => Enum.GetValues<PaymentState>().Select(state => new Measurement<int>(
                statistics.Payments(state), new KeyValuePair<string, object?>("state", state.ToString()))),
            "{payment}", "Payment attempts, by state");
    }

    public void UpdatesHandled(ChatChannel channel, int count = 1) => _updates.Add(count, new KeyValuePair<string, object?>("channel", channel.ToString()));

    public void IpnAnswered(string gateway, string code) =>
        _ipns.Add(1, new KeyValuePair<string, object?>("gateway", gateway), new KeyValuePair<string, object?>("code", code));

    public void MessagesSent(ChatChannel channel, int count) => _sent.Add(count, new KeyValuePair<string, object?>("channel", channel.ToString()));

    public void RecoveryGaveUp(ChatChannel channel) => _recoveryGaveUp.Add(1, new KeyValuePair<string, object?>("channel", channel.ToString()));

    public void GatewayAnswered(TimeSpan took, string outcome) => _gateway.Record(took.TotalMilliseconds, new KeyValuePair<string, object?>("outcome", outcome));
}
