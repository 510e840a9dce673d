using System.Diagnostics;
using System.Net;
using Chatbot.ApiService.Telemetry;
using Chatbot.Tests.Api.Support;
using Chatbot.Tests.Memory.Support;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Trace;

namespace Chatbot.Tests.Telemetry;

/// <summary>
/// With the sampler the AppHost sets (<c>always_on</c>), a readiness probe's Redis PING makes no span
/// (its request is left out of tracing, so the dashboard would list the PING as a trace of its own),
/// while the Redis commands a question runs stay in the question's trace.
/// </summary>
public sealed class ProbeTraceTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private const string RedisSource = "OpenTelemetry.Instrumentation.StackExchangeRedis";

    [Fact]
    public async Task Probes_trace_no_redis_command_and_a_questions_redis_commands_stay_in_its_trace()
    {
        var spans = new List<Activity>();
        var factory = new ApiFactory()
            .With("ConnectionStrings:redis", redis.ConnectionString)
            .With("OTEL_TRACES_SAMPLER", "always_on");
        using var http = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans)))).CreateClient();

        for (var probe = 0; probe < 3; probe++)
        {
            // Healthy: the memory check has pinged Redis.
            Assert.Equal("Healthy", await (await http.GetAsync(Extensions.HealthEndpointPath)).Content.ReadAsStringAsync());
        }
        var (response, _) = await ChatbotClient.StreamAsync(http, ChatbotClient.AskRequest("What is OPEX?", "probe-trace-1"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The Redis instrumentation turns commands into spans every few seconds, and all of them as it is disposed.
        await factory.DisposeAsync();

        // Spans of other tests' services in this process reach the exporter too: keep this test's.
        var redisSpans = spans.Where(span => span.Source.Name == RedisSource && Equals(span.GetTagItem("server.port"), redis.Port)).ToList();
        var question = spans.Single(span => span.OperationName == "chat run" && (string?)span.GetTagItem(ChatbotActivities.ConversationIdTag) == "probe-trace-1");
        Assert.Contains(redisSpans, span => span.TraceId == question.TraceId);
        Assert.All(redisSpans, span => Assert.True(spans.Any(parent => parent.SpanId == span.ParentSpanId),
            $"{span.DisplayName} has no recorded parent: the dashboard lists it as a trace of its own."));
    }
}
