using System.Diagnostics;
using System.Net.Http.Json;
using Chatbot.ApiService.Telemetry;
using Chatbot.Contracts.Api;
using Chatbot.Contracts.Identity;
using Chatbot.Contracts.Streaming;
using Chatbot.Tests.Api.Support;
using Chatbot.Tests.Memory.Support;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using OpenTelemetry.Trace;

namespace Chatbot.Tests.Telemetry;

/// <summary>The metrics and spans an operator reads in the dashboard.</summary>
public sealed class TelemetryTests
{
    private const string Meter = "Chatbot";

    [Fact]
    public async Task One_streamed_answer_records_one_time_to_first_token_and_one_duration_with_bounded_tags()
    {
        await using var factory = new ApiFactory();
        using var http = factory.CreateClient();
        using var ttft = Collector<double>(factory, "chatbot.stream.time_to_first_token");
        using var duration = Collector<double>(factory, "chatbot.stream.duration");
        using var tokens = Collector(factory, "chatbot.stream.tokens");

        var (_, events) = await ChatbotClient.StreamAsync(http, ChatbotClient.AskRequest("What is OPEX?", "metrics-1",
            CallerHeaders.User("u-secret"), CallerHeaders.Field(IdentityHeaders.AccessToken, "tok-secret")));

        var measurement = Assert.Single(ttft.GetMeasurementSnapshot());
        Assert.Single(duration.GetMeasurementSnapshot());
        Assert.Equal(events.Count(e => e.Type == StreamEventTypes.Token), tokens.GetMeasurementSnapshot().Sum(m => m.Value));
        Assert.Equal("offline", measurement.Tags["provider"]);
        Assert.Equal(1, measurement.Tags["level"]);
        Assert.Equal("completed", measurement.Tags["outcome"]);
        Assert.Equal(["level", "outcome", "provider"], measurement.Tags.Keys.Order());
    }

    [Fact]
    public async Task One_answer_records_its_model_calls_and_tokens_by_agent()
    {
        await using var factory = new ApiFactory().With("Chatbot:Prewarm:OnStartup", "false");
        using var http = factory.CreateClient();
        using var calls = Collector<int>(factory, "chatbot.answer.model_calls");
        using var tokens = Collector(factory, "chatbot.answer.tokens");

        var (_, events) = await ChatbotClient.StreamAsync(http, ChatbotClient.AskRequest("What is OPEX?", "metrics-calls"));

        // Recorded as the run ends, after its complete event is sent.
        Assert.True(await Eventually.HoldsAsync(() => Task.FromResult(calls.GetMeasurementSnapshot().Count == 2)));
        Assert.Equal([("knowledge", 2), ("manager", 1)],
            calls.GetMeasurementSnapshot().Select(m => ((string)m.Tags["agent"]!, m.Value)).Order());
        var input = tokens.GetMeasurementSnapshot().Where(m => (string?)m.Tags["type"] == "input").ToArray();
        Assert.Equal(["knowledge", "manager"], input.Select(m => (string)m.Tags["agent"]!).Order());
        Assert.Equal(events[^1].Data.GetProperty(StreamEventFields.Usage).GetProperty(StreamEventFields.InputTokens).GetInt64(), input.Sum(m => m.Value));
        Assert.All(tokens.GetMeasurementSnapshot(), m => Assert.True(m.Value > 0, $"{m.Tags["agent"]} {m.Tags["type"]} tokens: {m.Value}"));
    }

    [Fact]
    public async Task Runtime_creations_stay_one_after_fifty_concurrent_requests_and_reuse_is_counted()
    {
        await using var factory = new ApiFactory().With("Chatbot:Prewarm:OnStartup", "false");
        using var http = factory.CreateClient();
        using var creations = Collector(factory, "chatbot.agent.runtime.creations");
        using var reuse = Collector(factory, "chatbot.agent.runtime.reuse");

        await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => http.PostAsJsonAsync(ChatbotRoutes.AskStream, new { question = "What is CAPEX?" })));

        Assert.Equal(1, creations.GetMeasurementSnapshot().Sum(m => m.Value));
        Assert.Equal(49, reuse.GetMeasurementSnapshot().Sum(m => m.Value));
    }

    [Fact]
    public async Task Prewarm_records_each_component()
    {
        await using var factory = new ApiFactory().With("Chatbot:Prewarm:OnStartup", "false");
        using var http = factory.CreateClient();
        using var prewarm = Collector<double>(factory, "chatbot.prewarm.duration");

        await http.GetAsync("/api/v1/chatbot/prewarm");

        Assert.Equal(["agent_build", "archive", "http", "knowledge", "memory_store", "model_client", "platform", "run_store"],
            prewarm.GetMeasurementSnapshot().Select(m => (string)m.Tags["component"]!).Order());
    }

    [Fact]
    public async Task A_tool_call_is_one_span_under_its_agent_span_inside_the_run_span()
    {
        var spans = new List<Activity>();
        await using var factory = new ApiFactory();
        using var http = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans)))).CreateClient();

        var (_, events) = await ChatbotClient.StreamAsync(http, ChatbotClient.AskRequest(
            "What is the payback of a 100000 EUR investment saving 15000 EUR a year?", "trace-1"));

        var runId = events[0].Text(StreamEventFields.RunId);
        // The run's span ends after its complete event is sent.
        Assert.True(await Eventually.HoldsAsync(() => Task.FromResult(HasEnded(spans, runId))), "The run's span never ended.");
        Activity[] trace;
        lock (spans)
        {
            var run = spans.Single(span => span.OperationName == "chat run" && (string?)span.GetTagItem(ChatbotActivities.RunIdTag) == runId);
            Assert.Equal("trace-1", run.GetTagItem(ChatbotActivities.ConversationIdTag));
            trace = spans.Where(span => span.TraceId == run.TraceId).ToArray();
        }
        var finance = trace.Single(span => span.OperationName == "agent finance");
        var tool = Assert.Single(trace, span => span.OperationName.Contains("calculate_payback"));
        Assert.Equal("calculate_payback", tool.GetTagItem(ChatbotActivities.ToolTag));
        Assert.True(IsUnder(tool, finance, trace), "the tool span is not under the finance agent span");
        Assert.Contains(trace, span => span.OperationName == "agent manager");
        Assert.Contains(trace, span => span.Source.Name == "Experimental.Microsoft.Extensions.AI" && IsUnder(span, finance, trace));
        Assert.DoesNotContain(trace.SelectMany(span => span.TagObjects), tag => tag.Value?.ToString()?.Contains("100000 EUR") == true);
    }

    private static bool HasEnded(List<Activity> spans, string? runId)
    {
        lock (spans)
        {
            return spans.Any(span => span.OperationName == "chat run" && (string?)span.GetTagItem(ChatbotActivities.RunIdTag) == runId);
        }
    }

    /// <summary>MEAI's function-invocation spans may sit between an agent and its tool.</summary>
    private static bool IsUnder(Activity span, Activity ancestor, Activity[] trace)
    {
        for (var parent = span.ParentSpanId; parent != default;)
        {
            if (parent == ancestor.SpanId)
            {
                return true;
            }
            parent = trace.FirstOrDefault(candidate => candidate.SpanId == parent)?.ParentSpanId ?? default;
        }
        return false;
    }

    private static MetricCollector<long> Collector(ApiFactory factory, string instrument) => Collector<long>(factory, instrument);

    private static MetricCollector<T> Collector<T>(ApiFactory factory, string instrument) where T : struct =>
        new(factory.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), Meter, instrument);
}
