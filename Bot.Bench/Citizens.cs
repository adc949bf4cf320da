using System.Globalization;
using System.Net.Http.Json;
using ChatPay.Bot.Payments.VnPay;
using ChatPay.Fakes.Telegram;

namespace ChatPay.Bench;

/// <summary>Simulated citizens paying through Telegram, and the gateway's signed IPN, as timed steps.</summary>
public sealed class Citizens(FakeTelegramServer telegram, BotUnderTest bot, long officerChat)
{
    public const long Amount = 200_000;
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    public sealed record Journey(TimeSpan[] Replies, TimeSpan IpnAnswer, TimeSpan ClearedToAlert, bool Completed);

    /// <summary>A dossier code per citizen: the date part moves on every 9,999 serials.</summary>
    public static string Code(int i) => $"H42.10-2611{1 + i / 9999:00}-{1 + i % 9999:0000}";

    /// <summary>Registers the payment requests through the portal API, a few at a time.</summary>
    public async Task RequestAsync(IEnumerable<string> codes)
    {
        using var gate = new SemaphoreSlim(8);
        await Task.WhenAll(codes.Select(async code =>
        {
            await gate.WaitAsync();
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/payment-requests")
                {
                    Content = JsonContent.Create(new
                    {
                        dossierCode = code,
                        procedureName = "Cấp Phiếu lý lịch tư pháp",
                        agencyCode = BotUnderTest.AgencyCode,
                        applicantName = "Nguyễn Văn An",
                        fees = new[] { new { kind = "fee", name = "Phí cung cấp thông tin lý lịch tư pháp", amount = Amount } },
                    }),
                };
                request.Headers.Add("X-Api-Key", BotUnderTest.ApiKey);
                (await bot.Http.SendAsync(request)).EnsureSuccessStatusCode();
            }
            finally
            {
                gate.Release();
            }
        }));
    }

    /// <summary>Code → fees → confirm → banks → bank → link, then the IPN, the receipt and the officer's alert.</summary>
    public async Task<Journey> PayAsync(long chat, string code, Func<Task> pace)
    {
        var replies = new TimeSpan[3];
        await pace();
        var offered = DateTimeOffset.UtcNow;
        telegram.SendText(chat, code);
        var fees = await WaitAsync(chat, "Tổng cộng");
        replies[0] = fees.SentAt - offered;

        await pace();
        offered = DateTimeOffset.UtcNow;
        Press(chat, fees, "Xác nhận");
        var banks = await WaitAsync(chat, "Chọn ngân hàng");
        replies[1] = banks.SentAt - offered;

        await pace();
        offered = DateTimeOffset.UtcNow;
        Press(chat, banks, "Vietcombank");
        replies[2] = (await WaitAsync(chat, "Bấm nút bên dưới")).SentAt - offered;

        var ipn = await PayAtGatewayAsync(code);
        var cleared = DateTimeOffset.UtcNow;
        await WaitAsync(chat, "Thanh toán thành công");
        var alert = await telegram.WaitForMessageAsync(officerChat, m => m.Text.Contains(code), Patience);
        return new Journey(replies, ipn, alert.SentAt - cleared, Completed: true);
    }

    /// <summary>The gateway's server-to-server IPN for the citizen's first attempt, signed as VNPay signs it; returns how long ChatPay took to answer.</summary>
    /// <summary>Each dossier needs an open payment attempt before it can be paid: a citizen per code walks up to the payment link.</summary>
    public Task WalkToLinksAsync(IReadOnlyList<string> codes, long firstChat) => Task.WhenAll(codes.Select(async (code, i) =>
    {
        var chat = firstChat + i;
        telegram.SendText(chat, code);
        var fees = await telegram.WaitForMessageAsync(chat, m => m.Text.Contains("Tổng cộng"), TimeSpan.FromMinutes(2));
        telegram.Press(chat, fees.MessageId, fees.Keyboard.SelectMany(r => r).First(b => b.Text == "Xác nhận").CallbackData!);
        var banks = await telegram.WaitForMessageAsync(chat, m => m.Text.Contains("Chọn ngân hàng"), TimeSpan.FromMinutes(2));
        telegram.Press(chat, banks.MessageId, banks.Keyboard.SelectMany(r => r).First(b => b.Text == "Vietcombank").CallbackData!);
        await telegram.WaitForMessageAsync(chat, m => m.Text.Contains("Bấm nút bên dưới"), TimeSpan.FromMinutes(2));
    }));

    public async Task<TimeSpan> PayAtGatewayAsync(string code)
    {
        var query = VnPaySignature.SignedQuery(new Dictionary<string, string>
        {
            ["vnp_TmnCode"] = BotUnderTest.TmnCode,
            ["vnp_Amount"] = (Amount * 100).ToString(CultureInfo.InvariantCulture),
            ["vnp_BankCode"] = "VIETCOMBANK",
            ["vnp_BankTranNo"] = "VNP" + code.GetHashCode().ToString("X8", CultureInfo.InvariantCulture),
            ["vnp_CardType"] = "ATM",
            ["vnp_OrderInfo"] = $"Thanh toan phi le phi ho so {code}",
            ["vnp_PayDate"] = VnPayTime.ToText(DateTimeOffset.UtcNow),
            ["vnp_ResponseCode"] = "00",
            ["vnp_TransactionNo"] = "14" + Math.Abs(code.GetHashCode() % 1_000_000).ToString("000000", CultureInfo.InvariantCulture),
            ["vnp_TransactionStatus"] = "00",
            ["vnp_TxnRef"] = $"{code}_1",
        }, BotUnderTest.HashSecret);
        var sent = DateTimeOffset.UtcNow;
        var answer = await bot.Http.GetStringAsync($"/payments/vnpay/ipn?{query}");
        var took = DateTimeOffset.UtcNow - sent;
        if (!answer.Contains("\"00\"", StringComparison.Ordinal)) throw new InvalidOperationException($"IPN for {code} answered {answer}");
        return took;
    }

    private void Press(long chat, FakeMessage message, string label)
    {
        var button = message.Keyboard.SelectMany(row => row).First(b => b.Text == label);
        telegram.Press(chat, message.MessageId, button.CallbackData!);
    }

    private Task<FakeMessage> WaitAsync(long chat, string fragment) => telegram.WaitForMessageAsync(chat, m => m.Text.Contains(fragment), Patience);
}
