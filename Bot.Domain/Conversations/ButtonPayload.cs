namespace ChatPay.Domain.Conversations;

/// <summary>
/// What a choice button sends back: the action, the conversation step the button was sent at, and an
/// argument (a bank code). Short enough for Telegram's 64-byte callback data: "b:12:VIETCOMBANK".
/// </summary>
public sealed record ButtonPayload(ButtonAction Action, int Step, string? Argument = null)
{
    public const int MaxArgumentLength = 20;

    public string Format() => Argument is null ? $"{Code(Action)}:{Step}" : $"{Code(Action)}:{Step}:{Argument}";

    public static bool TryParse(string? raw, out ButtonPayload payload)
    {
        payload = null!;
        if (string.IsNullOrEmpty(raw) || raw.Length > 64) return false;
        var parts = raw.Split(':');
        if (parts.Length is < 2 or > 3 || !int.TryParse(parts[1], System.Globalization.NumberStyles.None, null, out var step))
            return false;
        ButtonAction? action = parts[0] switch
        {
            "ok" => ButtonAction.ConfirmFees,
            "b" => ButtonAction.ChooseBank,
            "cb" => ButtonAction.ChangeBank,
            "x" => ButtonAction.Cancel,
            _ => null,
        };
        if (action is null) return false;
        var argument = parts.Length == 3 ? parts[2] : null;
        if ((action == ButtonAction.ChooseBank) != (argument is not null)) return false;
        if (argument is not null && (argument.Length is 0 or > MaxArgumentLength || !argument.All(char.IsAsciiLetterOrDigit)))
            return false;
        payload = new ButtonPayload(action.Value, step, argument);
        return true;
    }

    private static string Code(ButtonAction action) => action switch
    {
        ButtonAction.ConfirmFees => "ok",
        ButtonAction.ChooseBank => "b",
        ButtonAction.ChangeBank => "cb",
        _ => "x",
    };
}
