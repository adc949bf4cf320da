using System.Text;
using ChatPay.Domain.Chats;
using ChatPay.Domain.Dossiers;
using ChatPay.Domain.Vietnamese;

namespace ChatPay.Domain.Notices;

/// <summary>What a citizen is told about notices: the notice itself, and linking or unlinking their phone number.</summary>
public static class NoticeTexts
{
    public const string PayLabel = "Thanh toán";
    public const string SharePhoneLabel = "Chia sẻ số điện thoại";

    public static OutgoingMessage PaymentRequested(Dossier dossier, bool reminder)
    {
        var text = new StringBuilder()
            .AppendLine(reminder ? $"⏰ Nhắc: hồ sơ {dossier.Code} vẫn chờ thanh toán" : $"🔔 Hồ sơ {dossier.Code} cần thanh toán")
            .AppendLine($"Thủ tục: {dossier.ProcedureName}")
            .AppendLine($"Cơ quan: {dossier.AgencyName}");
        foreach (var line in dossier.Fees) text.AppendLine($"• {line.KindLabel}: {line.Name} — {Vnd.Format(line.Amount)}");
        text.AppendLine($"Tổng cộng: {Vnd.Format(dossier.Total())}")
            .Append($"Bấm \"{PayLabel}\" để thanh toán ngay trong cuộc trò chuyện này.");
        return new OutgoingMessage(text.ToString(), [new ChoiceButton(PayLabel, new NoticeButton(dossier.Code).Format())], [])
        {
            Topic = MessageTopic.Notice(dossier.Code),
        };
    }

    /// <summary>The offer, in one sentence what it is for and how to end it; channels show a button that shares the person's own number.</summary>
    public static OutgoingMessage OfferLink() => new(
        $"Muốn được báo ngay khi hồ sơ của bạn cần thanh toán? Bấm \"{SharePhoneLabel}\" để liên kết số điện thoại đã khai trong hồ sơ; " +
        "gõ /huylienket để hủy bất cứ lúc nào.") { AsksForPhone = true };

    public static OutgoingMessage Linked(string normalised) => new(
        $"Đã liên kết số điện thoại {PhoneNumbers.Masked(normalised)}. Khi cơ quan yêu cầu thanh toán hồ sơ có số này, thông báo sẽ được gửi vào đây. " +
        "Gõ /huylienket để hủy liên kết.") { EndsPhoneRequest = true };

    public static OutgoingMessage AlreadyLinked(PhoneLink link) => new(
        $"Cuộc trò chuyện này đã liên kết số điện thoại •••• {link.LastDigits}. Gõ /huylienket để hủy liên kết.");

    public static OutgoingMessage NotOwnNumber() => new(
        $"Chỉ liên kết được số điện thoại của chính bạn. Vui lòng bấm nút \"{SharePhoneLabel}\" bên dưới.") { Warning = true, AsksForPhone = true };

    public static OutgoingMessage InvalidNumber() => new(
        "Số điện thoại này không phải số di động Việt Nam nên chưa liên kết được.") { Warning = true, EndsPhoneRequest = true };

    public static OutgoingMessage Unlinked() => new(
        "Đã hủy liên kết số điện thoại. Bạn sẽ không nhận thông báo yêu cầu thanh toán nữa; vẫn có thể nhập mã hồ sơ để thanh toán.")
        { EndsPhoneRequest = true };

    public static OutgoingMessage NothingLinked() => new("Cuộc trò chuyện này chưa liên kết số điện thoại nào. Gõ /lienket để liên kết.");

    public static OutgoingMessage NoPhoneHere() => new(
        "Liên kết số điện thoại chỉ dùng được trong Telegram và Zalo. Ở đây, bạn hãy nhập mã hồ sơ hoặc mở liên kết thanh toán cơ quan gửi.");
}
