using LiteDB;
using static ChatPay.Bench.StoreModel.ModelDocuments;

namespace ChatPay.Bench.StoreModel;

/// <summary>The model on LiteDB as ChatPay uses it: mapped objects, the same indexes, lookups by a parameterised expression.</summary>
public sealed class LiteModelStore : IModelStore
{
    private readonly LiteDatabase _db;

    public LiteModelStore(string path)
    {
        _db = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct });
        var messages = Of<Message>();
        messages.EnsureIndex(m => m.ChatKey);
        messages.EnsureIndex("QueueKeys", "$.QueueKeys[*]");
        messages.EnsureIndex("RefKeys", "$.RefKeys[*]");
        var payments = Of<Payment>();
        payments.EnsureIndex(p => p.LinkToken, unique: true);
        payments.EnsureIndex(p => p.DossierCode);
        payments.EnsureIndex(p => p.OpenUntil);
        payments.EnsureIndex(p => p.NextCheckAt);
        payments.EnsureIndex(p => p.State);
        payments.EnsureIndex(p => p.FinishedAt);
        payments.EnsureIndex(p => p.OpenedAt);
        var dossiers = Of<Dossier>();
        dossiers.EnsureIndex(d => d.AgencyCode);
        dossiers.EnsureIndex(d => d.NextReminderAt);
        dossiers.EnsureIndex(d => d.NextNoticeAt);
        dossiers.EnsureIndex(d => d.ApplicantPhoneHash);
        var receipts = Of<Receipt>();
        receipts.EnsureIndex(r => r.AccessToken, unique: true);
        receipts.EnsureIndex(r => r.LookupCode);
        receipts.EnsureIndex(r => r.DossierCode, unique: true);
        Of<Conversation>().EnsureIndex(c => c.Deadline);
        Of<Conversation>().EnsureIndex(c => c.DossierCode);
        Of<SeenUpdate>().EnsureIndex(s => s.SeenAt);
        Of<PortalEvent>().EnsureIndex(e => e.NextAttemptAt);
    }

    private ILiteCollection<T> Of<T>() => _db.GetCollection<T>(typeof(T).Name);

    public void Begin() => _db.BeginTrans();

    public void Commit() => _db.Commit();

    public void Insert<T>(T document) where T : class => Of<T>().Insert(document);

    public void Save<T>(T document) where T : class => Of<T>().Upsert(document);

    public T? Get<T>(object id) where T : class => Of<T>().FindOne(BsonExpression.Create("_id = @0", new BsonValue(id)));

    public void Dispose() => _db.Dispose();
}
