using System.Reflection;
using ChatPay.Bot.Channels.Photos;
using ChatPay.Bot.Limits;
using ChatPay.Bot.Operations;
using ChatPay.Bot.Storage;
using ChatPay.Domain.Chats;
using ChatPay.Domain.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ChatPay.Bot.Channels.WebChat;

/// <summary>The built-in web chat: a static page, and a small JSON API the page long-polls.</summary>
public static class WebChatEndpoints
{
    private const int MaxBodyBytes = 16 * 1024;
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(25);

    public sealed record NewChat(string Token);

    /// <summary>A new chat; opened from a one-tap link (<c>/?ma=&lt;token&gt;</c>), it starts on that dossier's fees instead of the greeting.</summary>
    public sealed record Opening(string? Link);

    /// <summary>Typed text, a button press, or a one-tap link opened in a chat that already exists.</summary>
    public sealed record Incoming(string? Text, string? Payload, long? MessageId, string? Link = null);

    public sealed record MessageView(long Id, long Seq, string From, string Text, IReadOnlyList<ChoiceButton> Choices, IReadOnlyList<LinkButton> Links, string? Chosen, DateTimeOffset At,
        bool Warning = false);

    public sealed record History(IReadOnlyList<MessageView> Messages);

    public static IEndpointRouteBuilder MapWebChat(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", () => Asset("index.html", "text/html; charset=utf-8")).ExcludeFromDescription();
        app.MapGet("/webchat/app.js", () => Asset("app.js", "text/javascript; charset=utf-8")).ExcludeFromDescription();
        app.MapGet("/webchat/app.css", () => Asset("app.css", "text/css; charset=utf-8")).ExcludeFromDescription();

        var api = app.MapGroup("/webchat/api").WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes));
        api.MapPost("/chats", Open).LimitedAs(HttpLimit.OpenChat);
        api.MapGet("/messages", ReadAsync).LimitedAs(HttpLimit.LongPoll);
        api.MapPost("/messages", Send).LimitedAs(HttpLimit.Message);
        // A photo of the appointment slip, as the request's body (image/jpeg, image/png, image/webp…), read in memory.
        app.MapPost("/webchat/api/photos", SendPhotoAsync).LimitedAs(HttpLimit.Message)
            .WithMetadata(new RequestSizeLimitAttribute(SlipReader.MaxBytes + 1024)).ExcludeFromDescription();
        return app;
    }

    /// <summary>Starts a chat for a new browser and greets it, or opens the link it came with.</summary>
    public static Ok<NewChat> Open(ChatDesk desk, HttpContext http, [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] Opening? opening)
    {
        var token = Secrets.NewToken();
        var chat = WebChatIdentity.ChatFor(token);
        if (opening?.Link is { Length: > 0 } link) desk.Handle(chat, new LinkInput(link) { Origin = ClientAddress.Of(http) });
        else desk.Greet(chat, ClientAddress.Of(http));
        return TypedResults.Ok(new NewChat(token));
    }

    /// <summary>Messages added or changed after sequence number <paramref name="after"/>; with <paramref name="wait"/>, waits up to that many seconds for one.</summary>
    public static async Task<Results<Ok<History>, UnauthorizedHttpResult>> ReadAsync(
        HttpRequest request, IOutboxStore store, ChatSignal signal, IHostApplicationLifetime lifetime, long after = 0, int wait = 0, CancellationToken cancellationToken = default)
    {
        if (WebChatIdentity.ChatOf(request) is not { } chat) return TypedResults.Unauthorized();

        using var changed = signal.ChatChanged(chat.Key);
        var entries = store.History(chat.Key, after, 200);
        if (entries.Count == 0 && wait > 0)
        {
            // A stopping server ends its long polls at once, instead of holding the shutdown for their 25 seconds.
            using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
            try
            {
                await changed.Task.WaitAsync(TimeSpan.FromSeconds(Math.Min(wait, MaxWait.TotalSeconds)), either.Token);
            }
            catch (Exception e) when (e is TimeoutException || e is OperationCanceledException && lifetime.ApplicationStopping.IsCancellationRequested)
            {
                return TypedResults.Ok(new History([]));
            }
            entries = store.History(chat.Key, after, 200);
        }
        return TypedResults.Ok(new History([.. entries.Select(View)]));
    }

    public static Results<Accepted, UnauthorizedHttpResult, BadRequest<string>> Send(HttpRequest request, Incoming message, ChatDesk desk, ChatPayMetrics metrics)
    {
        if (WebChatIdentity.ChatOf(request) is not { } chat) return TypedResults.Unauthorized();
        var origin = ClientAddress.Of(request.HttpContext);
        ChatInput? input = message switch
        {
            { Payload: { } payload } => new PressInput(payload, message.MessageId) { Origin = origin },
            { Link: { Length: > 0 } link } => new LinkInput(link) { Origin = origin },
            { Text: { } text } => new TextInput(text) { Origin = origin },
            _ => null,
        };
        if (input is null) return TypedResults.BadRequest("Cần có nội dung tin nhắn.");
        desk.Handle(chat, input);
        metrics.UpdatesHandled(WebChatIdentity.Channel);
        return TypedResults.Accepted((string?)null);
    }

    public static async Task<Results<Accepted, UnauthorizedHttpResult, BadRequest<string>>> SendPhotoAsync(
        HttpRequest request, ChatDesk desk, SlipReader reader, ChatPayMetrics metrics, CancellationToken cancellationToken)
    {
        if (WebChatIdentity.ChatOf(request) is not { } chat) return TypedResults.Unauthorized();
        if (request.ContentType?.StartsWith("image/", StringComparison.OrdinalIgnoreCase) != true) return TypedResults.BadRequest("Cần gửi một ảnh.");
        PhotoInput photo;
        try
        {
            photo = await reader.ReadAsync(await SlipReader.TakeAsync(request.Body, cancellationToken), cancellationToken);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            photo = new PhotoInput(null, PhotoProblem.TooLarge);
        }
        desk.Handle(chat, photo with { Origin = ClientAddress.Of(request.HttpContext) });
        metrics.UpdatesHandled(WebChatIdentity.Channel);
        return TypedResults.Accepted((string?)null);
    }

    private static MessageView View(ChatLogEntry entry) =>
        new(entry.Id, entry.Seq, entry.Outgoing ? "bot" : "user", entry.Text, entry.ChosenLabel is null ? entry.Choices : [], entry.Links, entry.ChosenLabel, entry.At,
            entry.Warning);

    private static IResult Asset(string name, string contentType)
    {
        var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"WebChat.{name}")
            ?? throw new InvalidOperationException($"Web chat asset {name} is not embedded.");
        return Results.Stream(stream, contentType);
    }
}
