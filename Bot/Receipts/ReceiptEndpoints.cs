using System.Text;
using ChatPay.Bot.Hosting;
using ChatPay.Bot.Pages;
using ChatPay.Domain.Dossiers;
using ChatPay.Domain.Receipts;
using ChatPay.Domain.Storage;
using ChatPay.Domain.Vietnamese;

namespace ChatPay.Bot.Receipts;

/// <summary>
/// The printable receipt, at an address only its payer (and the agency's officers) were given, its signed XML, and the
/// public verification page its QR code leads to.
/// </summary>
public static class ReceiptEndpoints
{
    public const string Path = "/bien-lai";
    public const string VerifyPath = "/tra-cuu-bien-lai";

    /// <summary>What the verification page says of a genuine receipt, and of a code it does not know.</summary>
    public const string GenuineHeading = "Biên lai hợp lệ";
    public const string UnknownHeading = "Không tìm thấy biên lai";

    public static IEndpointRouteBuilder MapReceipts(this IEndpointRouteBuilder app)
    {
        app.MapGet($"{Path}/{{token}}", Show).ExcludeFromDescription();
        app.MapGet($"{Path}/{{token}}/xml", Download).ExcludeFromDescription();
        app.MapGet(VerifyPath, Lookup).ExcludeFromDescription();
        app.MapGet($"{VerifyPath}/{{code}}", Verify).ExcludeFromDescription();
        return app;
    }

    public static IResult Show(string token, IChatPayStore store, ReceiptSeals seals, AppLinks links)
    {
        if (store.Read(session => session.Receipts.FindByAccessToken(token)) is not { } receipt) return NotFound();
        var seal = seals.For(receipt);
        var verdict = seals.Verify(seal.Xml, receipt);

        var lines = new StringBuilder();
        var index = 1;
        foreach (var line in receipt.Lines)
            lines.Append($"<tr><td>{index++}</td><td>{Page.Encode(line.KindLabel)}</td><td>{Page.Encode(line.Name)}</td><td class=\"num\">{Vnd.Format(line.Amount)}</td></tr>");
        var local = VietnamTime.Local(receipt.PaidAt);
        var verifyUrl = links.Absolute($"{VerifyPath}/{receipt.LookupCode}");

        return Page.Html($"Biên lai {receipt.Series} {receipt.NumberText()}", $"""
            {TrialBanner(receipt)}
            <header>
              <div><strong>{Page.Encode(receipt.AgencyName)}</strong><br>Mã số thuế: {Page.Encode(Or(receipt.AgencyTaxCode))}<br>Địa chỉ: {Page.Encode(Or(receipt.AgencyAddress))}</div>
              <div class="meta">Mẫu số: {Page.Encode(receipt.FormNumber)} · Ký hiệu: {Page.Encode(receipt.Series)}<br>Số: <strong>{receipt.NumberText()}</strong></div>
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
            </dl>
            <div class="footer">
              {LookupBlock(receipt, verifyUrl, links)}
              <div class="sign">
                <p>Ngày {local.Day:00} tháng {local.Month:00} năm {local.Year}</p>
                <p><strong>ĐƠN VỊ THU PHÍ, LỆ PHÍ</strong></p>
                {SignatureBlock(verdict, seal)}
              </div>
            </div>
            <p class="noprint"><a class="button secondary" href="{Path}/{Page.Encode(receipt.AccessToken)}/xml" download>Tải biên lai điện tử đã ký (XML)</a>
              <button class="button" id="print" type="button">In biên lai</button></p>
            <script>{SecurityHeaders.PrintScript}</script>
            """, extraCss: ReceiptCss);
    }

    /// <summary>The signed document, to keep or to hand to the finance office: XML with its XML-DSig signature.</summary>
    public static IResult Download(string token, IChatPayStore store, ReceiptSeals seals)
    {
        if (store.Read(session => session.Receipts.FindByAccessToken(token)) is not { } receipt) return NotFound();
        var name = $"bien-lai-{receipt.Series}-{receipt.NumberText()}.xml";
        return Results.File(Encoding.UTF8.GetBytes(seals.For(receipt).Xml), "application/xml; charset=utf-8", name);
    }

    /// <summary>Where the printed lookup code is typed, for a receipt at hand without its QR code.</summary>
    public static IResult Lookup(string? ma) => ma is { Length: > 0 }
        ? Results.Redirect($"{VerifyPath}/{Uri.EscapeDataString(ma.Trim().ToUpperInvariant())}")
        : Page.Html("Kiểm tra biên lai", $"""
            <h1>Kiểm tra biên lai điện tử</h1>
            <form method="get" action="{VerifyPath}">
              <p><label for="ma">Mã tra cứu in trên biên lai</label><br><input id="ma" name="ma" autocomplete="off" placeholder="VD: 7KQ4-MACD-4TXE" required></p>
              <p><button class="button" type="submit">Kiểm tra</button></p>
            </form>
            """, extraCss: "input { font-size: 1.1rem; padding: 8px; width: 100%; max-width: 280px; }");

    /// <summary>
    /// Anyone holding the paper checks it here: whether a receipt with this code was issued, what it says, and whether its
    /// signature holds — with no personal data beyond the masked payer.
    /// </summary>
    public static IResult Verify(string code, IChatPayStore store, ReceiptSeals seals)
    {
        if (store.Read(session => session.Receipts.FindByLookupCode(code)) is not { } receipt)
            return Page.Html(UnknownHeading, $"<h1 class=\"bad\">{UnknownHeading}</h1><p>Không có biên lai nào có mã tra cứu này. Vui lòng kiểm tra lại mã in trên biên lai.</p>" +
                $"<p><a class=\"button secondary\" href=\"{VerifyPath}\">Nhập mã khác</a></p>", StatusCodes.Status404NotFound);
        var seal = seals.For(receipt);
        var verdict = seals.Verify(seal.Xml, receipt);
        var heading = verdict.Valid ? GenuineHeading : "Chữ ký số của biên lai không hợp lệ";
        return Page.Html(heading, $"""
            {TrialBanner(receipt)}
            <h1 class="{(verdict.Valid ? "ok" : "bad")}">{heading}</h1>
            <dl>
              <dt>Đơn vị thu</dt><dd>{Page.Encode(receipt.AgencyName)}</dd>
              <dt>Mã số thuế</dt><dd>{Page.Encode(Or(receipt.AgencyTaxCode))}</dd>
              <dt>Mẫu số · Ký hiệu</dt><dd>{Page.Encode(receipt.FormNumber)} · {Page.Encode(receipt.Series)}</dd>
              <dt>Số</dt><dd>{receipt.NumberText()}</dd>
              <dt>Người nộp</dt><dd>{Page.Encode(PersonalData.MaskName(receipt.PayerName))}</dd>
              <dt>Số tiền</dt><dd>{Vnd.Format(receipt.Total)}</dd>
              <dt>Ngày lập</dt><dd>{VietnamTime.Format(receipt.PaidAt)}</dd>
            </dl>
            {SignatureBlock(verdict, seal)}
            """, verdict.Valid ? StatusCodes.Status200OK : StatusCodes.Status409Conflict, ReceiptCss);
    }

    /// <summary>The lookup code and its QR code; receipts issued before there were lookup codes have none.</summary>
    private static string LookupBlock(Receipt receipt, string verifyUrl, AppLinks links) => receipt.LookupCode.Length == 0 ? "<div></div>"
        : "<div class=\"lookup\">" +
          $"<img src=\"{QrPng.DataUri(verifyUrl)}\" alt=\"Mã QR kiểm tra biên lai\" width=\"132\" height=\"132\">" +
          $"<p>Mã tra cứu: <strong>{Page.Encode(receipt.LookupCode)}</strong><br>Kiểm tra tại <a href=\"{Page.Encode(verifyUrl)}\">{Page.Encode(links.Absolute(VerifyPath))}</a></p>" +
          "</div>";

    private static string SignatureBlock(ReceiptSeals.Verdict verdict, ReceiptSeals.Seal seal) => verdict.Valid
        ? $"<p class=\"signature\">✔ Đã ký số bởi: {Page.Encode(verdict.Signer)}<br>Ký ngày: {VietnamTime.Format(seal.SignedAt)}" +
          (verdict.SelfSigned ? "<br><em>Chứng thư số tự ký của hệ thống (chưa cấu hình chứng thư của đơn vị): không dùng để thanh quyết toán.</em>" : "") + "</p>"
        : "<p class=\"signature bad\">✘ Chữ ký số không khớp với nội dung biên lai.</p>";

    /// <summary>A banner to read, and a watermark across the page drawn by the style sheet (decoration, not text to read twice).</summary>
    private static string TrialBanner(Receipt receipt) => receipt.Trial ? $"<p class=\"trial\">{Receipt.TrialMark}</p><div class=\"watermark\" aria-hidden=\"true\"></div>" : "";

    private static string Or(string value) => value.Length > 0 ? value : "—";

    private static IResult NotFound() => Page.Html(UnknownHeading, $"<h1 class=\"bad\">{UnknownHeading}</h1><p>Vui lòng dùng liên kết trong cuộc trò chuyện.</p>",
        StatusCodes.Status404NotFound);

    private const string ReceiptCss = """
        main { max-width: 720px; position: relative; }
        header { display: flex; justify-content: space-between; gap: 16px; font-size: .9rem; }
        .meta { text-align: right; white-space: nowrap; }
        h1 { text-align: center; margin: 24px 0 0; }
        .center { text-align: center; margin-top: 4px; color: #5f6b7a; }
        table { width: 100%; border-collapse: collapse; margin: 16px 0; }
        th, td { border: 1px solid #c7ccd3; padding: 6px 8px; text-align: left; }
        .num { text-align: right; white-space: nowrap; }
        tfoot td { font-weight: 600; }
        .footer { display: flex; justify-content: space-between; gap: 16px; margin-top: 16px; flex-wrap: wrap; }
        .lookup { display: flex; gap: 12px; align-items: center; font-size: .9rem; }
        .sign { text-align: center; }
        .signature { color: #137333; font-size: .9rem; } .signature.bad { color: #b3261e; }
        .trial { background: #fde7e9; color: #b3261e; font-weight: 700; text-align: center; padding: 8px; border-radius: 6px; }
        .watermark { position: absolute; inset: 40% 0 auto 0; transform: rotate(-24deg); text-align: center; font-size: 2.2rem; font-weight: 800;
          color: rgba(179, 38, 30, .14); pointer-events: none; }
        .watermark::before { content: "THỬ NGHIỆM — KHÔNG CÓ GIÁ TRỊ"; }
        @page { size: A4; margin: 18mm; }
        @media print { body { background: #fff; } main { box-shadow: none; margin: 0; max-width: none; } .noprint { display: none; } }
        """;
}
