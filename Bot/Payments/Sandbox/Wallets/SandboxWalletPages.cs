using ChatPay.Bot.Pages;
using ChatPay.Domain.Storage;
using ChatPay.Domain.Vietnamese;
using Microsoft.AspNetCore.Mvc;

namespace ChatPay.Bot.Payments.Sandbox.Wallets;

/// <summary>The wallets' payment pages in the sandbox: what the person sees after ChatPay made the order, and their answer.</summary>
public static class SandboxWalletPages
{
    public static string PagePath(string wallet, string token) => $"/sandbox/{wallet.ToLowerInvariant()}/pay/{token}";

    public static IEndpointRouteBuilder MapSandboxWalletPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/sandbox/{wallet}/pay/{token}", Show).ExcludeFromDescription();
        app.MapPost("/sandbox/{wallet}/pay/{token}", FinishAsync).DisableAntiforgery().ExcludeFromDescription();
        return app;
    }

    public static IResult Show(string wallet, string token, SandboxWalletCallbacks callbacks, SandboxWalletOrders orders, IChatPayStore store, TimeProvider clock)
    {
        if (callbacks.Wallet(wallet) is not { } sandbox || orders.ByToken(sandbox.Name, token) is not { } order) return Problem("Không tìm thấy đơn hàng.");
        if (order.Finished) return Problem("Đơn hàng này đã được xử lý.");
        if (order.ExpiresAt <= clock.GetUtcNow()) return Problem("Đơn hàng đã hết hạn thanh toán.");
        var payee = SandboxPayee.Of(store, sandbox.PaymentIdOf(order.OrderId));
        var choices = string.Concat(sandbox.Choices.Select((c, i) =>
            $"""<button class="button{(i == 0 ? "" : " secondary")}" name="code" value="{Page.Encode(c.Code)}">{Page.Encode(c.Label)}</button> """));
        return Page.Html($"{sandbox.Label} (thử nghiệm)", $"""
            <p class="sandbox">MÔI TRƯỜNG THỬ NGHIỆM — không có tiền thật</p>
            <h1>Thanh toán bằng {Page.Encode(sandbox.Label)}</h1>
            <dl>
              {(payee is null ? "" : $"<dt>Đơn vị thu</dt><dd>{Page.Encode(payee.AgencyName)}</dd>")}
              <dt>Nội dung</dt><dd>{Page.Encode(order.Description)}</dd>
              <dt>Mã đơn hàng</dt><dd>{Page.Encode(order.OrderId)}</dd>
              <dt>Số tiền</dt><dd class="amount">{Vnd.Format(order.Amount)}</dd>
              {(payee is null ? "" : $"<dt>Thời hạn</dt><dd>{Page.Encode(payee.TimeLeft(clock.GetUtcNow()))}</dd>")}
            </dl>
            <form method="post"><p class="choices">{choices}</p></form>
            """, extraCss: ".sandbox { background: #fff4ce; padding: 6px 10px; border-radius: 6px; font-size: .85rem; } " +
                ".amount { font-size: 1.3rem; color: #b3261e; } .choices { display: flex; flex-wrap: wrap; gap: 8px; }");
    }

    /// <summary>Records the answer, calls the merchant back (as the wallet does, before the browser returns), and sends the browser back.</summary>
    public static async Task<IResult> FinishAsync(string wallet, string token, [FromForm] string code, SandboxWalletCallbacks callbacks, SandboxWalletOrders orders,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        if (callbacks.Wallet(wallet) is not { } sandbox || orders.ByToken(sandbox.Name, token) is not { } order) return Problem("Không tìm thấy đơn hàng.");
        if (sandbox.Choices.All(c => c.Code != code)) return Problem("Lựa chọn không hợp lệ.");
        if (!order.Finished && order.ExpiresAt <= clock.GetUtcNow()) return Problem("Đơn hàng đã hết hạn thanh toán.");
        var finished = orders.Finish(order, code, sandbox.IsPaid(code), callbacks.FirstCallAt(clock.GetUtcNow()));
        await callbacks.DeliverAsync(finished, cancellationToken);
        return Results.Redirect(sandbox.ReturnUrl(finished));
    }

    private static IResult Problem(string text) => Page.Html("Đơn hàng không hợp lệ", $"<h1 class=\"bad\">Đơn hàng không hợp lệ</h1><p>{Page.Encode(text)}</p>",
        StatusCodes.Status400BadRequest);
}
