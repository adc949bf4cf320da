using ChatPay.Domain.Storage;
using LiteDB;

namespace ChatPay.Bot.Storage;

internal sealed class LiteInbox(LiteDatabase db) : IInbox
{
    public const string Collection = "inbox";
    public const string SeenAt = nameof(Seen.At);

    private sealed record Seen(string Id, DateTimeOffset At);

    private readonly ILiteCollection<Seen> _seen = db.GetCollection<Seen>(Collection);

    public bool Recorded(string eventKey) => _seen.Get(eventKey) is not null;

    public bool FirstTime(string eventKey, DateTimeOffset at)
    {
        if (_seen.Get(eventKey) is not null) return false;
        _seen.Insert(new Seen(eventKey, at));
        return true;
    }
}
