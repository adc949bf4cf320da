using ChatPay.Bot.Channels.Telegram;
using ChatPay.Domain.Chats;
using ChatPay.Domain.Conversations;
using ChatPay.Tests.Support;

namespace ChatPay.Tests.Conversations;

/// <summary>Dossier codes cannot be enumerated from a chat: unknown codes are counted, and past the limit every look-up waits.</summary>
[Trait("Tier", "Unit")]
public class CodeLookupLimitTests : IDisposable
{
    private const string Real = "H42.10-261125-0001";
    private static readonly ChatAddress Other = new(TelegramChannel.Name, "99");
    private Desk _desk = new();

    public CodeLookupLimitTests() => _desk.AddDossier(Real);

    public void Dispose() => _desk.Dispose();

    private void MissFiveTimes(ChatAddress? chat = null)
    {
        for (var i = 1; i <= Desk.Rules.CodeLookups.MaxMisses; i++)
        {
            _desk.Say($"H42.10-261125-{9000 + i}", chat);
            Assert.Equal(CitizenTexts.NotFound($"H42.10-261125-{9000 + i}").Text, _desk.LastReply(chat));
        }
    }

    [Fact]
    public void After_five_unknown_codes_even_a_real_code_is_refused_until_the_window_ends()
    {
        MissFiveTimes();

        _desk.Say(Real);

        Assert.Equal(CitizenTexts.TooManyWrongCodes(_desk.Clock.GetUtcNow() + Desk.Rules.CodeLookups.Window).Text, _desk.LastReply());
        Assert.DoesNotContain("Nguyễn", _desk.LastReply());
        Assert.NotEqual(ConversationState.ConfirmingFees, _desk.Conversation().State);

        _desk.Clock.Advance(Desk.Rules.CodeLookups.Window);
        _desk.Say(Real);
        Assert.Equal(ConversationState.ConfirmingFees, _desk.Conversation().State);
    }

    [Fact]
    public void Malformed_text_and_real_codes_do_not_count_against_the_chat()
    {
        for (var i = 0; i < 10; i++)
        {
            _desk.Say("H42.10-2611");
            _desk.Say(Real);
            _desk.Say("/huy");
        }
        for (var i = 1; i < Desk.Rules.CodeLookups.MaxMisses; i++) _desk.Say($"H42.10-261125-{9000 + i}");

        _desk.Say(Real);

        Assert.Equal(ConversationState.ConfirmingFees, _desk.Conversation().State);
    }

    [Fact]
    public void The_limit_is_per_chat_and_survives_a_restart()
    {
        MissFiveTimes();

        _desk = _desk.Restart();
        _desk.Say(Real);
        _desk.Say(Real, Other);

        Assert.StartsWith(CitizenTexts.TooManyWrongCodes(_desk.Clock.GetUtcNow()).Text.Split('\n')[0], _desk.LastReply());
        Assert.Equal(ConversationState.ConfirmingFees, _desk.Conversation(Other).State);
    }

    [Theory]
    [InlineData("/bienlai")]
    [InlineData("/baoloi")]
    public void Receipt_and_problem_commands_count_and_are_refused_alike(string command)
    {
        for (var i = 1; i <= Desk.Rules.CodeLookups.MaxMisses; i++) _desk.Say($"{command} H42.10-261125-{9000 + i}");

        _desk.Say($"{command} {Real}");

        Assert.StartsWith(CitizenTexts.TooManyWrongCodes(_desk.Clock.GetUtcNow()).Text.Split('\n')[0], _desk.LastReply());
        Assert.Empty(_desk.Store.Read(s => s.SupportCases.OpenFor(Real)));
    }
}
