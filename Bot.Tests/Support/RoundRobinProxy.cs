using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ChatPay.Tests.Support;

/// <summary>
/// One address in front of several Bot instances, as a province's load balancer: each request goes to the next instance
/// in turn, and to the one after when an instance does not answer (killed). Telegram's webhook calls, the gateway's IPNs,
/// payment links and receipts all come through it.
/// </summary>
public sealed class RoundRobinProxy : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _http = new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { Timeout = TimeSpan.FromSeconds(30) };
    private readonly List<Uri> _instances = [];
    private int _next;

    private RoundRobinProxy(WebApplication app) => _app = app;

    public int Port { get; private init; }

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    public void Add(string instanceBaseUrl)
    {
        lock (_instances) _instances.Add(new Uri(instanceBaseUrl));
    }

    public static async Task<RoundRobinProxy> StartAsync()
    {
        var port = LoopbackPort.Free();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var proxy = new RoundRobinProxy(app) { Port = port };
        app.Run(proxy.ForwardAsync);
        await app.StartAsync();
        return proxy;
    }

    private async Task ForwardAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        Uri[] order;
        lock (_instances)
        {
            var start = _next++;
            order = [.. Enumerable.Range(0, _instances.Count).Select(i => _instances[(start + i) % _instances.Count])];
        }
        foreach (var instance in order)
        {
            using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), new Uri(instance, context.Request.Path + context.Request.QueryString));
            if (body.Length > 0 || context.Request.ContentLength is not null) request.Content = new ByteArrayContent(body.ToArray());
            foreach (var (name, values) in context.Request.Headers)
                if (name is not ("Host" or "Content-Length") && !request.Headers.TryAddWithoutValidation(name, [.. values]))
                    request.Content?.Headers.TryAddWithoutValidation(name, [.. values]);
            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request, context.RequestAborted);
            }
            catch (HttpRequestException)
            {
                continue; // killed: the next instance takes it
            }
            using (response)
            {
                context.Response.StatusCode = (int)response.StatusCode;
                foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
                    if (name is not "Transfer-Encoding") context.Response.Headers[name] = values.ToArray();
                await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
                return;
            }
        }
        context.Response.StatusCode = StatusCodes.Status502BadGateway;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _http.Dispose();
    }
}
