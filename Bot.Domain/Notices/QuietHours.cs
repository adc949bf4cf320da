using ChatPay.Domain.Vietnamese;

namespace ChatPay.Domain.Notices;

/// <summary>Hours (Vietnam time) when no notice or reminder goes out: it waits for the morning. Start after End spans midnight.</summary>
public sealed record QuietHours(bool Enabled, TimeOnly Start, TimeOnly End)
{
    public static readonly QuietHours Default = new(true, new TimeOnly(22, 0), new TimeOnly(7, 0));

    /// <summary>The first moment from <paramref name="at"/> on that is outside the quiet hours.</summary>
    public DateTimeOffset NextAllowed(DateTimeOffset at)
    {
        if (!Enabled || Start == End) return at;
        var local = VietnamTime.Local(at);
        var time = TimeOnly.FromDateTime(local.DateTime);
        var quiet = Start < End ? time >= Start && time < End : time >= Start || time < End;
        if (!quiet) return at;
        var endDay = Start < End || time < End ? local.Date : local.Date.AddDays(1);
        return new DateTimeOffset(endDay + End.ToTimeSpan(), local.Offset).ToUniversalTime();
    }
}
