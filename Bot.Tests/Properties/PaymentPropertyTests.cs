using ChatPay.Bot.Channels.Telegram;
using ChatPay.Bot.Channels.WebChat;
using ChatPay.Bot.Channels.Zalo;
using ChatPay.Domain.Chats;
using ChatPay.Domain.Conversations;
using ChatPay.Domain.Dossiers;
using ChatPay.Domain.Payments;
using ChatPay.Tests.Support;
using CsCheck;

namespace ChatPay.Tests.Properties;

/// <summary>
/// Random interleavings of people, buttons (current, stale, forged), gateway reports (paid, declined, held; duplicated,
/// late, out of order, by IPN or status query), passing time and restarts, over three chats and two dossiers. After
/// every step: nothing threw, money is never lost or counted twice, no receipt exists without money, each receipt
/// reached its payer exactly once, and every chat is in a state that makes sense.
/// </summary>
[Trait("Tier", "Integration")]
public class PaymentPropertyTests
{
    private static readonly string[] Codes = ["H42.10-261125-0001", "H42.10-261125-0002"];
    private static readonly ChatAddress[] Chats =
        [new(WebChatIdentity.Channel, "p-web"), new(TelegramChannel.Name, "p-42"), new(ZaloChannel.Name, "p-zalo")];

    private static readonly Gen<JourneyOp> Op = Gen.Frequency(
        (6, Gen.Select(Gen.Int[0, Chats.Length - 1], Gen.Int[0, Codes.Length + 2], (chat, what) => (JourneyOp)new JourneyOp.Type(chat, what))),
        (8, Gen.Select(Gen.Int[0, Chats.Length - 1], Gen.Int[0, 9], (chat, button) => (JourneyOp)new JourneyOp.PressCurrent(chat, button))),
        (2, Gen.Select(Gen.Int[0, Chats.Length - 1], Gen.Int[1, 4], Gen.Int[0, 9], (chat, back, button) => (JourneyOp)new JourneyOp.PressStale(chat, back, button))),
        (1, Gen.Select(Gen.Int[0, Chats.Length - 1], Gen.String["cp1|0123456789:abcdefghijklmnopqrstuvwxyz-_"], (chat, payload) => (JourneyOp)new JourneyOp.PressForged(chat, payload))),
        (6, Gen.Select(Gen.Int[0, 5], Gen.Enum<Outcome>(), Gen.Bool, Gen.Int[0, 9],
            (attempt, outcome, byQuery, odd) => (JourneyOp)new JourneyOp.Report(attempt, outcome, byQuery, WrongAmount: odd == 0, WrongGateway: odd == 1))),
        (3, Gen.Int[0, 5].Select(attempt => (JourneyOp)new JourneyOp.OpenLink(attempt))),
        (2, Gen.Int[1, 40].Select(minutes => (JourneyOp)new JourneyOp.PassTime(minutes))),
        (1, Gen.Const((JourneyOp)new JourneyOp.Restart())));

    [Fact]
    public void Money_is_never_lost_or_doubled_and_every_chat_stays_valid_under_any_interleaving() =>
        Op.Array[10, 80].Sample(ops =>
        {
            using var run = new JourneyRun(Codes, Chats);
            foreach (var op in ops)
            {
                run.Apply(op);
                run.AssertInvariants();
            }
        }, iter: 100, threads: 1);
}
