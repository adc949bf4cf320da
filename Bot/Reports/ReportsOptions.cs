namespace ChatPay.Bot.Reports;

/// <summary>The daily reconciliation (Reports).</summary>
public sealed class ReportsOptions
{
    public const string Section = "Reports";

    /// <summary>When (Vietnam time, GMT+7) the previous day's gateways are asked and its summary is sent to agency chats and support.</summary>
    public TimeOnly DailyAt { get; set; } = new(7, 30);
}
