using System.Diagnostics;
using System.Globalization;

namespace ChatPay.Fakes.Telegram;

/// <summary>Callback queries pressed, and whether and when they were answered.</summary>
internal sealed class CallbackQueries(TimeSpan answerWindow)
{
    private const string Invalid = "query is too old and response timeout expired or query ID is invalid";

    private readonly Lock _gate = new();
    private readonly List<string> _ids = [];
    private readonly Dictionary<string, (long PressedAt, bool Answered)> _queries = [];

    public IReadOnlyList<string> Ids
    {
        get
        {
            lock (_gate) return [.. _ids];
        }
    }

    /// <summary>A new query id, long and numeric like Telegram's.</summary>
    public string Press()
    {
        lock (_gate)
        {
            var id = (4_390_000_000_000_000_000L + _ids.Count + 1).ToString(CultureInfo.InvariantCulture);
            _ids.Add(id);
            _queries[id] = (Stopwatch.GetTimestamp(), false);
            return id;
        }
    }

    public void Answer(string? id)
    {
        lock (_gate)
        {
            if (id is null || !_queries.TryGetValue(id, out var query) || query.Answered || Stopwatch.GetElapsedTime(query.PressedAt) > answerWindow)
                throw ApiError.BadRequest(Invalid);
            _queries[id] = query with { Answered = true };
        }
    }

    public bool WasAnswered(string id)
    {
        lock (_gate) return _queries.TryGetValue(id, out var query) && query.Answered;
    }
}
