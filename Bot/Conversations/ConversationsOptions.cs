using System.ComponentModel.DataAnnotations;

namespace ChatPay.Bot.Conversations;

public sealed class ConversationsOptions : IValidatableObject
{
    public const string Section = "Conversations";

    /// <summary>After this long without a message, a conversation in progress returns to idle.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How often expired links and idle conversations are looked for.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Unknown dossier codes one chat may try within <see cref="WrongCodeWindow"/> before it must wait.</summary>
    [Range(1, 1000)]
    public int MaxWrongCodes { get; set; } = 5;

    public TimeSpan WrongCodeWindow { get; set; } = TimeSpan.FromMinutes(15);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (IdleTimeout < TimeSpan.FromMinutes(1)) yield return new ValidationResult("Conversations:IdleTimeout must be at least 1 minute.");
        if (SweepInterval < TimeSpan.FromMilliseconds(10) || SweepInterval > TimeSpan.FromMinutes(5))
            yield return new ValidationResult("Conversations:SweepInterval must be between 10 ms and 5 minutes.");
        if (WrongCodeWindow < TimeSpan.FromSeconds(1) || WrongCodeWindow > TimeSpan.FromDays(1))
            yield return new ValidationResult("Conversations:WrongCodeWindow must be between 1 second and 1 day.");
    }
}
