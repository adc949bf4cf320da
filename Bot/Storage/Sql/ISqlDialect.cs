using System.Data.Common;

namespace ChatPay.Bot.Storage.Sql;

/// <summary>
/// What differs between the SQL databases ChatPay keeps its documents in (PostgreSQL, SQLite): everything else — the
/// tables, their columns, the statements — is the same SQL, written once in this folder.
/// </summary>
public interface ISqlDialect
{
    /// <summary>The stored document as text, in a SELECT.</summary>
    string Document { get; }

    /// <summary>A field of the stored document as text (a boolean field as true/false in <see cref="IsTrue"/>).</summary>
    string Field(string name);

    /// <summary>A condition that a boolean field read by <see cref="Field"/> is true.</summary>
    string IsTrue(string field);

    /// <summary>A condition that <paramref name="column"/> is one of the ids in <paramref name="parameter"/>, bound as <see cref="IdList"/> gives.</summary>
    string AnyOf(string column, string parameter);

    object IdList(IEnumerable<long> ids);

    /// <summary>The next number of the chat log's one counter (ids and change numbers).</summary>
    string NextChatLogNumber { get; }

    /// <summary>A statement that sets the chat log's counter, so that the next number is after <paramref name="last"/>.</summary>
    string SetChatLogNumber(long last);

    /// <summary>Appended to a step's reads: the rows it read stay as it read them until it commits.</summary>
    string LockRows { get; }

    /// <summary>Appended to the reads of a batch of retention: rows another instance is handling are passed over.</summary>
    string SkipLockedRows { get; }

    /// <summary>The document with these fields set to null.</summary>
    string WithNullFields(IReadOnlyCollection<string> fields);

    /// <summary>Binds the document (JSON text) as the parameter @doc.</summary>
    void AddDocument(DbCommand command, string json);

    /// <summary>Makes one chat's steps run one at a time, until this step ends (nothing to do where steps are serialised).</summary>
    void LockChat(SqlSession session, string chatKey);
}
