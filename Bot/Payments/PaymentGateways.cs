using ChatPay.Domain.Payments;

namespace ChatPay.Bot.Payments;

/// <summary>The gateways this deployment offers, found by name: the pay link, the status checks and the history go through it.</summary>
public sealed class PaymentGateways(IServiceProvider services, OfferedGateways offered)
{
    /// <summary>Attempts stored before there were several gateways name none: they went through VNPay.</summary>
    public const string Earliest = "VnPay";

    /// <summary>The adapter an attempt is paid through, or null if this deployment no longer offers it.</summary>
    public IPaymentGateway? For(Payment payment) => Named(NameOf(payment));

    public IPaymentGateway? Named(string name) => offered.Names.Contains(name) ? services.GetKeyedService<IPaymentGateway>(name) : null;

    public static string NameOf(Payment payment) => payment.Gateway.Length > 0 ? payment.Gateway : Earliest;
}

/// <summary>The names of the gateways this deployment offers, decided at start from Payments:Gateway and each gateway's section.</summary>
public sealed record OfferedGateways(IReadOnlySet<string> Names);
