using System.Collections.Concurrent;
using ChatPay.Fakes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ChatPay.Tests.Support;

/// <summary>A public-service portal's webhook receiver on loopback: records each delivery and answers as scripted.</summary>
public sealed class FakePortal : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<int> _answers = new();
    private string _scriptedFor = "";

    public sealed record Delivery(string Body, string? Signature, string? EventId);

    private FakePortal(WebApplication app) => _app = app;

    public ConcurrentQueue<Delivery> Deliveries { get; } = new();

    public string Url { get; private set; } = "";

    public static async Task<FakePortal> StartAsync()
    {
        var app = LoopbackApp.Create();
        var portal = new FakePortal(app);
        app.MapPost("/chatpay/events", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            portal.Deliveries.Enqueue(new Delivery(body, request.Headers["X-ChatPay-Signature"], request.Headers["X-ChatPay-Event-Id"]));
            var status = StatusCodes.Status200OK;
            if (body.Contains(portal._scriptedFor) && portal._answers.TryDequeue(out var scripted)) status = scripted;
            return Results.StatusCode(status);
        });
        portal.Url = $"{await LoopbackApp.StartAsync(app)}/chatpay/events";
        return portal;
    }

    /// <summary>The next deliveries whose body contains <paramref name="fragment"/> get these status codes; after them, 200.</summary>
    public void AnswerNext(string fragment, params int[] statuses)
    {
        _scriptedFor = fragment;
        foreach (var status in statuses) _answers.Enqueue(status);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
