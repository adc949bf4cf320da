using System.Globalization;
using ChatPay.Domain.Vietnamese;

namespace ChatPay.Bot.Payments.VnPay;

/// <summary>VNPay's timestamps: yyyyMMddHHmmss in Vietnam time (GMT+7).</summary>
public static class VnPayTime
{
    private const string Format = "yyyyMMddHHmmss";

    public static string ToText(DateTimeOffset instant) => VietnamTime.Local(instant).ToString(Format, CultureInfo.InvariantCulture);

    public static DateTimeOffset? Parse(string? text) =>
        DateTime.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? new DateTimeOffset(local, VietnamTime.Offset).ToUniversalTime()
            : null;
}
