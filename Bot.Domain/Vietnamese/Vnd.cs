using System.Globalization;

namespace ChatPay.Domain.Vietnamese;

/// <summary>Vietnamese đồng as people read it: whole numbers, dot as thousands separator, "₫" after.</summary>
public static class Vnd
{
    private static readonly NumberFormatInfo Grouping = new() { NumberGroupSeparator = ".", NumberDecimalDigits = 0 };

    public static string Format(long amount) => amount.ToString("N0", Grouping) + " ₫";
}
