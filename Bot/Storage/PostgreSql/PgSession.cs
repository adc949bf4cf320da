using ChatPay.Domain.Storage;
using LiteDB;
using Npgsql;
using LiteJson = LiteDB.JsonSerializer;

namespace ChatPay.Bot.Storage.PostgreSql;

/// <summary>One step on PostgreSQL: its connection and transaction (none for a read), and every port over them.</summary>
internal sealed class PgSession(NpgsqlConnection connection, NpgsqlTransaction? transaction, BsonMapper mapper) : IStoreSession
{
    public IDossiers Dossiers => field ??= new PgDossiers(this);
    public IPayments Payments => field ??= new PgPayments(this);
    public IReceipts Receipts => field ??= new PgReceipts(this);
    public IConversations Conversations => field ??= new PgConversations(this);
    public IEnrollments Enrollments => field ??= new PgEnrollments(this);
    public ISupportCases SupportCases => field ??= new PgSupportCases(this);
    public IChatLog ChatLog => field ??= new PgChatLog(this);
    public IIntegrationEvents Events => field ??= new PgIntegrationEvents(this);
    public IInbox Inbox => field ??= new PgInbox(this);
    public ILookupTallies LookupTallies => field ??= new PgLookupTallies(this);
    public IPayLinks PayLinks => field ??= new PgPayLinks(this);
    public IPhoneLinks PhoneLinks => field ??= new PgPhoneLinks(this);
    public IPhoneMessages PhoneMessages => field ??= new PgPhoneMessages(this);
    public IGatewayChecks GatewayChecks => field ??= new PgGatewayChecks(this);
    public IRefunds Refunds => field ??= new PgRefunds(this);

    public NpgsqlCommand Command(string sql) => new(sql, connection, transaction);

    public string ToJson<T>(T item) => LiteJson.Serialize(mapper.ToDocument(item));

    public T FromJson<T>(string json) => mapper.ToObject<T>(LiteJson.Deserialize(json).AsDocument);

    /// <summary>A column's value as Npgsql takes it: instants in UTC, enums by name, nothing as NULL.</summary>
    public static object Value(object? value) => value switch
    {
        null => DBNull.Value,
        DateTimeOffset instant => instant.UtcDateTime,
        Enum named => named.ToString(),
        _ => value,
    };

    public PgTable<T> Table<T>(string table, Func<T, string> id, params (string Column, Func<T, object?> Value)[] columns) => new(this, table, id, columns);
}
