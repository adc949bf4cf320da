using ChatPay.Bot.Channels.Telegram;
using ChatPay.Bot.Channels.WebChat;
using ChatPay.Bot.Limits;
using ChatPay.Domain.Chats;
using ChatPay.Domain.Conversations;
using ChatPay.Domain.Staff;
using ChatPay.Domain.Support;
using ChatPay.Tests.Support;

namespace ChatPay.Tests.Security;

/// <summary>
/// New web chats cost nothing, so the limits that protect dossiers and enrolments hold per client address and in
/// total, not only per chat: an attacker who opens a new chat for every try still runs into them.
/// </summary>
[Trait("Tier", "Unit")]
public class AttemptLimitTests : IDisposable
{
    private const string Real = "H42.10-261125-0001";
    private const string Attacker = "203.0.113.7";
    private readonly Desk _desk = new(limits: new LimitsOptions
    {
        UnknownCodes = new WindowLimit { PerAddress = 3, Total = 6, Window = TimeSpan.FromMinutes(15) },
        WrongEnrollmentCodes = new WindowLimit { PerAddress = 2, Total = 4, Window = TimeSpan.FromMinutes(15) },
        ProblemReports = new WindowLimit { PerAddress = 2, Total = 10, Window = TimeSpan.FromHours(1) },
    });

    public AttemptLimitTests() => _desk.AddDossier(Real);

    public void Dispose() => _desk.Dispose();

    private static ChatAddress NewChat(int n) => new(WebChatIdentity.Channel, $"fresh-{n}");

    [Fact]
    public void Unknown_codes_from_one_address_across_new_chats_stop_look_ups_from_that_address_only()
    {
        for (var i = 1; i <= 3; i++) _desk.SayFrom(Attacker, $"H42.10-261125-{9000 + i}", NewChat(i));

        _desk.SayFrom(Attacker, Real, NewChat(4));
        _desk.SayFrom("198.51.100.1", Real, NewChat(5));

        Assert.StartsWith(CitizenTexts.LookupsPaused(DateTimeOffset.UtcNow).Text.Split('\n')[0], _desk.LastReply(NewChat(4)));
        Assert.NotEqual(ConversationState.ConfirmingFees, _desk.Conversation(NewChat(4)).State);
        Assert.Equal(ConversationState.ConfirmingFees, _desk.Conversation(NewChat(5)).State);
    }

    [Fact]
    public void Unknown_codes_from_many_addresses_stop_at_the_total()
    {
        for (var i = 1; i <= 6; i++) _desk.SayFrom($"198.51.100.{i}", $"H42.10-261125-{9000 + i}", NewChat(i));

        _desk.SayFrom("198.51.100.99", Real, NewChat(99));

        Assert.NotEqual(ConversationState.ConfirmingFees, _desk.Conversation(NewChat(99)).State);
    }

    [Fact]
    public void Tracuu_from_a_chat_that_is_not_staff_counts_in_the_chats_look_up_tally()
    {
        using var desk = new Desk();
        desk.AddDossier(Real);
        for (var i = 1; i <= Desk.Rules.CodeLookups.MaxMisses; i++) desk.Say($"/tracuu H42.10-261125-{9000 + i}");

        desk.Say(Real);

        Assert.Equal(CitizenTexts.TooManyWrongCodes(desk.Clock.GetUtcNow() + Desk.Rules.CodeLookups.Window).Text, desk.LastReply());
    }

    [Fact]
    public void Support_looks_up_any_code_without_a_limit()
    {
        var support = new ChatAddress(TelegramChannel.Name, "support");
        _desk.Say($"/dangky {Desk.SupportCode}", support);
        for (var i = 1; i <= Desk.Rules.CodeLookups.MaxMisses + 2; i++) _desk.Say($"/tracuu H42.10-261125-{9000 + i}", support);

        _desk.Say($"/tracuu {Real}", support);

        Assert.Contains("Nguyễn Văn An", _desk.LastReply(support));
    }

    [Fact]
    public void Wrong_enrolment_codes_from_one_address_across_new_chats_stop_enrolment_from_it_even_with_the_right_code()
    {
        _desk.SayFrom(Attacker, "/dangky GUESS-0000000000001", NewChat(1));
        _desk.SayFrom(Attacker, "/dangky GUESS-0000000000002", NewChat(2));

        _desk.SayFrom(Attacker, $"/dangky {Desk.SupportCode}", NewChat(3));

        Assert.Empty(_desk.Store.Read(session => session.Enrollments.OfChat(NewChat(3).Key)));
        Assert.StartsWith(StaffTexts.TooManyWrongCodes(TimeSpan.FromMinutes(15)).Text[..40], _desk.LastReply(NewChat(3)));
    }

    [Fact]
    public void Problem_reports_from_many_chats_make_one_support_case_that_tells_every_reporter()
    {
        var support = new ChatAddress(TelegramChannel.Name, "support");
        _desk.Say($"/dangky {Desk.SupportCode}", support);
        var supportMessages = _desk.Log(support).Count;

        for (var i = 1; i <= 3; i++) _desk.SayFrom($"198.51.100.{i}", $"/baoloi {Real}", NewChat(i));

        var cases = _desk.Store.Read(session => session.SupportCases.OpenFor(Real));
        var only = Assert.Single(cases);
        Assert.Equal(SupportReason.Reported, only.Kind);
        Assert.Equal(3, only.Reporters().Count());
        Assert.Equal(supportMessages + 1, _desk.Log(support).Count);
        Assert.Equal(CitizenTexts.ReportJoined(Real).Text, _desk.LastReply(NewChat(2)));
    }

    [Fact]
    public void Problem_reports_from_one_address_are_refused_past_its_limit()
    {
        for (var i = 1; i <= 2; i++) _desk.SayFrom(Attacker, $"/baoloi {Real}", NewChat(i));

        _desk.SayFrom(Attacker, $"/baoloi {Real}", NewChat(3));

        Assert.StartsWith(CitizenTexts.TooManyReports(DateTimeOffset.UtcNow).Text.Split('.')[0], _desk.LastReply(NewChat(3)));
        Assert.DoesNotContain(NewChat(3).Key, _desk.Store.Read(session => session.SupportCases.OpenFor(Real)).SelectMany(c => c.Reporters()));
    }
}
