namespace ChatPay.Domain.Staff;

/// <summary>The chat-log topic under which a dossier's "paid" alerts and reminders are sent, to update and count them.</summary>
public static class AlertTopic
{
    public static string For(string dossierCode) => $"alert:{dossierCode}";
}
