using ChatPay.Bot.Channels.Telegram;
using ChatPay.Domain.Chats;
using ChatPay.Domain.Conversations;
using ChatPay.Domain.Staff;
using ChatPay.Tests.Support;

namespace ChatPay.Tests.Domain;

/// <summary>The command table is the one place commands are declared: dispatch, help and Telegram's menu follow it.</summary>
[Trait("Tier", "Unit")]
public class CommandTableTests : IDisposable
{
    private readonly Desk _desk = new();

    public void Dispose() => _desk.Dispose();

    public static TheoryData<string> Names => [.. CommandTable.All.SelectMany(c => c.Aliases.Prepend(c.Name))];

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_command_and_alias_in_the_table_is_handled_in_a_private_chat(string name)
    {
        _desk.Say(name);

        Assert.NotEqual(CitizenTexts.UnknownCommand().Text, _desk.LastReply());
    }

    [Fact]
    public void An_alias_does_what_its_command_does()
    {
        _desk.Say("/trogiup");
        var help = _desk.LastReply();
        _desk.Say("/help");

        Assert.Equal(help, _desk.LastReply());
    }

    [Fact]
    public void A_command_not_in_the_table_is_answered_as_unknown()
    {
        _desk.Say("/khonglenhnay");

        Assert.Equal(CitizenTexts.UnknownCommand().Text, _desk.LastReply());
    }

    [Fact]
    public void Citizens_help_lists_every_citizen_command_and_the_group_help_every_staff_command()
    {
        foreach (var command in CommandTable.All)
        {
            var help = command.Use == CommandUse.Citizens ? CitizenTexts.Help().Text : StaffTexts.GroupHelp().Text;
            Assert.Contains($"{command.Syntax} — {command.Description}", help);
        }
    }

    [Fact]
    public void Telegrams_menu_has_every_command_of_the_table_within_telegrams_rules()
    {
        Assert.Equal(CommandTable.All.Select(c => c.Name.TrimStart('/')), TelegramStartup.Commands.Select(c => c.Command));
        Assert.All(TelegramStartup.Commands, c =>
        {
            Assert.Matches("^[a-z0-9_]{1,32}$", c.Command);
            Assert.InRange(c.Description.Length, 1, 256);
        });
    }
}
