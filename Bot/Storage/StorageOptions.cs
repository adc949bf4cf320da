using System.ComponentModel.DataAnnotations;

namespace ChatPay.Bot.Storage;

public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>The LiteDB file; a relative path is taken from the content root.</summary>
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

    public string KeyRingFullPath(string contentRoot) => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(FullPath(contentRoot))!, KeyRingPath));

    public string? PasswordOrNull => string.IsNullOrEmpty(Password) ? null : Password;
}
