namespace ChatPay.Domain.Chats;

/// <summary>
/// A slash command as chat apps send it: "/dangky ABC" or, in groups, "/dangky@ChatPayBot ABC". <see cref="Spec"/> is the
/// table's entry for it, or null for a command the bot does not know.
/// </summary>
public sealed record ChatCommand(string Name, string Argument)
{
    public CommandSpec? Spec => CommandTable.Find(Name);

    public static bool TryParse(string text, out ChatCommand command)
    {
        command = null!;
        if (!text.StartsWith('/')) return false;
        var space = text.IndexOf(' ');
        var name = (space < 0 ? text : text[..space]).ToLowerInvariant();
        var at = name.IndexOf('@');
        if (at > 0) name = name[..at];
        command = new ChatCommand(name, space < 0 ? "" : text[(space + 1)..].Trim());
        return true;
    }
}
