using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Mime;
using System.Text.Json;
using Chatbot.ApiService.Identity;
using Chatbot.Contracts.Api;
using Chatbot.Contracts.Streaming;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Options;

namespace Chatbot.ApiService.Prewarm;

/// <summary>
/// Rehearses what clients ask, over HTTP to this process's own address once it listens: one
/// streamed answer per specialist with every event, the three at once,
/// <see cref="PrewarmOptions.HttpRounds"/> times a pass, and one JSON answer. Between passes, and
/// after the last, it waits for the runtime to recompile what they made hot
/// (<see cref="PrewarmOptions.TierUpPasses"/>). Each goes through Kestrel, authentication, the
/// limiter, the body reader, the answer's coordinator, the agents and the SSE writer, so the first
/// real question finds all of it compiled. The requests carry the process's <see cref="WarmupKey"/>,
/// which makes them its one rehearsal identity: the offline model answers, nothing is stored, and
/// conversations and runs are out of reach (so neither is rehearsed).
/// </summary>
public sealed class HttpWarmup(IServer server, IHostApplicationLifetime lifetime, WarmupKey key, JitSettling jit, TimeProvider clock, IOptions<PrewarmOptions> options)
{
    /// <summary>One question for each specialist: finance, knowledge, portfolio.</summary>
    public static readonly string[] WarmupQuestions =
    [
        "What is the payback of a 100000 EUR investment saving 15000 EUR a year?",
        "What is solar PV?",
        "How are my assets doing?",
    ];

    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        await WhenListeningAsync(cancellationToken);
        if (OwnAddress.Of(server) is not { } address)
        {
            return "skipped: the server listens on no network address";
        }
        using var http = Client(address);
        var settings = options.Value;
        var rounds = settings.HttpRounds * (1 + settings.TierUpPasses);
        var events = 0;
        var waits = new List<TimeSpan>();
        for (var round = 0; round < rounds; round++)
        {
            if (round > 0 && round % settings.HttpRounds == 0)
            {
                waits.Add(await TierUpAsync(cancellationToken));
            }
            events += await AskRoundAsync(http, round, cancellationToken);
        }
        await SendAsync(http, Ask(WarmupQuestions[0]), cancellationToken);
        if (settings.TierUpPasses > 0)
        {
            waits.Add(await TierUpAsync(cancellationToken));
        }
        return $"{rounds * WarmupQuestions.Length + 1} requests, {events} events over {address.Authority}" +
            (waits.Count == 0 ? "" : $"; waited for the JIT {string.Join(", ", waits.Select(wait => $"{wait.TotalMilliseconds:F0} ms"))}");
    }

    /// <summary>
    /// A round's questions at once, as users ask: both cores work and the paths answers share
    /// under load run too (measured: readier sooner, a faster first answer). Browsers send a body
    /// with its length, .NET clients often chunked: both in turn. Every user's first question opens
    /// a connection, so every third round does too (Kestrel's accept and connection set-up run once
    /// a connection, too rarely otherwise to be recompiled).
    /// </summary>
    private static async Task<int> AskRoundAsync(HttpClient http, int round, CancellationToken cancellationToken)
    {
        var asked = await Task.WhenAll(WarmupQuestions.Select(question =>
            AskStreamAsync(http, Ask(question, chunked: round % 2 == 1, closeConnection: round % 3 == 2), cancellationToken)));
        return asked.Sum();
    }

    /// <summary>Lets the runtime recompile what the rounds so far made hot, so the next pass runs (and profiles) the next tier.</summary>
    private async Task<TimeSpan> TierUpAsync(CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        await jit.WaitAsync(options.Value.TierUpWait, cancellationToken);
        return clock.GetElapsedTime(started);
    }

    private Task WhenListeningAsync(CancellationToken cancellationToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        return started.Task.WaitAsync(cancellationToken);
    }

    private HttpClient Client(Uri address)
    {
        // This process talking to itself: its HTTPS certificate may name another host.
        var handler = new SocketsHttpHandler { SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true } };
        var http = new HttpClient(handler) { BaseAddress = address, Timeout = Timeout.InfiniteTimeSpan };
        http.DefaultRequestHeaders.Add(WarmupKey.Header, key.Value);
        return http;
    }

    private static async Task<int> AskStreamAsync(HttpClient http, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Add(StreamHeaders.Stream, "true");
        request.Headers.Add(StreamHeaders.Level, "2");
        using var response = await SendAsync(http, request, cancellationToken);
        return await CountEventsAsync(response, cancellationToken);
    }

    private static HttpRequestMessage Ask(string question, bool chunked = false, bool closeConnection = false)
    {
        var body = new QuestionRequest(question, $"prewarm-{Guid.NewGuid():N}");
        return new HttpRequestMessage(HttpMethod.Post, ChatbotRoutes.AskStream)
        {
            // JsonContent streams (chunked); a byte array carries Content-Length.
            Content = chunked ? JsonContent.Create(body) : WithLength(body),
            Headers = { ConnectionClose = closeConnection },
        };
    }

    private static ByteArrayContent WithLength(QuestionRequest body) => new(JsonSerializer.SerializeToUtf8Bytes(body, JsonSerializerOptions.Web))
    {
        Headers = { ContentType = new MediaTypeHeaderValue(MediaTypeNames.Application.Json) { CharSet = "utf-8" } },
    };

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        {
            var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                response.Dispose();
                throw new InvalidOperationException($"{request.Method} {request.RequestUri} answered {(int)response.StatusCode}.");
            }
            return response;
        }
    }

    private static async Task<int> CountEventsAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
        var events = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            events += line.StartsWith("data:", StringComparison.Ordinal) ? 1 : 0;
        }
        return events;
    }
}
