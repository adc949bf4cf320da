using ChatPay.Domain.Conversations;
using ChatPay.Domain.Dossiers;
using ChatPay.Domain.Staff;

namespace ChatPay.Tests.Domain;

/// <summary>
/// The Vietnamese wording of the messages that matter most, pinned on purpose: changing one of these sentences is a
/// decision, and this is where it shows. Every other test asserts through the texts' own builders or on state.
/// </summary>
[Trait("Tier", "Unit")]
public class GoldenTextTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 26, 2, 0, 0, TimeSpan.Zero);

    private static Dossier Dossier()
    {
        var dossier = new Dossier("H42.10-261125-0001", "Cấp Phiếu lý lịch tư pháp", "H42.10", "Sở Tư pháp tỉnh Hà Tĩnh", "Nguyễn Văn An", "0912345678", At);
        dossier.RequestPayment([new FeeLine(FeeKind.Fee, "Phí thẩm định", 500_000), new FeeLine(FeeKind.Charge, "Lệ phí cấp giấy", 100_000)], At);
        return dossier;
    }

    [Fact]
    public void The_greeting() => Assert.Equal(
        "Xin chào! Tôi giúp bạn nộp phí, lệ phí hồ sơ thủ tục hành chính.\nHãy nhập mã hồ sơ (ví dụ: H42.10-261125-0001). Mã có trên giấy tiếp nhận hồ sơ.",
        CitizenTexts.Welcome().Text);

    [Fact]
    public void The_fee_and_charge_lines() => Assert.Equal(
        "Thông tin thanh toán\nMã hồ sơ: H42.10-261125-0001\nThủ tục: Cấp Phiếu lý lịch tư pháp\nCơ quan: Sở Tư pháp tỉnh Hà Tĩnh\nNgười nộp: Nguyễn V** A*\n" +
        "• Phí: Phí thẩm định — 500.000 ₫\n• Lệ phí: Lệ phí cấp giấy — 100.000 ₫\nTổng cộng: 600.000 ₫\nVui lòng kiểm tra rồi bấm \"Xác nhận\".",
        CitizenTexts.Fees(Dossier(), 1).Text.ReplaceLineEndings("\n"));

    [Fact]
    public void A_refused_look_up() => Assert.Equal(
        "Bạn đã nhập sai mã hồ sơ nhiều lần.\nĐể bảo vệ thông tin hồ sơ, vui lòng thử lại sau 09:15.\nMã hồ sơ có trên giấy tiếp nhận hồ sơ.",
        CitizenTexts.TooManyWrongCodes(At.AddMinutes(15)).Text);

    [Fact]
    public void The_officers_alert_headline() => Assert.StartsWith(
        "🔔 Hồ sơ H42.10-261125-0001 đã thanh toán — sẵn sàng xử lý\n",
        StaffTexts.PaidAlert(Dossier(), new ChatPay.Domain.Receipts.Receipt
        {
            Id = "2026-1", Year = 2026, Number = 1, FormNumber = "01BLP0-001", Series = "CP-26E", DossierCode = "H42.10-261125-0001",
            ProcedureName = "Cấp Phiếu lý lịch tư pháp", AgencyCode = "H42.10", AgencyName = "Sở Tư pháp tỉnh Hà Tĩnh", PayerName = "Nguyễn Văn An",
            Lines = Dossier().Fees, Total = 600_000, PaidAt = At, BankName = "Vietcombank", GatewayTransactionNo = "14000001", PaymentId = "x_1", AccessToken = "t",
        }, "https://chatpay.test/bien-lai/t").Text);
}
