namespace ChatPay.Domain.Chats;

/// <summary>One command: what it does, its name and aliases, who uses it, and how it is described to people (in Vietnamese).</summary>
public sealed record CommandSpec(CommandAction Action, string Name, IReadOnlyList<string> Aliases, CommandUse Use, string Description, string? Usage = null)
{
    /// <summary>How it is typed: "/tracuu &lt;mã hồ sơ&gt;".</summary>
    public string Syntax => Usage is null ? Name : $"{Name} {Usage}";
}
