using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Chatbot.Tests.Portfolio.Support;

/// <summary>
/// The platform's asset API (docs/platform-api.md) on Kestrel at 127.0.0.1 on a free port, under a
/// path as a real one may be. <c>GET {BaseAddress}/assets</c> records the request's headers; without
/// a bearer token it answers 401, as the platform does; with one, <see cref="Assets"/>, or what the
/// test asked for: another status, a delay, a cookie.
/// </summary>
public sealed class FakePlatform : IAsyncDisposable
{
    public const string Path = "/platform/v1";

    private readonly ConcurrentQueue<IReadOnlyDictionary<string, string>> _requests = new();
    private WebApplication? _app;

    /// <summary>http://127.0.0.1:{port}/platform/v1, no trailing slash.</summary>
    public string BaseAddress { get; private set; } = "";

    /// <summary>The body of a good answer: a JSON array of assets.</summary>
    public string Assets { get; set; } = "[]";

    public HttpStatusCode Status { get; set; } = HttpStatusCode.OK;

    /// <summary>How long an answer waits (ended early when the caller goes).</summary>
    public TimeSpan Delay { get; set; } = TimeSpan.Zero;

    /// <summary>A Set-Cookie header on every answer, as a platform with sessions sends.</summary>
    public string? SetCookie { get; set; }

    /// <summary>Every request's headers, in arrival order.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> Requests => [.. _requests];

    /// <summary>The requests that carried a credential: the calls made on a user's behalf.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> UserCalls => [.. _requests.Where(headers => headers.ContainsKey("Authorization"))];

    public static async Task<FakePlatform> StartAsync()
    {
        var platform = new FakePlatform();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        platform._app = builder.Build();
        platform._app.MapGet(Path + "/assets", platform.AnswerAsync);
        await platform._app.StartAsync();
        var address = platform._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        platform.BaseAddress = address.TrimEnd('/') + Path;
        return platform;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private async Task AnswerAsync(HttpContext context)
    {
        _requests.Enqueue(context.Request.Headers.ToDictionary(header => header.Key, header => header.Value.ToString(), StringComparer.OrdinalIgnoreCase));
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
        }
        if (SetCookie is not null)
        {
            context.Response.Headers.SetCookie = SetCookie;
        }
        if (!context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }
        context.Response.StatusCode = (int)Status;
        if (Status == HttpStatusCode.OK)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(Assets, context.RequestAborted);
        }
    }
}
