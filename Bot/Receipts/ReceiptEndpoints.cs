using System.Text;
using ChatPay.Bot.Hosting;
using ChatPay.Bot.Pages;
using ChatPay.Domain.Storage;
using ChatPay.Domain.Vietnamese;

namespace ChatPay.Bot.Receipts;

/// <summary>The printable receipt, at an address only its payer (and the agency's officers) were given.</summary>
public static class ReceiptEndpoints
{
    public const string Path = "/bien-lai";

    public static IEndpointRouteBuilder MapReceipts(this IEndpointRouteBuilder app)
    {
        app.MapGet($"{Path}/{{token}}", Show).ExcludeFromDescription();
        return app;
    }

    public static IResult Show(string token, IChatPayStore store)
    {
        var receipt = store.Read(session => session.Receipts.FindByAccessToken(token));
        if (receipt is null)
            return Page.Html("Không tìm thấy biên lai", "<h1 class=\"bad\">Không tìm thấy biên lai</h1><p>Vui lòng dùng liên kết trong cuộc trò chuyện.</p>",
                StatusCodes.Status404NotFound);

        var lines = new StringBuilder();
        var index = 1;
        foreach (var line in receipt.Lines)
            lines.Append($"<tr><td>{index++}</td><td>{Page.Encode(line.KindLabel)}</td><td>{Page.Encode(line.Name)}</td><td class=\"num\">{Vnd.Format(line.Amount)}</td></tr>");

        return Page.Html($"Biên lai {receipt.NumberText()}", $"""
            <header>
              <div><strong>{Page.Encode(receipt.AgencyName)}</strong><br>Đơn vị thu phí, lệ phí</div>
              <div class="meta">Mẫu số: {Page.Encode(receipt.FormNumber)}<br>Ký hiệu: {Page.Encode(receipt.Series)}<br>Số: <strong>{receipt.NumberText()}</strong></div>
            </header>
            <h1>BIÊN LAI THU PHÍ, LỆ PHÍ</h1>
            <p class="center">(Biên lai điện tử)</p>
            <dl>
              <dt>Người nộp</dt><dd>{Page.Encode(receipt.PayerName)}</dd>
              <dt>Mã hồ sơ</dt><dd>{Page.Encode(receipt.DossierCode)}</dd>
              <dt>Thủ tục</dt><dd>{Page.Encode(receipt.ProcedureName)}</dd>
            </dl>
            <table>
              <thead><tr><th>STT</th><th>Loại</th><th>Nội dung</th><th class="num">Số tiền</th></tr></thead>
              <tbody>{lines}</tbody>
              <tfoot><tr><td colspan="3">Tổng cộng</td><td class="num">{Vnd.Format(receipt.Total)}</td></tr></tfoot>
            </table>
            <p>Số tiền bằng chữ: <em>{Page.Encode(AmountInWords.Spell(receipt.Total))}.</em></p>
            <dl>
              <dt>Hình thức thanh toán</dt><dd>Trực tuyến qua {Page.Encode(receipt.BankName)}</dd>
              <dt>Mã giao dịch</dt><dd>{Page.Encode(receipt.GatewayTransactionNo)}</dd>
              <dt>Thời gian</dt><dd>{VietnamTime.Format(receipt.PaidAt)}</dd>
            </dl>
            <p class="noprint"><button class="button" id="print" type="button">In biên lai</button></p>
            <script>{SecurityHeaders.PrintScript}</script>
            """, extraCss: """
            main { max-width: 720px; }
            header { display: flex; justify-content: space-between; gap: 16px; font-size: .9rem; }
            .meta { text-align: right; }
            h1 { text-align: center; margin: 24px 0 0; }
            .center { text-align: center; margin-top: 4px; color: #5f6b7a; }
            table { width: 100%; border-collapse: collapse; margin: 16px 0; }
            th, td { border: 1px solid #c7ccd3; padding: 6px 8px; text-align: left; }
            .num { text-align: right; white-space: nowrap; }
            tfoot td { font-weight: 600; }
            @page { size: A4; margin: 18mm; }
            @media print { body { background: #fff; } main { box-shadow: none; margin: 0; max-width: none; } .noprint { display: none; } }
            """);
    }
}
