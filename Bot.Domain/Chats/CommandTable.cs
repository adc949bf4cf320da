namespace ChatPay.Domain.Chats;

/// <summary>
/// Every command the bot takes, declared once: dispatch (<see cref="ChatDesk"/>), the help texts and the command menu a
/// channel shows (Telegram's setMyCommands) all read this table.
/// </summary>
public static class CommandTable
{
    public static readonly IReadOnlyList<CommandSpec> All =
    [
        new(CommandAction.Start, "/start", ["/batdau"], CommandUse.Citizens, "Bắt đầu nộp phí, lệ phí hồ sơ"),
        new(CommandAction.Cancel, "/huy", ["/cancel"], CommandUse.Citizens, "Hủy thao tác đang làm"),
        new(CommandAction.Receipt, "/bienlai", [], CommandUse.Citizens, "Nhận lại biên lai", "<mã hồ sơ>"),
        new(CommandAction.Report, "/baoloi", [], CommandUse.Citizens, "Đã bị trừ tiền nhưng hồ sơ chưa được ghi nhận", "<mã hồ sơ>"),
        new(CommandAction.Help, "/trogiup", ["/help"], CommandUse.Citizens, "Hướng dẫn"),
        new(CommandAction.Lookup, "/tracuu", [], CommandUse.Staff, "Tra cứu hồ sơ", "<mã hồ sơ>"),
        new(CommandAction.Enroll, "/dangky", [], CommandUse.Staff, "Cán bộ đăng ký nhận thông báo", "<mã đăng ký>"),
        new(CommandAction.Roster, "/dsdangky", [], CommandUse.Staff, "Xem các cuộc trò chuyện đã đăng ký"),
        new(CommandAction.Unenroll, "/huydangky", [], CommandUse.Staff, "Ngừng nhận thông báo, hoặc chấm dứt một đăng ký", "[mã trong ngoặc]"),
    ];

    /// <summary>The command with this name or alias ("/help" is <see cref="CommandAction.Help"/>), if any.</summary>
    public static CommandSpec? Find(string name) => All.FirstOrDefault(c => c.Name == name || c.Aliases.Contains(name));

    public static CommandSpec Of(CommandAction action) => All.First(c => c.Action == action);

    /// <summary>One line per command for a help text: "/bienlai &lt;mã hồ sơ&gt; — Nhận lại biên lai".</summary>
    public static string Lines(CommandUse use) => string.Join('\n', All.Where(c => c.Use == use).Select(c => $"{c.Syntax} — {c.Description}"));
}

/// <summary>One command: what it does, its name and aliases, who uses it, and how it is described to people (in Vietnamese).</summary>
public sealed record CommandSpec(CommandAction Action, string Name, IReadOnlyList<string> Aliases, CommandUse Use, string Description, string? Usage = null)
{
    /// <summary>How it is typed: "/tracuu &lt;mã hồ sơ&gt;".</summary>
    public string Syntax => Usage is null ? Name : $"{Name} {Usage}";
}

/// <summary>Who a command is for. Staff commands work in groups too; citizens' only in a private chat.</summary>
public enum CommandUse
{
    Citizens,
    Staff,
}

/// <summary>What a command does; the dispatcher maps each to its handler.</summary>
public enum CommandAction
{
    Start,
    Cancel,
    Receipt,
    Report,
    Help,
    Lookup,
    Enroll,
    Roster,
    Unenroll,
}
