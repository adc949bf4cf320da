using ChatPay.Bot.Storage;

namespace ChatPay.Bot.Channels.WebChat;

public static class WebChatSetup
{
    /// <summary>The built-in web chat: its page reads the chat log itself, so its messages are not queued for a delivery engine.</summary>
    public static WebApplicationBuilder AddWebChat(this WebApplicationBuilder builder)
    {
        builder.Store().ReadFromLog(WebChatIdentity.Channel);
        return builder;
    }
}
