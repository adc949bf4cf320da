using ChatPay.Bot.Storage;
using ChatPay.Domain.Dossiers;
using ChatPay.Domain.Storage;

namespace ChatPay.Bot.Api;

/// <summary>
/// Open payment requests stored before one-tap links existed get their link at start, once per database
/// (<see cref="Marker"/>), so the portal finds links on every open request without sending it again.
/// </summary>
public sealed class EarlierRequests(LiteDbStore store, IChatPayStore chatPay, HostSettings settings, TimeProvider clock, ILogger<EarlierRequests> logger)
    : IHostedService
{
    public const string Marker = "given.payLinks";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        settings.GetOrCreate(Marker, () =>
        {
            var codes = store.Collection<Dossier>(LiteDossiers.Collection)
                .Find($"$.{nameof(Dossier.Status)} = '{DossierStatus.AwaitingPayment}' AND $.{nameof(Dossier.PayLinkToken)} = null")
                .Select(d => d.Code).ToList();
            var given = chatPay.Write(session =>
            {
                var count = 0;
                foreach (var dossier in codes.Select(session.Dossiers.Find).OfType<Dossier>().Where(d => d is { Status: DossierStatus.AwaitingPayment, PayLinkToken: null }))
                {
                    PayLink.Issue(session, dossier, clock.GetUtcNow());
                    count++;
                }
                return count;
            });
            if (given > 0) logger.LogInformation("{Count} open payment requests of an earlier version were given one-tap links", given);
            return "done";
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
