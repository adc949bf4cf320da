using ChatPay.Bot.Storage;
using ChatPay.Domain.Receipts;
using ChatPay.Domain.Security;
using LiteDB;

namespace ChatPay.Bot.Receipts;

/// <summary>
/// Receipts issued before there were lookup codes get one at start, once per database (<see cref="Marker"/>), so every
/// receipt a citizen holds can be checked on the public page. Only receipts not yet signed: a signed one's content must
/// not change under its signature (and none was signed before lookup codes existed).
/// </summary>
public sealed class EarlierReceipts(LiteDbStore store, HostSettings settings, ILogger<EarlierReceipts> logger) : IHostedService
{
    /// <summary>The setting that says this database's receipts all have lookup codes.</summary>
    public const string Marker = "given.receiptLookupCodes";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        settings.GetOrCreate(Marker, () =>
        {
            var given = store.WriteDirect(db =>
            {
                var receipts = db.GetCollection(LiteReceipts.Collection);
                var seals = db.GetCollection(ReceiptSeals.Collection);
                var without = receipts.Find($"$.{nameof(Receipt.LookupCode)} = null OR $.{nameof(Receipt.LookupCode)} = ''")
                    .Where(r => seals.FindById(r["_id"]) is null).ToList();
                foreach (var receipt in without)
                {
                    receipt[nameof(Receipt.LookupCode)] = Secrets.NewLookupCode();
                    receipts.Update(receipt);
                }
                return without.Count;
            });
            if (given > 0) logger.LogInformation("{Count} receipts issued by an earlier version were given lookup codes", given);
            return "done";
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
