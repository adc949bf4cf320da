using System.Globalization;
using System.Text.Json.Nodes;

namespace ChatPay.Fakes.Telegram;

/// <summary>The bot's own User, whose id is the token's digits before ':' as with Telegram.</summary>
internal sealed class BotUser(FakeTelegramOptions options)
{
    public long Id { get; } = long.Parse(options.Token.Split(':')[0], CultureInfo.InvariantCulture);

    /// <summary>A fresh node each time: a JSON node can sit in one document only.</summary>
    public JsonObject Json() => new()
    {
        ["id"] = Id,
        ["is_bot"] = true,
        ["first_name"] = options.BotUsername,
        ["username"] = options.BotUsername,
    };

    /// <summary>getMe's answer: the User with the fields only getMe carries.</summary>
    public JsonObject Me()
    {
        var me = Json();
        me["can_join_groups"] = true;
        me["can_read_all_group_messages"] = false;
        me["supports_inline_queries"] = false;
        me["can_connect_to_business"] = false;
        me["has_main_web_app"] = false;
        return me;
    }
}
