using ChatPay.Domain.Dossiers;

namespace ChatPay.Bot.Demo;

/// <summary>A few agencies of Hà Tĩnh province and dossiers in each state a newcomer should try.</summary>
public static class DemoData
{
    /// <summary>The tax codes are made up (the real units' are public, but a demo must not print them on receipts).</summary>
    public sealed record DemoAgency(string Code, string Name, string TaxCode, string Address);

    public sealed record DemoDossier(string Code, string Procedure, string AgencyCode, string Applicant, string Phone, FeeLine[] Fees, bool Paid = false);

    public static readonly DemoAgency[] Agencies =
    [
        new("H42.10", "Sở Tư pháp tỉnh Hà Tĩnh", "0000000010", "Số 01 đường Nguyễn Chí Thanh, thành phố Hà Tĩnh, tỉnh Hà Tĩnh"),
        new("H42.14", "Sở Tài chính tỉnh Hà Tĩnh", "0000000014", "Số 02 đường Nguyễn Chí Thanh, thành phố Hà Tĩnh, tỉnh Hà Tĩnh"),
        new("H42.27", "Văn phòng Đăng ký đất đai tỉnh Hà Tĩnh", "0000000027", "Số 03 đường Hà Huy Tập, thành phố Hà Tĩnh, tỉnh Hà Tĩnh"),
    ];

    public static readonly DemoDossier[] Dossiers =
    [
        new("H42.10-261125-0001", "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam", "H42.10", "Nguyễn Văn An", "0912345678",
            [new(FeeKind.Fee, "Phí cung cấp thông tin lý lịch tư pháp", 200_000)]),
        new("H42.27-261124-0003", "Đăng ký biến động quyền sử dụng đất, tài sản gắn liền với đất", "H42.27", "Trần Thị Bình", "0987654321",
            [new(FeeKind.Fee, "Phí thẩm định hồ sơ cấp Giấy chứng nhận", 500_000), new(FeeKind.Charge, "Lệ phí cấp Giấy chứng nhận", 100_000)]),
        new("H42.14-261126-0007", "Đăng ký thành lập doanh nghiệp tư nhân", "H42.14", "Lê Minh Cường", "0905111222",
            [new(FeeKind.Charge, "Lệ phí đăng ký doanh nghiệp", 50_000), new(FeeKind.Fee, "Phí công bố nội dung đăng ký doanh nghiệp", 100_000)]),
        new("H42.10-261120-0015", "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam", "H42.10", "Phạm Thu Dung", "0934555666",
            [new(FeeKind.Fee, "Phí cung cấp thông tin lý lịch tư pháp", 200_000)], Paid: true),
        new("H42.27-261126-0009", "Cấp đổi Giấy chứng nhận quyền sử dụng đất", "H42.27", "Hoàng Văn Em", "0978333444", []),
        // A second unpaid dossier of the land office, for the officer's walk-through after the first one is paid.
        new("H42.27-261126-0012", "Đăng ký thế chấp quyền sử dụng đất", "H42.27", "Vũ Thị Giang", "0911777888",
            [new(FeeKind.Fee, "Phí đăng ký giao dịch bảo đảm", 80_000)]),
    ];
}
