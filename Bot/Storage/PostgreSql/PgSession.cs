using ChatPay.Domain.Chats;
using ChatPay.Domain.Storage;
using LiteDB;
using Npgsql;
using LiteJson = LiteDB.JsonSerializer;

namespace ChatPay.Bot.Storage.PostgreSql;

/// <summary>One step on PostgreSQL: its connection and transaction (none for a read), and every port over them.</summary>
internal sealed class PgSession(NpgsqlConnection connection, NpgsqlTransaction? transaction, BsonMapper mapper, Func<ChatChannel, bool> readFromLog)
    : IStoreSession
{
    private readonly HashSet<string> _lockedChats = [];
    private readonly HashSet<string> _touched = [];
    private readonly HashSet<(string Table, string Id)> _missing = [];

    public IDossiers Dossiers => field ??= new PgDossiers(this);
    public IPayments Payments => field ??= new PgPayments(this);
    public IReceipts Receipts => field ??= new PgReceipts(this);
    public IConversations Conversations => field ??= new PgConversations(this);
    public IEnrollments Enrollments => field ??= new PgEnrollments(this);
    public ISupportCases SupportCases => field ??= new PgSupportCases(this);
    public IChatLog ChatLog => field ??= new PgChatLog(this, readFromLog);
    public IIntegrationEvents Events => field ??= new PgIntegrationEvents(this);
    public IInbox Inbox => field ??= new PgInbox(this);
    public ILookupTallies LookupTallies => field ??= new PgLookupTallies(this);
    public IPayLinks PayLinks => field ??= new PgPayLinks(this);
    public IPhoneLinks PhoneLinks => field ??= new PgPhoneLinks(this);
    public IPhoneMessages PhoneMessages => field ??= new PgPhoneMessages(this);
    public IGatewayChecks GatewayChecks => field ??= new PgGatewayChecks(this);
    public IRefunds Refunds => field ??= new PgRefunds(this);

    /// <summary>A step (not a read): what it reads it locks until it commits.</summary>
    public bool Writing => transaction is not null;

    /// <summary>Appended to a step's queries: the rows it read stay as it read them until it commits.</summary>
    public string Locking => Writing ? " FOR UPDATE" : "";

    public IReadOnlyCollection<string> TouchedChats => _touched;

    public void Touched(string chatKey) => _touched.Add(chatKey);

    /// <summary>
    /// One chat's steps run one at a time across instances: the chat's advisory lock, held until the step ends. Taken when
    /// a step first reads the chat's conversation or records what the person sent, before it reads anything else of theirs.
    /// </summary>
    public void LockChat(string chatKey)
    {
        if (!Writing || !_lockedChats.Add(chatKey)) return;
        using var command = Command("SELECT pg_advisory_xact_lock(hashtextextended(@chat, 0))");
        command.Parameters.AddWithValue("chat", chatKey);
        command.ExecuteNonQuery();
    }

    /// <summary>This step looked for the record and found none (in a read, nothing is locked or written, so it is not noted).</summary>
    public void Missing(string table, string id)
    {
        if (Writing) _missing.Add((table, id));
    }

    /// <summary>Whether this step found the record missing and has not written it since; the first write is then an insert.</summary>
    public bool FoundMissing(string table, string id) => _missing.Remove((table, id));

    /// <summary>Tells the other instances which chats changed, delivered by PostgreSQL when (and only if) the step commits.</summary>
    public void NotifyChanges(string channel, string instanceId)
    {
        if (_touched.Count == 0) return;
        // A notification carries at most 8,000 bytes; a step rarely touches more than a few chats.
        foreach (var chunk in _touched.Chunk(50))
        {
            using var command = Command("SELECT pg_notify(@channel, @payload)");
            command.Parameters.AddWithValue("channel", channel);
            command.Parameters.AddWithValue("payload", instanceId + "\n" + string.Join('\n', chunk));
            command.ExecuteNonQuery();
        }
    }

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
