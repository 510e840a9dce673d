using System.Text.Json;
using Chatbot.Contracts.Api;
using Chatbot.Contracts.Streaming;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Chatbot.Benchmarks.Baseline;

/// <summary>
/// The baseline: a bare Kestrel endpoint that writes the same token frames as the API, with a
/// flush after each, and does nothing else (no agents, no JSON per token, no logging, no
/// telemetry). Runs as its own process (<c>baseline-server</c> mode) so it pays what the API
/// pays for being a separate process, with the same server GC.
/// </summary>
public static class BaselineServer
{
    public const string Mode = "baseline-server";
    /// <summary>The API's own path, so the load client asks both servers the same way.</summary>
    public const string StreamPath = ChatbotRoutes.AskStream;
    public const string AlivePath = "/alive";

    /// <summary>Stops by itself even if the benchmark that started it dies.</summary>
    private static readonly TimeSpan MaxLifetime = TimeSpan.FromMinutes(20);

    public static async Task<int> RunAsync(CommandLine options)
    {
        var url = options.Text("url") ?? throw new ArgumentException("--url is required");
        var tokensFile = options.Text("tokens") ?? throw new ArgumentException("--tokens is required");
        var frames = BaselineFrames.Render(JsonSerializer.Deserialize<string[]>(await File.ReadAllTextAsync(tokensFile)) ?? []);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(url);
        var app = builder.Build();
        app.MapGet(AlivePath, () => "ok");
        app.MapPost(StreamPath, (HttpContext context) => WriteFramesAsync(context, frames));

        using var lifetime = new CancellationTokenSource(MaxLifetime);
        using var stop = lifetime.Token.Register(app.Lifetime.StopApplication);
        await app.RunAsync();
        return 0;
    }

    private static async Task WriteFramesAsync(HttpContext context, byte[][] frames)
    {
        var response = context.Response;
        response.ContentType = StreamHeaders.ContentType;
        response.Headers.CacheControl = "no-cache";
        var body = response.BodyWriter;
        foreach (var frame in frames)
        {
            // WriteAsync on a PipeWriter writes and flushes: one flush per frame, as the API does.
            var result = await body.WriteAsync(frame, context.RequestAborted);
            if (result.IsCanceled || result.IsCompleted)
            {
                return;
            }
        }
    }
}
