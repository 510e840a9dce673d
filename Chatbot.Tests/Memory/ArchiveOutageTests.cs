using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net.Http.Json;
using System.Text.Json;
using Chatbot.ApiService.Memory;
using Chatbot.ApiService.Memory.Archive;
using Chatbot.AppHost.Infrastructure;
using Chatbot.Contracts.Api;
using Chatbot.Tests.Api.Support;
using Chatbot.Tests.Memory.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Hosting;

namespace Chatbot.Tests.Memory;

/// <summary>The API with a MongoDB archive configured that does not answer (nothing listens on its port).</summary>
public sealed class ArchiveOutageTests
{
    [Fact]
    public async Task With_mongodb_unreachable_the_chat_answers_remembers_and_health_is_degraded()
    {
        await using var factory = new ApiFactory()
            .With("ConnectionStrings:mongo", "mongodb://127.0.0.1:1/chatbot?serverSelectionTimeoutMS=200&connectTimeoutMS=200")
            .With("Chatbot:Memory:ArchiveReadTimeout", "00:00:00.300")
            .With("Chatbot:Memory:ArchiveMaxRetries", "1")
            .With("Chatbot:Memory:ArchiveRetryDelay", "00:00:00.010");
        using var http = factory.CreateClient();
        var id = $"archive-down-{Guid.NewGuid():N}";

        await http.PostAsJsonAsync(ChatbotRoutes.AskStream, new { question = "What is the payback of a 100000 EUR investment saving 15000 EUR a year?", conversation_id = id });
        var followUp = await http.PostAsJsonAsync(ChatbotRoutes.AskStream, new { question = "And if it saves 20000 a year?", conversation_id = id });

        Assert.IsType<ArchivedConversationStore>(factory.Services.GetRequiredService<IConversationStore>());
        Assert.Contains("Payback: 5.0 years", (await followUp.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("answer").GetString());
        Assert.True(await Eventually.HoldsAsync(async () => await (await http.GetAsync("/health")).Content.ReadAsStringAsync() == "Degraded"));
    }

    [Fact]
    public async Task With_mongodb_unreachable_health_says_degraded_before_the_readiness_probe_gives_up()
    {
        // No serverSelectionTimeoutMS: the driver waits its 5 s for a server, longer than the probe's 3 s.
        await using var factory = new ApiFactory().With("ConnectionStrings:mongo", "mongodb://127.0.0.1:1/chatbot");
        var health = factory.Services.GetRequiredService<HealthCheckService>();

        var report = await health.CheckHealthAsync(check => check.Name == "mongo");

        var archive = Assert.Single(report.Entries).Value;
        Assert.Equal(HealthStatus.Degraded, archive.Status);
        Assert.True(archive.Duration < TimeSpan.FromSeconds(HealthProbes.TimeoutSeconds), $"The archive's health check took {archive.Duration}.");
    }

    [Fact]
    public async Task Stopping_with_mongodb_unreachable_gives_up_the_queued_writes_when_the_drain_time_is_over()
    {
        var drainTime = TimeSpan.FromSeconds(3);
        await using var factory = new ApiFactory()
            // Each attempt waits 10 s for a server, and the writer retries six times: without a bound
            // the stop lasts until the host's own limit (30 s).
            .With("ConnectionStrings:mongo", "mongodb://127.0.0.1:1/chatbot?serverSelectionTimeoutMS=10000&connectTimeoutMS=200")
            .With("Chatbot:Memory:ArchiveReadTimeout", "00:00:00.300")
            .With("Chatbot:Shutdown:DrainTime", drainTime.ToString());
        using var http = factory.CreateClient();
        using var givenUp = new MetricCollector<long>(factory.Services.GetRequiredService<IMeterFactory>(), ChatbotTelemetry.ServiceName, ArchiveMetrics.WriteFailures);
        (await http.PostAsJsonAsync(ChatbotRoutes.AskStream, new { question = "What is CAPEX?" })).EnsureSuccessStatusCode();

        var stopping = Stopwatch.StartNew();
        await factory.DisposeAsync();
        stopping.Stop();

        // A bound on behaviour, not speed: the writer waits out the drain time, then stops at once.
        Assert.InRange(stopping.Elapsed, drainTime, drainTime + TimeSpan.FromSeconds(5));
        Assert.NotEmpty(givenUp.GetMeasurementSnapshot());
        Assert.All(givenUp.GetMeasurementSnapshot(), failure => Assert.Equal(ArchiveMetrics.ShuttingDown, failure.Tags["reason"]));
    }
}
