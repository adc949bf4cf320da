using ChatPay.Bot.Channels.WebChat;
using ChatPay.Bot.Payments;
using ChatPay.Domain;
using ChatPay.Domain.Chats;
using ChatPay.Domain.Dossiers;
using ChatPay.Domain.Payments;
using ChatPay.Domain.Security;
using ChatPay.Domain.Storage;

namespace ChatPay.Tests.Support;

/// <summary>Requests and pays dossiers inside a running app through its own services, as the portal and the gateway would.</summary>
public static class AppPayments
{
    public static void RequestAndPay(ChatPayApp app, string dossierCode, string agencyCode = "H42.10")
    {
        app.Service<PaymentRequests>().Submit(new PaymentRequest(dossierCode, "Cấp Phiếu lý lịch tư pháp", agencyCode, "Nguyễn Văn An", null,
            [new FeeLine(FeeKind.Fee, "Phí cung cấp thông tin lý lịch tư pháp", 200_000)]));
        var rules = app.Service<ChatPayRules>();
        var payment = app.Service<IChatPayStore>().Write(session =>
        {
            var dossier = session.Dossiers.Find(dossierCode)!;
            var started = Payment.Start(dossierCode, session.Payments.OfDossier(dossierCode).Count + 1, dossier.RequestVersion, dossier.Total(), rules.Banks[0],
                new ChatAddress(WebChatIdentity.Channel, "payer-" + dossierCode), Secrets.NewToken(), DateTimeOffset.UtcNow, TimeSpan.FromMinutes(15));
            session.Payments.Save(started);
            return started;
        });
        app.Service<PaymentSettlement>().Settle(new GatewayReport(PaymentGateways.NameOf(payment), payment.Id, payment.Amount, GatewayOutcome.Succeeded, "00/00", null, "1", "NCB",
            DateTimeOffset.UtcNow));
    }
}
