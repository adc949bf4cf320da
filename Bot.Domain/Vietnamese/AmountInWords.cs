using System.Text;

namespace ChatPay.Domain.Vietnamese;

/// <summary>Spells an amount in Vietnamese as receipts require ("Năm mươi tám nghìn đồng").</summary>
public static class AmountInWords
{
    private static readonly string[] Digits = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"];
    private static readonly string[] Scales = ["", " nghìn", " triệu", " tỷ", " nghìn tỷ", " triệu tỷ", " tỷ tỷ"];

    public static string Spell(long amount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        if (amount == 0) return "Không đồng";

        var groups = new List<int>();
        for (var rest = amount; rest > 0; rest /= 1000) groups.Add((int)(rest % 1000));

        var words = new StringBuilder();
        for (var i = groups.Count - 1; i >= 0; i--)
        {
            if (groups[i] == 0) continue;
            var isLeading = i == groups.Count - 1;
            if (words.Length > 0) words.Append(' ');
            words.Append(SpellGroup(groups[i], full: !isLeading)).Append(Scales[i]);
        }

        var text = words.ToString();
        return char.ToUpperInvariant(text[0]) + text[1..] + " đồng";
    }

    /// <summary>Spells 0–999. A group after a higher one is read in full ("không trăm linh năm").</summary>
    private static string SpellGroup(int n, bool full)
    {
        int hundreds = n / 100, tens = n / 10 % 10, units = n % 10;
        var parts = new List<string>();
        if (hundreds > 0 || full) parts.Add(Digits[hundreds] + " trăm");

        if (tens == 0)
        {
            if (units > 0 && parts.Count > 0) parts.Add("linh");
        }
        else if (tens == 1) parts.Add("mười");
        else parts.Add(Digits[tens] + " mươi");

        if (units > 0) parts.Add(UnitWord(units, tens));
        return string.Join(' ', parts);
    }

    private static string UnitWord(int units, int tens) => units switch
    {
        1 when tens >= 2 => "mốt",
        4 when tens >= 2 => "tư",
        5 when tens >= 1 => "lăm",
        _ => Digits[units],
    };
}
