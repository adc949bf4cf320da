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

    public string FullPath(string contentRoot) => Path.GetFullPath(Path.Combine(contentRoot, DatabasePath));

    public string? PasswordOrNull => string.IsNullOrEmpty(Password) ? null : Password;
}
