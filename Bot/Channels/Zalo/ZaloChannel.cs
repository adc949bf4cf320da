using ChatPay.Bot.Channels.Outbox;
using ChatPay.Bot.Hosting;
using ChatPay.Domain.Chats;
using Microsoft.Extensions.Options;

namespace ChatPay.Bot.Channels.Zalo;

/// <summary>
/// A Zalo Official Account's customer-service messages. An expired token (-216) is refreshed and the message sent once
/// more; a rate limit (-32) or a quota (-211) waits; what Zalo will never deliver (outside the interaction window -230,
/// not a follower -213, invalid -201) is refused for good, so it cannot loop. Zalo cannot edit a sent message.
/// </summary>
public sealed class ZaloChannel(ZaloApi api, ZaloTokens tokens, IOptions<ZaloOptions> options, AppLinks links, ILogger<ZaloChannel> logger) : IChannel, INamedChannel
{
    private const int TokenInvalid = -216;
    private const int RateLimited = -32;
    private const int OutOfQuota = -211;
    private static readonly int[] Undeliverable = [-230, -213, -201];

    public static ChatChannel Name { get; } = new("Zalo");

    public ChatChannel Channel => Name;

    public ChannelTraits Traits { get; } = new()
    {
        MaxTextLength = ZaloRenderer.MaxText,
        CanAskForPhone = true,
        MaxButtonsPerMessage = options.Value.MaxButtonsPerMessage,
        Pacing = new ChannelPacing { GlobalPerSecond = options.Value.MessagesPerSecond, GlobalBurst = 1 },
    };

    public async Task<ChannelAnswer> SendAsync(string chatId, OutgoingMessage message, CancellationToken cancellationToken)
    {
        var rendered = ZaloRenderer.Render(message, links.Absolute(ZaloWebhookEndpoints.RequestInfoImagePath));
        ZaloApi.Answer answer;
        try
        {
            var token = await tokens.AccessTokenAsync(cancellationToken);
            answer = await api.SendAsync(token, chatId, rendered, cancellationToken);
            if (answer.Error == TokenInvalid) answer = await api.SendAsync(await tokens.RefreshAsync(token, cancellationToken), chatId, rendered, cancellationToken);
        }
        catch (ZaloRefreshRefused e)
        {
            logger.LogError(e, "Zalo refused to refresh the OA's tokens; re-authorise the OA and set Zalo:RefreshToken");
            return new ChannelAnswer.Failed(e.GetType().Name, MayHaveArrived: false);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException && !cancellationToken.IsCancellationRequested)
        {
            return new ChannelAnswer.Failed(e.GetType().Name, MayHaveArrived: true);
        }
        var reason = $"{answer.Error} {answer.Message}";
        return answer.Error switch
        {
            0 => new ChannelAnswer.Done(answer.MessageId ?? ""),
            _ when Undeliverable.Contains(answer.Error) => new ChannelAnswer.Refused(reason),
            OutOfQuota => new ChannelAnswer.SlowDown(TimeSpan.FromHours(1)),
            RateLimited => new ChannelAnswer.SlowDown(TimeSpan.FromSeconds(2), WholeChannel: true),
            _ => new ChannelAnswer.Failed(reason, MayHaveArrived: false),
        };
    }
}
