namespace ChatPay.Domain.Dossiers;

/// <summary>What a piece of text says about a dossier code.</summary>
public abstract record DossierCodeReading
{
    private DossierCodeReading() { }

    /// <summary>The text holds a well-formed code (which may or may not exist).</summary>
    public sealed record Found(DossierCode Code) : DossierCodeReading;

    /// <summary>The text looks like an attempt at a code but is not one.</summary>
    public sealed record Malformed : DossierCodeReading;

    /// <summary>The text is not about a dossier code at all.</summary>
    public sealed record NoCode : DossierCodeReading;
}
