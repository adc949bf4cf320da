namespace ChatPay.Domain.Refunds;

/// <summary>
/// Refund buttons on staff messages: ask to refund an attempt ("rf:&lt;payment id&gt;", on a support case), approve ("ra:")
/// or decline ("rx:") a refund (&lt;refund id&gt;).
/// </summary>
public sealed record RefundButton(RefundAction Action, string Id)
{
    public string Format() => $"{Action switch { RefundAction.Ask => "rf", RefundAction.Approve => "ra", _ => "rx" }}:{Id}";

    public static bool TryParse(string? raw, out RefundButton button)
    {
        button = null!;
        if (raw is null || raw.Length is < 4 or > 64 || raw[2] != ':') return false;
        RefundAction? action = raw[..2] switch { "rf" => RefundAction.Ask, "ra" => RefundAction.Approve, "rx" => RefundAction.Decline, _ => null };
        var id = raw[3..];
        if (action is null || id.Length == 0 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_')) return false;
        button = new RefundButton(action.Value, id);
        return true;
    }
}

public enum RefundAction
{
    Ask,
    Approve,
    Decline,
}
