namespace ChatPay.Bot.Storage;

/// <summary>The database ChatPay keeps everything in.</summary>
public enum StorageProvider
{
    /// <summary>One file, one process: the embedded default.</summary>
    LiteDb,

    /// <summary>One PostgreSQL database shared by any number of instances.</summary>
    PostgreSql,

    /// <summary>One SQLite file, one process: the same statements as PostgreSQL's, at about a third of LiteDB's cost a step.</summary>
    Sqlite,
}
