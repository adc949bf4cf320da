namespace ChatPay.Bot.Channels.Zalo.Zns;

/// <summary>
/// Zalo's ZNS template messages by phone number (Zalo:Zns), for applicants who linked no Zalo chat. Needs an OA allowed to
/// use ZNS and an approved template whose parameters are <c>ma_ho_so</c> (the dossier code), <c>so_tien</c> (the amount,
/// e.g. "200.000 ₫") and <c>ma_thanh_toan</c> (the one-tap link's token: the template's button opens
/// <c>{App:PublicBaseUrl}/?ma=&lt;ma_thanh_toan&gt;</c>).
/// </summary>
public sealed class ZnsSettings
{
    /// <summary>The approved template's id; empty: no ZNS.</summary>
    public string TemplateId { get; set; } = "";

    /// <summary>Zalo's business API, where ZNS is sent.</summary>
    public string ApiBaseUrl { get; set; } = "https://business.openapi.zalo.me";

    /// <summary>"development" sends only to the app's or OA's admins (to try a template); empty in production.</summary>
    public string Mode { get; set; } = "";

    public bool Enabled => TemplateId.Length > 0;
}
