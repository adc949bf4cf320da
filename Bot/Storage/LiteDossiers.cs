using ChatPay.Domain.Dossiers;
using ChatPay.Domain.Storage;
using LiteDB;

namespace ChatPay.Bot.Storage;

internal sealed class LiteDossiers(LiteDatabase db) : IDossiers
{
    public const string Collection = "dossiers";
    private readonly ILiteCollection<Dossier> _dossiers = db.GetCollection<Dossier>(Collection);
    private readonly StepDocuments<Dossier> _byCode = new(db, Collection);

    public Dossier? Find(string code) => _byCode.Find(code);

    public void Save(Dossier dossier) => _byCode.Save(dossier);

    public int Count() => _dossiers.Count();

    public IReadOnlyList<Dossier> DueForReminder(DateTimeOffset now, int limit) => DueQuery.Due(_dossiers, nameof(Dossier.NextReminderAt), now, limit);

    public IReadOnlyList<Dossier> DueForNotice(DateTimeOffset now, int limit) => DueQuery.Due(_dossiers, nameof(Dossier.NextNoticeAt), now, limit);

    public IReadOnlyList<Dossier> AwaitingWithPhoneHash(string phoneHash) =>
        [.. _dossiers.Find(Query.EQ(nameof(Dossier.ApplicantPhoneHash), phoneHash)).Where(d => d.Status == DossierStatus.AwaitingPayment)];
}
