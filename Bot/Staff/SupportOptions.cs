namespace ChatPay.Bot.Staff;

/// <summary>What citizens are told of support when their money is held (Support).</summary>
public sealed class SupportOptions : System.ComponentModel.DataAnnotations.IValidatableObject
{
    public const string Section = "Support";

    /// <summary>The support hotline printed for a citizen whose money is held, e.g. "0239 3 123 456".</summary>
    public string Hotline { get; set; } = "";

    /// <summary>How soon support answers a case, as promised to the citizen.</summary>
    public TimeSpan AnswerWithin { get; set; } = TimeSpan.FromHours(24);

    public IEnumerable<System.ComponentModel.DataAnnotations.ValidationResult> Validate(System.ComponentModel.DataAnnotations.ValidationContext validationContext)
    {
        if (AnswerWithin < TimeSpan.FromHours(1) || AnswerWithin > TimeSpan.FromDays(14))
            yield return new("Support:AnswerWithin must be between 1 hour and 14 days.");
        if (Hotline.Length > 40) yield return new("Support:Hotline must be at most 40 characters.");
    }
}
