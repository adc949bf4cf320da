namespace ChatPay.Bot.Hosting;

/// <summary>A setting whose value cannot be used; the message is the one sentence ChatPay stops with.</summary>
public sealed class SettingsException(string message) : Exception(message);
