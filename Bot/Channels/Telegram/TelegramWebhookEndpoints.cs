using System.Text.Json;
using ChatPay.Domain.Security;
using Microsoft.AspNetCore.Mvc;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace ChatPay.Bot.Channels.Telegram;

/// <summary>POST /telegram/webhook: Telegram's calls in Webhook mode, trusted only with the secret header.</summary>
public static class TelegramWebhookEndpoints
{
    public const string Path = "/telegram/webhook";
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    public static IEndpointRouteBuilder MapTelegramWebhook(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, ReceiveAsync).WithMetadata(new RequestSizeLimitAttribute(1024 * 1024)).ExcludeFromDescription();
        return app;
    }

    /// <summary>Answers 200 only once the update's effects are stored; anything else makes Telegram deliver it again.</summary>
    public static async Task<IResult> ReceiveAsync(HttpRequest request, TelegramWebhookSecret secret, TelegramInbound inbound, CancellationToken cancellationToken)
    {
        var presented = request.Headers[SecretHeader];
        if (presented.Count != 1 || !Secrets.Equal(presented[0], secret.Value)) return Results.Unauthorized();

        Update? update;
        try
        {
            update = await JsonSerializer.DeserializeAsync<Update>(request.Body, JsonBotAPI.Options, cancellationToken);
        }
        catch (JsonException)
        {
            return Results.BadRequest();
        }
        if (update is null) return Results.BadRequest();
        await inbound.HandleAsync(update, cancellationToken);
        return Results.Ok();
    }
}
