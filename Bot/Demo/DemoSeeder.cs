using ChatPay.Bot.Payments;
using ChatPay.Bot.Api;
using ChatPay.Bot.Channels.WebChat;
using ChatPay.Bot.Hosting;
using ChatPay.Domain;
using ChatPay.Domain.Chats;
using ChatPay.Domain.Dossiers;
using ChatPay.Domain.Payments;
using ChatPay.Domain.Security;
using ChatPay.Domain.Storage;
using Microsoft.Extensions.Options;

namespace ChatPay.Bot.Demo;

/// <summary>
/// With Demo:Enabled, adds the demo dossiers that are missing (so it is safe to run at every start) and
/// prints what a newcomer needs to try the journey. The banner goes to the console only, never to the logs.
/// </summary>
public sealed class DemoSeeder(
    IOptions<DemoOptions> options, IChatPayStore store, PaymentSettlement settlement, ChatPayRules rules, ApiKeys apiKeys, AppLinks links, TimeProvider clock)
    : IHostedService
{
    private static readonly ChatAddress SeedChat = new(WebChatIdentity.Channel, "demo-seed");

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled) return Task.CompletedTask;
        foreach (var demo in DemoData.Dossiers)
        {
            Seed(demo);
            if (demo.Paid) SettleDemoPayment(demo);
        }
        PrintBanner();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Seed(DemoData.DemoDossier demo) => store.Write(session =>
    {
        if (session.Dossiers.Find(demo.Code) is not null) return false;
        var now = clock.GetUtcNow();
        var agency = DemoData.Agencies.Single(a => a.Code == demo.AgencyCode);
        var dossier = new Dossier(demo.Code, demo.Procedure, agency.Code, agency.Name, demo.Applicant, demo.Phone, now);
        session.Dossiers.Save(dossier);
        if (demo.Fees.Length > 0)
        {
            dossier.RequestPayment(demo.Fees, now);
            PayLink.Issue(session, dossier, now);
        }
        return true;
    });

    /// <summary>Pays the "already paid" demo dossier through the real settlement, so its receipt is a real one.</summary>
    private void SettleDemoPayment(DemoData.DemoDossier demo)
    {
        var payment = store.Write(session =>
        {
            var dossier = session.Dossiers.Find(demo.Code)!;
            if (dossier.Status != DossierStatus.AwaitingPayment) return null;
            var open = session.Payments.OfDossier(demo.Code).FirstOrDefault(p => p.IsOpen);
            if (open is not null) return open;
            var bank = rules.Banks[0];
            var attempt = session.Payments.OfDossier(demo.Code).Count + 1;
            var started = Payment.Start(demo.Code, attempt, dossier.RequestVersion, dossier.Total(), bank, SeedChat, Secrets.NewToken(), clock.GetUtcNow(), TimeSpan.FromMinutes(15));
            session.Payments.Save(started);
            return started;
        });
        if (payment is null) return;
        // Seeded as already paid: no gateway was involved, and the report says so in its code.
        settlement.Settle(new GatewayReport(PaymentGateways.NameOf(payment), payment.Id, payment.Amount, GatewayOutcome.Succeeded, "demo", null, "14000000",
            payment.BankName, clock.GetUtcNow()));
    }

    private void PrintBanner()
    {
        var lines = new List<string>
        {
            "",
            $"ChatPay demo — open the web chat at {links.Home} and type one of these dossier codes:",
        };
        foreach (var demo in DemoData.Dossiers)
        {
            var state = demo.Paid ? "already paid" : demo.Fees.Length == 0 ? "no payment request yet" : "awaiting payment";
            lines.Add($"  {demo.Code}  {state,-22}  {DemoData.Agencies.Single(a => a.Code == demo.AgencyCode).Name}");
        }
        lines.Add("…or open one without typing, with its one-tap link:");
        foreach (var dossier in store.Read(session => DemoData.Dossiers.Select(d => session.Dossiers.Find(d.Code)).ToList()))
            if (dossier is { Status: DossierStatus.AwaitingPayment, PayLinkToken: { } token })
                lines.Add($"  {dossier.Code}  {links.WebChatLink(token)}");
        lines.Add("Officer enrollment (send in a second browser window: /dangky <code>):");
        foreach (var agency in rules.Staff.Agencies) lines.Add($"  {agency.EnrollmentCode}  {agency.Name}");
        lines.Add($"Support enrollment: {rules.Staff.SupportEnrollmentCode}");
        foreach (var key in apiKeys.All) lines.Add($"Payment-request API ({links.Absolute("/api/v1")}), X-Api-Key: {key.Key}");
        lines.Add("");
        Console.WriteLine(string.Join(Environment.NewLine, lines));
    }
}
