namespace ChatPay.Domain.Dossiers;

/// <summary>A dossier code in canonical form, e.g. <c>H42.10-261125-0001</c>: agency prefix, filing date (yyMMdd), serial.</summary>
public readonly record struct DossierCode
{
    private DossierCode(string value) => Value = value;

    public string Value { get; }

    public override string ToString() => Value;

    /// <summary>Accepts only an already canonical code; use <see cref="DossierCodeReader"/> for what people type.</summary>
    public static bool TryCreate(string? text, out DossierCode code)
    {
        code = default;
        if (text is null || DossierCodeReader.Read(text) is not DossierCodeReading.Found found || found.Code.Value != text)
            return false;
        code = found.Code;
        return true;
    }

    internal static DossierCode FromCanonical(string value) => new(value);
}
