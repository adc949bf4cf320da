using System.ComponentModel.DataAnnotations;

namespace ChatPay.Bot.Storage;

public sealed class StorageOptions : IValidatableObject
{
    public const string Section = "Storage";

    /// <summary>
    /// <c>Sqlite</c> (one process on one file), <c>LiteDb</c> (one process on one file, encrypted with <see cref="Password"/>
    /// if set) or <c>PostgreSql</c> (any number of instances on one database, <see cref="ConnectionString"/>). Unset, see
    /// <see cref="ProviderIn"/>.
    /// </summary>
    public StorageProvider? Provider { get; set; }

    /// <summary>Npgsql's connection string, for <see cref="StorageProvider.PostgreSql"/>: <c>Host=…;Database=chatpay;Username=…;Password=…</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The LiteDB file; a relative path is taken from the content root. SQLite's file is beside it, named <c>.sqlite</c> (<c>data/chatpay.sqlite</c>).</summary>
    [Required]
    public string DatabasePath { get; set; } = "data/chatpay.db";

    /// <summary>
    /// Encrypts the database file at rest with LiteDB's AES encryption. Setting it for an existing plain
    /// database encrypts that database on the next start. Empty: not encrypted.
    /// </summary>
    public string? Password { get; set; }

    /// <summary>
    /// Without a Password, tokens kept in the database are encrypted with this key (any length; 32 random characters
    /// or more). Empty: with ASP.NET Core's data-protection key ring in <see cref="KeyRingPath"/>.
    /// </summary>
    public string? SecretsKey { get; set; }

    /// <summary>Where the data-protection key ring is kept; relative paths are taken from the database's folder. Back it up with the database.</summary>
    public string KeyRingPath { get; set; } = "keys";

    /// <summary>Chat history older than this many days is deleted (payments, receipts and support cases are kept). 0 keeps it forever.</summary>
    [Range(0, 3650)]
    public int RetentionDays { get; set; } = 180;

    /// <summary>How often history past retention is looked for.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromHours(1);

    public string FullPath(string contentRoot) => Path.GetFullPath(Path.Combine(contentRoot, DatabasePath));

    /// <summary>SQLite's file: <see cref="DatabasePath"/> with the extension .sqlite, so that it never opens a LiteDB file.</summary>
    public string SqliteFullPath(string contentRoot) => Path.ChangeExtension(FullPath(contentRoot), ".sqlite");

    public string KeyRingFullPath(string contentRoot) => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(FullPath(contentRoot))!, KeyRingPath));

    public string? PasswordOrNull => string.IsNullOrEmpty(Password) ? null : Password;

    /// <summary>
    /// The store ChatPay runs on: <see cref="Provider"/> if set; otherwise the one whose file is there — SQLite's first, then
    /// LiteDB's (an earlier installation's data, used where it is until it is moved with <c>copy-to-sqlite</c>) — and for a
    /// new installation SQLite (the leaner store), or LiteDB's encrypted file where a <see cref="Password"/> asks for it.
    /// Nothing is ever moved without being asked: a password set later on a SQLite installation is refused
    /// (<see cref="SqlitePasswordRefusal"/>), not answered with a new, empty LiteDB file.
    /// </summary>
    public StorageProvider ProviderIn(string contentRoot) => Provider
        ?? (File.Exists(SqliteFullPath(contentRoot)) ? StorageProvider.Sqlite
            : PasswordOrNull is not null || File.Exists(FullPath(contentRoot)) ? StorageProvider.LiteDb
            : StorageProvider.Sqlite);

    public const string SqlitePasswordRefusal =
        "Storage:Password encrypts a LiteDB file; a SQLite file is not encrypted by ChatPay: keep it on an encrypted disk (see the README).";

    /// <summary>The file of a store kept in one file (LiteDB's or SQLite's).</summary>
    public string FileIn(string contentRoot) => ProviderIn(contentRoot) == StorageProvider.Sqlite ? SqliteFullPath(contentRoot) : FullPath(contentRoot);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider == StorageProvider.PostgreSql && string.IsNullOrWhiteSpace(ConnectionString))
            yield return new ValidationResult("Storage:Provider PostgreSql needs Storage:ConnectionString.", [nameof(ConnectionString)]);
        // Each instance's own key ring could not read what another encrypted: the instances share one key instead.
        if (Provider == StorageProvider.PostgreSql && string.IsNullOrEmpty(SecretsKey))
            yield return new ValidationResult("Storage:Provider PostgreSql needs Storage:SecretsKey, the same on every instance (32 random characters or more).", [nameof(SecretsKey)]);
        if (Provider == StorageProvider.PostgreSql && !string.IsNullOrEmpty(Password))
            yield return new ValidationResult("Storage:Password encrypts a LiteDB file; with PostgreSQL, encryption at rest is the database's (see the README).", [nameof(Password)]);
        if (Provider == StorageProvider.Sqlite && !string.IsNullOrEmpty(Password))
            yield return new ValidationResult(SqlitePasswordRefusal, [nameof(Password)]);
    }
}
