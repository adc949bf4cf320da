namespace ChatPay.Domain.Staff;

/// <summary>Buttons on staff messages: take a paid dossier ("t:"), or ask the gateway again about a reported one ("r:").</summary>
public sealed record StaffButton(StaffAction Action, string DossierCode)
{
    public string Format() => $"{(Action == StaffAction.Claim ? "t" : "r")}:{DossierCode}";

    public static bool TryParse(string? raw, out StaffButton button)
    {
        button = null!;
        if (raw is null || raw.Length is < 3 or > 64 || raw[1] != ':') return false;
        StaffAction? action = raw[0] switch { 't' => StaffAction.Claim, 'r' => StaffAction.Recheck, _ => null };
        if (action is null || !Dossiers.DossierCode.TryCreate(raw[2..], out var code)) return false;
        button = new StaffButton(action.Value, code.Value);
        return true;
    }
}

public enum StaffAction
{
    Claim,
    Recheck,
}
