using System.Data.Common;
using ChatPay.Domain.Chats;
using ChatPay.Domain.Storage;

namespace ChatPay.Bot.Storage.Sql;

/// <summary>One step on a SQL database: its connection and transaction (none for a read), and every port over them.</summary>
public sealed class SqlSession(DbConnection connection, DbTransaction? transaction, DocumentJson json, Func<ChatChannel, bool> readFromLog, ISqlDialect dialect)
    : IStoreSession
{
    private readonly HashSet<string> _lockedChats = [];
    private readonly HashSet<string> _touched = [];
    private readonly HashSet<(string Table, string Id)> _missing = [];

    public IDossiers Dossiers => field ??= new SqlDossiers(this);
    public IPayments Payments => field ??= new SqlPayments(this);
    public IReceipts Receipts => field ??= new SqlReceipts(this);
    public IConversations Conversations => field ??= new SqlConversations(this);
    public IEnrollments Enrollments => field ??= new SqlEnrollments(this);
    public ISupportCases SupportCases => field ??= new SqlSupportCases(this);
    public IChatLog ChatLog => field ??= new SqlChatLog(this, readFromLog);
    public IIntegrationEvents Events => field ??= new SqlIntegrationEvents(this);
    public IInbox Inbox => field ??= new SqlInbox(this);
    public ILookupTallies LookupTallies => field ??= new SqlLookupTallies(this);
    public IPayLinks PayLinks => field ??= new SqlPayLinks(this);
    public IPhoneLinks PhoneLinks => field ??= new SqlPhoneLinks(this);
    public IPhoneMessages PhoneMessages => field ??= new SqlPhoneMessages(this);
    public IGatewayChecks GatewayChecks => field ??= new SqlGatewayChecks(this);
    public IRefunds Refunds => field ??= new SqlRefunds(this);

    /// <summary>A step (not a read): what it reads it locks until it commits.</summary>
    public bool Writing => transaction is not null;

    /// <summary>Appended to a step's queries: the rows it read stay as it read them until it commits.</summary>
    public string Locking => Writing ? dialect.LockRows : "";

    public ISqlDialect Dialect => dialect;

    public IReadOnlyCollection<string> TouchedChats => _touched;

    public void Touched(string chatKey) => _touched.Add(chatKey);

    /// <summary>
    /// One chat's steps run one at a time across instances (<see cref="ISqlDialect.LockChat"/>), until the step ends. Taken when
    /// a step first reads the chat's conversation or records what the person sent, before it reads anything else of theirs.
    /// </summary>
    public void LockChat(string chatKey)
    {
        if (!Writing || !_lockedChats.Add(chatKey)) return;
        dialect.LockChat(this, chatKey);
    }

    /// <summary>This step looked for the record and found none (in a read, nothing is locked or written, so it is not noted).</summary>
    public void Missing(string table, string id)
    {
        if (Writing) _missing.Add((table, id));
    }

    /// <summary>Whether this step found the record missing and has not written it since; the first write is then an insert.</summary>
    public bool FoundMissing(string table, string id) => _missing.Remove((table, id));

    public DbCommand Command(string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    /// <summary>Binds a document (JSON text) as @doc, as the database takes it.</summary>
    public void AddDocument(DbCommand command, string json) => dialect.AddDocument(command, json);

    public string ToJson<T>(T item) => json.Serialize(item);

    public T FromJson<T>(string document) => json.Deserialize<T>(document);

    /// <summary>A column's value as the database takes it: instants in UTC, enums by name, nothing as NULL.</summary>
    public static object Value(object? value) => value switch
    {
        null => DBNull.Value,
        DateTimeOffset instant => instant.UtcDateTime,
        Enum named => named.ToString(),
        _ => value,
    };

    internal SqlTable<T> Table<T>(string table, Func<T, string> id, params (string Column, Func<T, object?> Value)[] columns) => new(this, table, id, columns);
}
