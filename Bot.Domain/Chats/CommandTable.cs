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
        new(CommandAction.Receipt, "/bienlai", [], CommandUse.Citizens, "Nhận lại biên lai", "<mã hồ sơ> [4 số cuối SĐT]"),
        new(CommandAction.Report, "/baoloi", [], CommandUse.Citizens, "Đã bị trừ tiền nhưng hồ sơ chưa được ghi nhận", "<mã hồ sơ>"),
        new(CommandAction.LinkPhone, "/lienket", [], CommandUse.Citizens, "Nhận thông báo khi hồ sơ cần thanh toán"),
        new(CommandAction.UnlinkPhone, "/huylienket", [], CommandUse.Citizens, "Hủy liên kết số điện thoại"),
        new(CommandAction.Help, "/trogiup", ["/help"], CommandUse.Citizens, "Hướng dẫn"),
        new(CommandAction.Lookup, "/tracuu", [], CommandUse.Staff, "Tra cứu hồ sơ", "<mã hồ sơ>"),
        new(CommandAction.Enroll, "/dangky", [], CommandUse.Staff, "Cán bộ đăng ký nhận thông báo", "<mã đăng ký>"),
        new(CommandAction.Roster, "/dsdangky", [], CommandUse.Staff, "Xem các cuộc trò chuyện đã đăng ký"),
        new(CommandAction.Reconcile, "/doisoat", [], CommandUse.Staff, "Đối soát thu phí một ngày (mặc định: hôm qua)", "[yyyy-MM-dd]"),
        new(CommandAction.Unenroll, "/huydangky", [], CommandUse.Staff, "Ngừng nhận thông báo, hoặc chấm dứt một đăng ký", "[mã trong ngoặc]"),
    ];

    /// <summary>The command with this name or alias ("/help" is <see cref="CommandAction.Help"/>), if any.</summary>
    public static CommandSpec? Find(string name) => All.FirstOrDefault(c => c.Name == name || c.Aliases.Contains(name));

    public static CommandSpec Of(CommandAction action) => All.First(c => c.Action == action);

    /// <summary>One line per command for a help text: "/bienlai &lt;mã hồ sơ&gt; — Nhận lại biên lai".</summary>
    public static string Lines(CommandUse use) => string.Join('\n', All.Where(c => c.Use == use).Select(c => $"{c.Syntax} — {c.Description}"));
}
