namespace ChatPay.Tests.Properties;

/// <summary>One thing that can happen to ChatPay: a person acts, the gateway reports, time passes, the bot restarts.</summary>
public abstract record JourneyOp
{
    /// <summary>A chat types a dossier's code (Dossier below the number of dossiers) or something else.</summary>
    public sealed record Type(int Chat, int What) : JourneyOp;

    /// <summary>A press on one of the buttons of the chat's newest message that has any.</summary>
    public sealed record PressCurrent(int Chat, int Button) : JourneyOp;

    /// <summary>A press on a button of an older message, as a double tap or a scrolled-up chat sends.</summary>
    public sealed record PressStale(int Chat, int Back, int Button) : JourneyOp;

    /// <summary>A payload nobody sent, on a real message.</summary>
    public sealed record PressForged(int Chat, string Payload) : JourneyOp;

    /// <summary>
    /// The gateway reports on an attempt (picked among those that exist), by IPN or answering a status query. The
    /// attempt's true outcome is fixed at its first report; later ones repeat it, as a real gateway would. A report from
    /// another gateway than the attempt's (a misrouted or forged callback that passed that gateway's checks) is no news.
    /// </summary>
    public sealed record Report(int Attempt, Outcome Outcome, bool ByStatusQuery, bool WrongAmount, bool WrongGateway = false) : JourneyOp;

    /// <summary>The payer follows an attempt's link (again, or after it closed) on the way to the gateway.</summary>
    public sealed record OpenLink(int Attempt) : JourneyOp;

    public sealed record PassTime(int Minutes) : JourneyOp;

    public sealed record Restart : JourneyOp;
}

public enum Outcome { Paid, Declined, MoneyHeld }
