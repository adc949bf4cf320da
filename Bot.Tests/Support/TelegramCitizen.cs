using ChatPay.Fakes.Telegram;

namespace ChatPay.Tests.Support;

/// <summary>A citizen on the fake Telegram paying a dossier through the sandbox, patient with a Bot that is killed and restarted meanwhile.</summary>
public static class TelegramCitizen
{
    /// <summary>
    /// Types the code, confirms, picks a bank, and follows the link until the receipt arrives; after a failed attempt (the
    /// Bot down, or the link already paid) looks for the receipt for a while, then tries again. <paramref name="paid"/>
    /// is called each time the sandbox took the money.
    /// </summary>
    public static async Task PayAsync(FakeTelegramServer telegram, HttpClient http, long chat, string code, TimeSpan patience, Action? paid = null)
    {
        var link = await WalkToLinkAsync(telegram, chat, code, patience);

        var deadline = DateTime.UtcNow + patience;
        while (!telegram.Messages(chat).Any(m => m.Text.Contains(Said.Paid)))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The citizen of chat {chat} never got a receipt.");
            try
            {
                await SandboxPayer.PayAsync(http, link);
                paid?.Invoke();
            }
            catch (Exception e) when (e is HttpRequestException or InvalidOperationException or TaskCanceledException)
            {
                // The bot is down, or the link already went through: look for the receipt, then try again.
            }
            try
            {
                await telegram.WaitForMessageAsync(chat, m => m.Text.Contains(Said.Paid), TimeSpan.FromSeconds(5));
            }
            catch (TimeoutException)
            {
            }
        }
    }

    /// <summary>Types the code, confirms the fees, picks Vietcombank, and returns the payment link the Bot sends.</summary>
    public static async Task<string> WalkToLinkAsync(FakeTelegramServer telegram, long chat, string code, TimeSpan patience)
    {
        telegram.SendText(chat, code);
        var fees = await telegram.WaitForMessageAsync(chat, m => m.Text.Contains(Said.Fees), patience);
        telegram.Press(chat, fees.MessageId, TelegramHarness.Button(fees, "Xác nhận").CallbackData!);
        var banks = await telegram.WaitForMessageAsync(chat, m => m.Text.Contains(Said.ChooseBank) && m.Keyboard.Count > 0, patience);
        telegram.Press(chat, banks.MessageId, TelegramHarness.Button(banks, "Vietcombank").CallbackData!);
        return TelegramHarness.PaymentLink(await telegram.WaitForMessageAsync(chat, m => m.Text.Contains(Said.PaymentLink), patience));
    }
}
