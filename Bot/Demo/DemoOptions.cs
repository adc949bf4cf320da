namespace ChatPay.Bot.Demo;

public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Seeds demo agencies and dossiers on first start and prints their codes. Must be off in production.</summary>
    public bool Enabled { get; set; }
}
