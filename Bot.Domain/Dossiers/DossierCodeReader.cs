using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ChatPay.Domain.Dossiers;

/// <summary>
/// Finds a dossier code in what a person typed: any case, full-width or look-alike characters, spaces
/// around or instead of separators, letter O for zero, or the code pasted inside a sentence.
/// </summary>
public static partial class DossierCodeReader
{
    public static DossierCodeReading Read(string text)
    {
        var folded = Fold(text);
        var match = CodeInText().Match(folded);
        if (match.Success)
        {
            var date = DigitsOnly(match.Groups["date"].Value);
            var serial = DigitsOnly(match.Groups["serial"].Value);
            if (IsDate(date))
                return new DossierCodeReading.Found(DossierCode.FromCanonical($"{match.Groups["prefix"].Value.Replace(" ", "")}-{date}-{serial}"));
        }
        return LooksLikeAnAttempt().IsMatch(folded) ? new DossierCodeReading.Malformed() : new DossierCodeReading.NoCode();
    }

    /// <summary>Upper-cases and maps every character that a phone keyboard or a copy-paste can substitute.</summary>
    private static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
            builder.Append(FoldChar(c));
        return builder.ToString().ToUpperInvariant();
    }

    private static char FoldChar(char c) => c switch
    {
        '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' or '/' or '_' => '-',
        ',' or '\u00B7' or '\u2022' or '\u3002' => '.',
        // Cyrillic and Greek capitals that look Latin, and their lower-case forms.
        'А' or 'а' or 'Α' or 'α' => 'A',
        'В' or 'в' or 'Β' or 'β' => 'B',
        'С' or 'с' => 'C',
        'Е' or 'е' or 'Ε' or 'ε' => 'E',
        'Н' or 'н' or 'Η' => 'H',
        'І' or 'і' or 'Ι' or 'ι' => 'I',
        'К' or 'к' or 'Κ' or 'κ' => 'K',
        'М' or 'м' or 'Μ' => 'M',
        'Ν' => 'N',
        'О' or 'о' or 'Ο' or 'ο' => 'O',
        'Р' or 'р' or 'Ρ' or 'ρ' => 'P',
        'Т' or 'т' or 'Τ' or 'τ' => 'T',
        'Х' or 'х' or 'Χ' or 'χ' => 'X',
        _ when char.IsWhiteSpace(c) => ' ',
        _ => c,
    };

    private static string DigitsOnly(string group)
    {
        var builder = new StringBuilder(group.Length);
        foreach (var c in group)
        {
            if (c == ' ') continue;
            builder.Append(c switch { 'O' => '0', 'I' or 'L' or '|' => '1', _ => c });
        }
        return builder.ToString();
    }

    private static bool IsDate(string yyMMdd) =>
        DateTime.TryParseExact(yyMMdd, "yyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    // Prefix: dotted parts of letters and digits holding at least one digit ("H42.10", "000.00.15.H42").
    // Date and serial tolerate look-alike letters and spaces; separators may be dashes or spaces.
    [GeneratedRegex(@"(?<![A-Z0-9.])(?<prefix>(?=[A-Z0-9.]*[0-9])[A-Z0-9]{1,6}(?: ?\. ?[A-Z0-9]{1,6}){0,5})(?: ?- ?| )(?<date>[0-9OIL|]{6})(?: ?- ?| )(?<serial>[0-9OIL|]{4})(?![A-Z0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex CodeInText();

    [GeneratedRegex(@"[A-Z][A-Z0-9]*\d[A-Z0-9]*[.\-]|\d{5,}|\d+ ?- ?\d+", RegexOptions.CultureInvariant)]
    private static partial Regex LooksLikeAnAttempt();
}
