using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Chatbot.Tests.Providers;

/// <summary>
/// A model provider's HTTP API faked on Kestrel at 127.0.0.1 on a free port. Each request is
/// recorded, then answered by <see cref="FakeModelScript"/> in the provider's wire format.
/// </summary>
public abstract class FakeModelServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<RecordedModelRequest> _requests = new();
    private WebApplication? _app;

    /// <summary>http://127.0.0.1:{port}, no trailing slash.</summary>
    public string BaseAddress { get; private set; } = "";

    /// <summary>The requests received so far, in arrival order.</summary>
    public IReadOnlyList<RecordedModelRequest> Requests => _requests.ToArray();

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        Map(_app);
        _app.MapFallback(context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
        await _app.StartAsync();
        BaseAddress = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.Single().TrimEnd('/');
    }

    /// <summary>Maps the provider's endpoint.</summary>
    protected abstract void Map(WebApplication app);

    protected static async Task<JsonObject?> ReadJsonAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        return JsonNode.Parse(await reader.ReadToEndAsync(request.HttpContext.RequestAborted)) as JsonObject;
    }

    protected void Record(HttpRequest request, JsonObject body, IReadOnlyList<string> offeredTools, FakeReply reply) =>
        _requests.Enqueue(new RecordedModelRequest(
            request.Path.Value ?? "",
            request.Headers.ToDictionary(header => header.Key, header => header.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            body,
            offeredTools,
            reply));

    /// <summary>Writes each frame and flushes it, as a streaming model would.</summary>
    protected static async Task StreamAsync(HttpResponse response, IEnumerable<ReadOnlyMemory<byte>> frames)
    {
        var aborted = response.HttpContext.RequestAborted;
        try
        {
            await response.StartAsync(aborted);
            foreach (var frame in frames)
            {
                await response.Body.WriteAsync(frame, aborted);
                await response.Body.FlushAsync(aborted);
            }
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client stopped reading once it had what it needed (the manager does, at the hand-off).
        }
    }

    protected static Task RejectAsync(HttpResponse response, string message)
    {
        response.StatusCode = StatusCodes.Status400BadRequest;
        return response.WriteAsJsonAsync(new { error = new { type = "invalid_request_error", message } });
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        GC.SuppressFinalize(this);
    }
}
