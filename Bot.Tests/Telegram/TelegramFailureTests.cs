using ChatPay.Bot.Channels.Telegram;
using ChatPay.Domain;
using ChatPay.Domain.Chats;
using ChatPay.Tests.Support;
using ChatPay.Fakes.Telegram;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace ChatPay.Tests.Telegram;

/// <summary>Telegram's errors on the way out — a 429, a 5xx, an answer lost — lose nothing and double nothing.</summary>
[Trait("Tier", "Integration")]
public class TelegramFailureTests
{
    private const long Citizen = 42;
    private const string Code = "H42.10-261125-0001";

    [Fact]
    public async Task A_429_and_server_errors_are_survived_with_nothing_lost_or_doubled()
    {
        await using var harness = await TelegramHarness.StartAsync();
        harness.Telegram.FailNext("sendMessage", 429, count: 1, retryAfter: 1);
        harness.Telegram.FailNext("sendMessage", 500, count: 2);

        harness.Telegram.SendText(Citizen, Code);
        await harness.WaitAsync(Citizen, Said.Fees);
        harness.Telegram.SendText(Citizen, "/trogiup");
        await harness.WaitAsync(Citizen, Said.Help);

        Assert.Single(harness.Telegram.Messages(Citizen), m => m.Text.Contains(Said.Fees));
        Assert.Equal(["Tổng cộng", "Cách nộp phí"], harness.Telegram.Messages(Citizen).Select(m => m.Text.Contains(Said.Fees) ? "Tổng cộng" : "Cách nộp phí"));
    }

    [Fact]
    public async Task A_send_whose_answer_was_lost_is_found_in_the_chat_and_not_sent_again()
    {
        await using var harness = await TelegramHarness.StartAsync();
        harness.Telegram.DropAnswerNext("sendMessage");

        harness.Telegram.SendText(Citizen, Code);
        harness.Telegram.SendText(Citizen, "/trogiup");
        await harness.WaitAsync(Citizen, Said.Help);

        var fees = Assert.Single(harness.Telegram.Messages(Citizen), m => m.Text.Contains(Said.Fees));
        Assert.Equal(["Tổng cộng", "Cách nộp phí"], harness.Telegram.Messages(Citizen).Select(m => m.Text.Contains(Said.Fees) ? "Tổng cộng" : "Cách nộp phí"));
        harness.Press(Citizen, "Xác nhận");
        await harness.Telegram.WaitForMessageAsync(Citizen, m => m.MessageId == fees.MessageId && m.Text.Contains("Đã chọn: Xác nhận"));
    }

    [Fact]
    public async Task A_send_refused_by_a_server_error_is_looked_for_then_sent_once()
    {
        await using var harness = await TelegramHarness.StartAsync();
        harness.Telegram.FailNext("sendMessage", 502);

        harness.Telegram.SendText(Citizen, Code);
        await harness.WaitAsync(Citizen, Said.Fees);

        Assert.Single(harness.Telegram.Messages(Citizen), m => m.Text.Contains(Said.Fees));
        Assert.Contains(harness.Telegram.Calls, c => c.Method == "editMessageText" && c.StatusCode == 400);
    }
}
