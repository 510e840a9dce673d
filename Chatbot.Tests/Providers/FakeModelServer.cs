using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Chatbot.Tests.Providers;

/// <summary>
/// A model provider's HTTP API faked on Kestrel at 127.0.0.1 on a free port. Each request is
/// recorded, then answered by <see cref="FakeModelScript"/> in the provider's wire format, unless
/// the test asked for it to be throttled (<see cref="ThrottleNext"/>).
/// </summary>
public abstract class FakeModelServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<RecordedModelRequest> _requests = new();
    private readonly Lock _gate = new();
    private int _throttleNext;
    private string? _retryAfter;
    private int _throttled;
    private int _unmatched;
    private WebApplication? _app;

    /// <summary>http://127.0.0.1:{port}, no trailing slash.</summary>
    public string BaseAddress { get; private set; } = "";

    /// <summary>The requests answered so far, in arrival order.</summary>
    public IReadOnlyList<RecordedModelRequest> Requests => _requests.ToArray();

    /// <summary>The model requests answered with a throttling error.</summary>
    public int Throttled => Volatile.Read(ref _throttled);

    /// <summary>Requests to no model endpoint, such as prewarm's connection opener.</summary>
    public int Unmatched => Volatile.Read(ref _unmatched);

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        Map(_app);
        _app.MapFallback(context =>
        {
            Interlocked.Increment(ref _unmatched);
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
        await _app.StartAsync();
        BaseAddress = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.Single().TrimEnd('/');
    }

    /// <summary>Answers the next <paramref name="requests"/> model requests with 429, and <c>Retry-After</c> when given.</summary>
    public void ThrottleNext(int requests, string? retryAfter = null)
    {
        lock (_gate)
        {
            (_throttleNext, _retryAfter) = (requests, retryAfter);
        }
    }

    /// <summary>Forgets the requests and counts, and every fault asked for.</summary>
    public virtual void Reset()
    {
        ThrottleNext(0);
        _requests.Clear();
        Interlocked.Exchange(ref _throttled, 0);
        Interlocked.Exchange(ref _unmatched, 0);
    }

    /// <summary>The id this fake gives <paramref name="call"/>, which its tool result must answer.</summary>
    public abstract string CallId(FakeCall call);

    /// <summary>The tool results a request to the model carries, in the provider's wire format.</summary>
    public abstract IReadOnlyList<SentToolResult> ToolResultsIn(RecordedModelRequest request);

    /// <summary>A tool result's content as the API sent it: a string, or text parts.</summary>
    protected static string TextOf(JsonNode? content) => content switch
    {
        JsonValue value => (string?)value ?? "",
        JsonArray parts => string.Concat(parts.Select(part => (string?)part?["text"])),
        _ => "",
    };

    /// <summary>Maps the provider's endpoint.</summary>
    protected abstract void Map(WebApplication app);

    /// <summary>The provider's throttling error body.</summary>
    protected virtual Task WriteThrottlingAsync(HttpResponse response) =>
        response.WriteAsJsonAsync(new { message = "Too many requests, please wait before trying again." });

    /// <summary>Throttles this request if the test asked for it; true when it did.</summary>
    protected async Task<bool> ThrottledAsync(HttpContext context)
    {
        string? retryAfter;
        lock (_gate)
        {
            if (_throttleNext <= 0)
            {
                return false;
            }
            _throttleNext--;
            retryAfter = _retryAfter;
        }
        Interlocked.Increment(ref _throttled);
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        if (retryAfter is not null)
        {
            context.Response.Headers.RetryAfter = retryAfter;
        }
        await WriteThrottlingAsync(context.Response);
        return true;
    }

    /// <summary>Reads the body as JSON, keeping its bytes for <see cref="Record"/>.</summary>
    protected static async Task<JsonObject?> ReadJsonAsync(HttpRequest request)
    {
        using var bytes = new MemoryStream();
        await request.Body.CopyToAsync(bytes, request.HttpContext.RequestAborted);
        request.HttpContext.Items[typeof(FakeModelServer)] = bytes.ToArray();
        return JsonNode.Parse(bytes.ToArray()) as JsonObject;
    }

    protected void Record(HttpRequest request, JsonObject body, IReadOnlyList<string> offeredTools, FakeReply reply) =>
        _requests.Enqueue(new RecordedModelRequest(
            request.Method,
            request.Path.Value ?? "",
            request.HttpContext.Features.Get<IHttpRequestFeature>()?.RawTarget ?? "",
            request.Headers.ToDictionary(header => header.Key, header => header.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            body,
            request.HttpContext.Items[typeof(FakeModelServer)] as byte[] ?? [],
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
