
namespace ChatPay.Domain.Notices;

/// <summary>A notice's "Thanh toán" ("p:&lt;dossier code&gt;"): pressing it is the same as typing the code, whatever the chat was doing.</summary>
public sealed record NoticeButton(string DossierCode)
{
    public string Format() => $"p:{DossierCode}";

    public static bool TryParse(string? raw, out NoticeButton button)
    {
        button = null!;
        if (raw is null || raw.Length is < 3 or > 64 || !raw.StartsWith("p:") || !ChatPay.Domain.Dossiers.DossierCode.TryCreate(raw[2..], out var code)) return false;
        button = new NoticeButton(code.Value);
        return true;
    }
}
