namespace ChatPay.Bot.Storage.Records;

/// <summary>Opens the host's record tables in the database ChatPay runs on.</summary>
public interface IRecordTables
{
    /// <param name="name">The table's name (a LiteDB collection, or a kind of record in PostgreSQL's <c>records</c> table).</param>
    /// <param name="idOf">The record's id: LiteDB keeps it as the document's <c>_id</c>.</param>
    IRecordTable<T> Table<T>(string name, Func<T, string> idOf) where T : class;
}
