using ChatPay.Bot.Pages;
using ChatPay.Domain.Storage;
using ChatPay.Domain.Vietnamese;
using Microsoft.AspNetCore.Mvc;

namespace ChatPay.Bot.Payments.Sandbox;

/// <summary>The sandbox's payment pages and status API, at the same relative paths as VNPay's.</summary>
public static class SandboxEndpoints
{
    public const string PaymentPath = "/sandbox/vnpay/paymentv2/vpcpay.html";
    public const string ApiPath = "/sandbox/vnpay/merchant_webapi/api/transaction";
    private const string CompletePath = "/sandbox/vnpay/paymentv2/complete";

    private static readonly (SandboxChoice Choice, string Label)[] Simulations =
    [
        (SandboxChoice.Decline, "Tài khoản không đủ số dư"),
        (SandboxChoice.WrongOtp, "Nhập sai OTP"),
        (SandboxChoice.CardLocked, "Thẻ bị khóa"),
        (SandboxChoice.Reversed, "Trừ tiền nhưng giao dịch bị đảo"),
    ];

    public static IEndpointRouteBuilder MapSandboxGateway(this IEndpointRouteBuilder app)
    {
        app.MapGet(PaymentPath, ShowBankPage).ExcludeFromDescription();
        app.MapPost(CompletePath, CompleteAsync).DisableAntiforgery().ExcludeFromDescription();
        app.MapPost(ApiPath, SandboxStatusApi.Answer).ExcludeFromDescription();
        return app;
    }

    public static IResult ShowBankPage(HttpRequest request, SandboxBank bank, IChatPayStore store, TimeProvider clock)
    {
        var fields = Fields(request.QueryString.Value ?? "");
        if (bank.Check(fields) is { } problem) return ErrorPage(problem);
        var transaction = bank.Arrive(fields);
        if (!transaction.Unfinished) return ErrorPage("Giao dịch này đã được xử lý.");

        var amount = long.Parse(fields["vnp_Amount"]) / 100;
        var bankCode = fields.GetValueOrDefault("vnp_BankCode", "");
        var payee = SandboxPayee.Of(store, fields["vnp_TxnRef"]);
        var query = Page.Encode(request.QueryString.Value?.TrimStart('?'));
        var simulations = string.Concat(Simulations.Select(s =>
            $"""<button class="button secondary" name="choice" value="{s.Choice}">Giả lập: {Page.Encode(s.Label)}</button> """));
        return Page.Html("Cổng thanh toán VNPAY (thử nghiệm)", $"""
            <p class="sandbox">MÔI TRƯỜNG THỬ NGHIỆM — không có tiền thật</p>
            <h1>Thanh toán qua {Page.Encode(payee?.BankName ?? (bankCode.Length > 0 ? bankCode : "VNPAY"))}</h1>
            <dl>
              <dt>Đơn vị thu</dt><dd>{Page.Encode(payee?.AgencyName ?? fields["vnp_TmnCode"])}</dd>
              <dt>Nội dung</dt><dd>{Page.Encode(fields.GetValueOrDefault("vnp_OrderInfo"))}</dd>
              <dt>Mã tham chiếu</dt><dd>{Page.Encode(fields["vnp_TxnRef"])}</dd>
              <dt>Số tiền</dt><dd class="amount">{Vnd.Format(amount)}</dd>
              {(payee is null ? "" : $"<dt>Thời hạn</dt><dd>{Page.Encode(payee.TimeLeft(clock.GetUtcNow()))}</dd>")}
            </dl>
            <form method="post" action="{CompletePath}">
              <input type="hidden" name="query" value="{query}">
              <p><button class="button" name="choice" value="Pay">Thanh toán</button>
                 <button class="button secondary" name="choice" value="Cancel">Hủy giao dịch</button></p>
              <p class="simulations">{simulations}</p>
            </form>
            """, extraCss: ".sandbox { background: #fff4ce; padding: 6px 10px; border-radius: 6px; font-size: .85rem; } " +
                ".amount { font-size: 1.3rem; color: #b3261e; } .simulations { display: flex; flex-wrap: wrap; gap: 8px; } .simulations .button { font-size: .85rem; }");
    }

    public static async Task<IResult> CompleteAsync(
        [FromForm] string query, [FromForm] SandboxChoice choice, SandboxBank bank, SandboxIpnSender ipn, SandboxIpnTarget target,
        CancellationToken cancellationToken)
    {
        var fields = Fields(query);
        if (bank.Check(fields) is { } problem) return ErrorPage(problem);

        var transaction = bank.Complete(fields, choice, target);
        // VNPay calls the IPN around the time it redirects the browser; calling it first lets the chat show the receipt as the person returns.
        if (target.Mode is SandboxIpnMode.Immediate or SandboxIpnMode.Twice) await ipn.DeliverAsync(transaction, cancellationToken);
        if (target.Mode is SandboxIpnMode.Twice) await ipn.RepeatAsync(transaction, cancellationToken);
        return Results.Redirect($"{transaction.ReturnUrl}?{bank.ResultQuery(transaction)}");
    }

    private static Dictionary<string, string> Fields(string query) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query)
            .Where(q => q.Value.Count == 1)
            .ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);

    private static IResult ErrorPage(string problem) => Page.Html("Giao dịch không hợp lệ",
        $"<h1 class=\"bad\">Giao dịch không hợp lệ</h1><p>{Page.Encode(problem)}</p>", StatusCodes.Status400BadRequest);
}
