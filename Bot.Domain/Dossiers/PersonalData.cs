namespace ChatPay.Domain.Dossiers;

/// <summary>Masks personal data shown to anyone who is not an officer of the dossier's agency.</summary>
public static class PersonalData
{
    /// <summary>Keeps the family name and each other name's first letter: "Nguyễn Văn An" → "Nguyễn V** A*".</summary>
    public static string MaskName(string fullName)
    {
        var words = fullName.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) return "";
        if (words.Length == 1) return MaskWord(words[0]);
        return string.Join(' ', words.Select((word, i) => i == 0 ? word : MaskWord(word)));
    }

    /// <summary>Shows only the last three digits: "0912345678" → "*******678".</summary>
    public static string MaskPhone(string phone) =>
        phone.Length <= 3 ? new string('*', phone.Length) : new string('*', phone.Length - 3) + phone[^3..];

    private static string MaskWord(string word)
    {
        var first = System.Globalization.StringInfo.GetNextTextElementLength(word);
        var rest = new System.Globalization.StringInfo(word[first..]).LengthInTextElements;
        return word[..first] + new string('*', rest);
    }
}
