using LiteDB;

namespace ChatPay.Bot.Storage;

/// <summary>
/// Documents whose due time (a nullable instant) has come. LiteDB indexes null below every date, so a plain
/// "field &lt;= now" would walk every document without a due time; BETWEEN a date range uses the index for the
/// due ones only.
/// </summary>
internal static class DueQuery
{
    private static readonly BsonValue Earliest = new(DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc));

    public static List<T> Due<T>(ILiteCollection<T> collection, string field, DateTimeOffset now, int limit) =>
        collection.Query()
            .Where($"$.{field} BETWEEN @0 AND @1", Earliest, new BsonValue(now.UtcDateTime))
            .OrderBy($"$.{field}")
            .Limit(limit)
            .ToList();
}
