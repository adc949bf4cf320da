using ChatPay.Bot.Hosting;
using ChatPay.Bot.Pages;
using ChatPay.Domain.Payments;

namespace ChatPay.Bot.Payments;

/// <summary>
/// What the payer sees back from any gateway's page. It decides nothing: only a signed callback or a status query
/// settles, so a forged or replayed return changes no record.
/// </summary>
public static class ReturnPages
{
    public const string PaidHeading = "Thanh toán thành công";
    public const string NotAuthenticHeading = "Không xác thực được kết quả thanh toán";
    public const string NotFinishedHeading = "Thanh toán chưa thành công";

    /// <summary>A return's query as the fields its signature covers; a field given twice is left out (and so fails the signature).</summary>
    public static Dictionary<string, string> Fields(HttpRequest request) =>
        request.Query.Where(q => q.Value.Count == 1).ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);

    /// <summary>The page for a return whose signature held (<paramref name="report"/>) or did not (null).</summary>
    public static IResult Show(GatewayReport? report, AppLinks links)
    {
        var back = $"<p><a class=\"button\" href=\"{Page.Encode(links.Home)}\">Quay lại cuộc trò chuyện</a></p>";
        if (report is null)
            return Page.Html("Không xác thực được kết quả",
                $"<h1 class=\"bad\">{NotAuthenticHeading}</h1><p>Vui lòng xem kết quả trong cuộc trò chuyện.</p>" + back,
                StatusCodes.Status400BadRequest);
        return report.Succeeded
            ? Page.Html(PaidHeading,
                $"<h1 class=\"ok\">{PaidHeading}</h1><p>Biên lai được gửi vào cuộc trò chuyện của bạn. Bạn có thể đóng trang này.</p>" + back)
            : Page.Html(NotFinishedHeading,
                $"<h1 class=\"bad\">{NotFinishedHeading}</h1><p>{Page.Encode(report.Reason ?? "Giao dịch chưa hoàn tất.")}</p>" +
                "<p>Bạn có thể quay lại cuộc trò chuyện để thử lại hoặc chọn ngân hàng, ví khác.</p>" + back);
    }
}
