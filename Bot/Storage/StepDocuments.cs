using LiteDB;

namespace ChatPay.Bot.Storage;

/// <summary>
/// The documents of one collection that a step has read or written, by id. A step looks the same dossier or payment up
/// several times (the conversation, the settlement and the alerts each find it), and LiteDB answers every lookup with a
/// query — its expression parsed, a plan, an index seek, the document read — while mapping a document kept here is a
/// fraction of that. Each lookup still gets a new object, as a new read would, and what the step saved last is what it
/// reads: every write of these collections in a step goes through <see cref="Save"/>.
/// </summary>
internal sealed class StepDocuments<T>(LiteDatabase db, string collection)
{
    private readonly ILiteCollection<BsonDocument> _documents = db.GetCollection(collection);
    private readonly Dictionary<BsonValue, BsonDocument?> _seen = [];

    public T? Find(BsonValue id)
    {
        if (!_seen.TryGetValue(id, out var document)) _seen[id] = document = _documents.Get(id);
        return document is null ? default : db.Mapper.ToObject<T>(document);
    }

    public void Save(T entity)
    {
        var document = db.Mapper.ToDocument(entity);
        _documents.Upsert(document);
        _seen[document["_id"]] = document;
    }
}
