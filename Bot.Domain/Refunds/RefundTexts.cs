using ChatPay.Domain.Chats;
using ChatPay.Domain.Dossiers;
using ChatPay.Domain.Payments;
using ChatPay.Domain.Vietnamese;

namespace ChatPay.Domain.Refunds;

/// <summary>What staff and citizens read about refunds.</summary>
public static class RefundTexts
{
    public const string AskLabel = "Hoàn tiền";
    public const string ApproveLabel = "Duyệt hoàn tiền";
    public const string DeclineLabel = "Từ chối";

    public static ChoiceButton Ask(Payment payment, long amount) =>
        new($"{AskLabel} {Vnd.Format(amount)} ({payment.Id})", new RefundButton(RefundAction.Ask, payment.Id).Format());

    /// <summary>To the second person: what, to whom (masked), why, asked by whom; approve or decline.</summary>
    public static OutgoingMessage Approval(Refund refund, Dossier dossier, Payment payment) => new(
        $"💸 Đề nghị hoàn tiền {Vnd.Format(refund.Amount)} — hồ sơ {refund.DossierCode}\n" +
        $"Người nộp: {PersonalData.MaskName(dossier.ApplicantName)}\n" +
        $"Giao dịch: {payment.Id} qua {payment.BankName} ({payment.Gateway}), {Vnd.Format(payment.Amount)}, mã GD {payment.TransactionNo}\n" +
        $"Lý do: {refund.Reason}\n" +
        $"Đề nghị bởi: {refund.RequesterName} lúc {VietnamTime.Format(refund.RequestedAt)}\n" +
        "Cần một người khác (cán bộ của cơ quan hoặc một thành viên hỗ trợ khác) duyệt.",
        [new ChoiceButton(ApproveLabel, new RefundButton(RefundAction.Approve, refund.Id).Format()),
         new ChoiceButton(DeclineLabel, new RefundButton(RefundAction.Decline, refund.Id).Format())], [])
    {
        Topic = MessageTopic.Refund(refund.Id),
    };

    /// <summary>An approval request once decided or finished: what became of it, no buttons.</summary>
    public static OutgoingMessage Decided(OutgoingMessage approval, Refund refund) => approval with
    {
        Text = approval.Text + "\n" + Status(refund),
        Choices = [],
    };

    public static string Status(Refund refund) => refund.State switch
    {
        RefundState.Approved or RefundState.Checking => $"✅ Đã được {refund.ApproverName} duyệt lúc {VietnamTime.Format(refund.DecidedAt!.Value)}; đang gửi cổng thanh toán.",
        RefundState.Refunded => $"✅ Đã hoàn tiền (duyệt bởi {refund.ApproverName}; cổng thanh toán xác nhận lúc {VietnamTime.Format(refund.FinishedAt!.Value)}).",
        RefundState.Refused => $"⚠️ Cổng thanh toán không hoàn được: {refund.GatewayMessage}. Đã chuyển bộ phận hỗ trợ.",
        RefundState.Declined => $"✘ Đã bị {refund.ApproverName} từ chối lúc {VietnamTime.Format(refund.DecidedAt!.Value)}.",
        _ => "Đang chờ duyệt.",
    };

    public static OutgoingMessage Requested(Refund refund) => new(
        $"Đã gửi đề nghị hoàn {Vnd.Format(refund.Amount)} (giao dịch {refund.PaymentId}) để một người khác duyệt.");

    public static OutgoingMessage ToCitizen(Refund refund, Payment payment) => new(
        $"💸 Đã hoàn {Vnd.Format(refund.Amount)} của hồ sơ {refund.DossierCode} về {payment.BankName}.\n" +
        "Ngân hàng có thể mất vài ngày làm việc để ghi có vào tài khoản của bạn.");

    public static OutgoingMessage NotRefundable(string paymentId) => new($"Giao dịch {paymentId} không có khoản tiền nào để hoàn.") { Warning = true };

    public static OutgoingMessage TooMuch(long left) => new($"Số tiền hoàn vượt quá số còn có thể hoàn ({Vnd.Format(left)}).") { Warning = true };

    public static OutgoingMessage NotYours() => new("Người đề nghị hoàn tiền không tự duyệt được. Cần một người khác duyệt.") { Warning = true };

    public static OutgoingMessage NotAllowed() => new("Chỉ cán bộ của cơ quan thu hoặc bộ phận hỗ trợ duyệt được hoàn tiền.") { Warning = true };

    public static OutgoingMessage AlreadyDecided(Refund refund) => new($"Đề nghị hoàn tiền này đã được xử lý. {Status(refund)}");

    public static OutgoingMessage Unknown() => new("Không tìm thấy đề nghị hoàn tiền này.") { Warning = true };
}
