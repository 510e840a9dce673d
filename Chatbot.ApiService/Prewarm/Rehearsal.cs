using System.Diagnostics;
using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Chatbot.ApiService.Answers;
using Chatbot.ApiService.Identity;
using Chatbot.Contracts.Identity;
using Chatbot.Contracts.Streams;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Chatbot.ApiService.Prewarm;

/// <summary>
/// The warm-up's one round of real requests: once the server listens, each specialist's question
/// once, over HTTP to this process's own address, streamed with every event as clients ask. They
/// run the path a user's first question runs (Kestrel, the limiter, the body reader, the agents and
/// tools, the SSE writer), so most of it is compiled before the first user comes; the first answer
/// is still slower than later ones (docs/lab/2026-12-07-warm-up-round.md). Each carries a key made when the process starts and
/// held only in its memory; <see cref="RehearsalGate"/> lets them through as the <see cref="Rehearser"/>.
/// </summary>
public sealed class Rehearsal(IServer server, IHostApplicationLifetime lifetime, IOptions<RateLimitOptions> limits)
{
    public const string KeyHeader = "x-chatbot-rehearsal";

    /// <summary>One question for each specialist: finance, knowledge, portfolio.</summary>
    public static readonly string[] Questions =
    [
        "What is the payback of a 100000 EUR investment saving 15000 EUR a year?",
        "What is solar PV?",
        "How are my assets doing?",
    ];

    private static readonly string[] AnyHost = ["+", "*", "0.0.0.0", "[::]", "localhost"];

    /// <summary>Made as the process starts and never written anywhere.</summary>
    public string Key { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>Who asks: not superAdmin, in a tenant that exists nowhere, so no one's assets show.</summary>
    public ClaimsPrincipal Rehearser { get; } =
        CallerIdentity.Principal(new AltecoContext { UserId = $"prewarm-{Guid.NewGuid():N}", TenantId = "chatbot-prewarm" }, "rehearsal");

    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        await WhenListeningAsync(cancellationToken);
        if (OwnAddress() is not { } address)
        {
            return "skipped: the server listens on no network address";
        }
        // This process talking to itself: its HTTPS certificate may name another host.
        using var http = new HttpClient(new SocketsHttpHandler { SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true } })
        {
            BaseAddress = address,
        };
        // The rehearser is limited as any user is: never more questions than a user may ask a minute.
        var questions = Questions.Take(limits.Value.QuestionsPerMinute).ToArray();
        var client = new ChatStreamClient(http);
        foreach (var question in questions)
        {
            await AskAsync(client, question, cancellationToken);
        }
        return $"{questions.Length} questions over {address.Authority}";
    }

    /// <summary>The request carries this process's key over a connection from this host (its own address, never a forwarded one).</summary>
    public bool IsOwn(HttpContext context) =>
        ConnectionAddress.Of(context) is { } remote
        && (IPAddress.IsLoopback(remote) || remote.Equals(Unmapped(context.Connection.LocalIpAddress)))
        && context.Request.Headers[KeyHeader] is [{ } key]
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(Key));

    /// <summary>Asked and read to its end as the web asks and reads, with every event (level 2).</summary>
    private async Task AskAsync(ChatStreamClient client, string question, CancellationToken cancellationToken)
    {
        var asRehearser = new StreamCallOptions { Prepare = request => request.Headers.Add(KeyHeader, Key) };
        await foreach (var _ in client.AskAsync(new AskStreamRequest(question) { Resumable = false, Level = 2 }, asRehearser, cancellationToken))
        {
        }
    }

    private Task WhenListeningAsync(CancellationToken cancellationToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        return started.Task.WaitAsync(cancellationToken);
    }

    /// <summary>The first address the server listens on, plain HTTP first, a wildcard host as loopback; null for none (a test host, a socket file).</summary>
    private Uri? OwnAddress() => (server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [])
        .Select(BindingAddress.Parse)
        .Where(address => !address.IsUnixPipe && !address.IsNamedPipe && address.Scheme is "http" or "https")
        .OrderBy(address => address.Scheme == Uri.UriSchemeHttp ? 0 : 1)
        .Select(address => new UriBuilder(address.Scheme, AnyHost.Contains(address.Host) ? "127.0.0.1" : address.Host, address.Port).Uri)
        .FirstOrDefault();

    private static IPAddress? Unmapped(IPAddress? address) => address is { IsIPv4MappedToIPv6: true } ? address.MapToIPv4() : address;
}

/// <summary>
/// Lets the warm-up's own questions through as rehearsals: a question (<c>POST ask_stream</c>)
/// that <see cref="Rehearsal.IsOwn"/> recognises is asked by the rehearser, answered by
/// <see cref="RehearsalAnswers"/>, and kept out of the exported traces and HTTP metrics. On any
/// other endpoint the key means nothing. Runs after authentication, before authorization.
/// </summary>
public sealed class RehearsalGate(RequestDelegate next, Rehearsal rehearsal, RehearsalAnswers answers)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Headers.ContainsKey(Rehearsal.KeyHeader) && IsQuestion(context) && rehearsal.IsOwn(context))
        {
            context.User = rehearsal.Rehearser;
            context.RequestServices = answers.Serving(context.RequestServices);
            HideFromTelemetry(context);
        }
        return next(context);
    }

    private static bool IsQuestion(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method)
        && context.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: { } route } && route.EndsWith("/ask_stream", StringComparison.Ordinal);

    /// <summary>As OpenTelemetry's own request filter does: the request's span and everything under it is not recorded.</summary>
    private static void HideFromTelemetry(HttpContext context)
    {
        if (Activity.Current is { } span)
        {
            span.IsAllDataRequested = false;
            span.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded;
        }
        if (context.Features.Get<IHttpMetricsTagsFeature>() is { } metrics)
        {
            metrics.MetricsDisabled = true;
        }
    }
}
