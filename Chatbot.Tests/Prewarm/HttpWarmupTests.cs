using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using Chatbot.ApiService.Identity;
using Chatbot.ApiService.Prewarm;
using Chatbot.ApiService.Telemetry;
using Chatbot.Contracts.Api;
using Chatbot.Contracts.Identity;
using Chatbot.Tests.Api.Support;
using Chatbot.Tests.Hardening.Support;
using Chatbot.Tests.Memory.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Chatbot.Tests.Prewarm;

/// <summary>
/// Start-up prewarm sends real requests to the process's own Kestrel before readiness says
/// Healthy; they are rehearsals, proven by the process's warm-up key: answered by the offline
/// model, stored nowhere, never refused by the question limit, and a request that only claims to
/// be one is refused. What else a key holder cannot do: <c>Hardening/WarmupKeyHolderTests</c>.
/// </summary>
public sealed class HttpWarmupTests
{
    private static readonly (string Name, string Value) Alice = CallerHeaders.User("alice-warm");

    [Fact]
    public async Task Readiness_waits_for_real_requests_through_the_servers_own_http_pipeline()
    {
        var model = new RecordingChatClient();
        await using var factory = new ApiFactory().WithModel(model).With("Chatbot:Prewarm:TierUpPasses", "1");
        using var http = new HttpClient { BaseAddress = KestrelApi.Start(factory) };

        Assert.True(await Eventually.HoldsAsync(async () => await (await http.GetAsync("/health")).Content.ReadAsStringAsync() == "Healthy"));

        var report = await factory.Services.GetRequiredService<PrewarmService>().WarmAsync();
        var warmup = Assert.Single(report.Components, component => component.Name == "http");
        Assert.True(warmup.Ok, warmup.Detail);
        // Two passes of 15 rounds, with a wait for the runtime's recompiling after each.
        Assert.StartsWith($"{2 * 15 * HttpWarmup.WarmupQuestions.Length + 1} requests", warmup.Detail);
        Assert.Matches(@"; waited for the JIT \d+ ms, \d+ ms$", warmup.Detail);
        Assert.Empty(model.Calls);
    }

    [Fact]
    public async Task The_question_limit_never_refuses_a_rehearsal()
    {
        await using var factory = new ApiFactory().With("Chatbot:RateLimits:QuestionsPerMinute", "1");
        using var http = new HttpClient { BaseAddress = KestrelApi.Start(factory) };

        var report = await factory.Services.GetRequiredService<PrewarmService>().WarmAsync();

        Assert.True(report.Components.Single(component => component.Name == "http").Ok);
    }

    [Fact]
    public async Task A_request_with_the_warmup_key_is_answered_offline_and_stored_nowhere()
    {
        var model = new RecordingChatClient();
        await using var factory = new ApiFactory().WithModel(model);
        using var http = new HttpClient { BaseAddress = KestrelApi.Start(factory) };
        var key = factory.Services.GetRequiredService<WarmupKey>();

        var (response, events) = await ChatbotClient.StreamAsync(http,
            ChatbotClient.AskRequest("What is solar PV?", "rehearsed-1", Alice, (WarmupKey.Header, key.Value)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(ChatbotClient.Answer(events));
        Assert.Empty(model.Calls);
        var stored = await http.SendAsync(ChatbotClient.WithHeaders(new HttpRequestMessage(HttpMethod.Get, ChatbotRoutes.Conversation("rehearsed-1")), Alice));
        Assert.Equal(HttpStatusCode.NotFound, stored.StatusCode);
    }

    [Fact]
    public async Task Rehearsals_open_new_connections_as_new_users_do()
    {
        await using var factory = new ApiFactory().With("Chatbot:Prewarm:OnStartup", "false").With("Chatbot:Prewarm:HttpRounds", "6");
        KestrelApi.Start(factory);
        var opened = 0;
        using var listener = Listen(factory.Services.GetRequiredService<IMeterFactory>(),
            (_, change) => Interlocked.Add(ref opened, change > 0 ? 1 : 0), "kestrel.active_connections");

        var report = await factory.Services.GetRequiredService<PrewarmService>().WarmAsync();

        Assert.True(report.AllWarm);
        // Three questions at once hold three connections; rounds 3 and 6 close theirs, so the
        // rounds after them and the last requests open new ones: 3 + 3 + at least 1.
        Assert.True(Volatile.Read(ref opened) >= 7, $"{opened} connections opened");
    }

    [Fact]
    public async Task A_rehearsal_runs_the_answers_metrics_and_log_calls_where_nobody_sees_them()
    {
        await using var factory = new ApiFactory().With("Chatbot:Prewarm:OnStartup", "false");
        using var http = new HttpClient { BaseAddress = KestrelApi.Start(factory) };
        var key = factory.Services.GetRequiredService<WarmupKey>();
        var measured = new ConcurrentQueue<string>();
        using var listener = Listen(factory.Services.GetRequiredService<IMeterFactory>(),
            (instrument, _) => measured.Enqueue($"{instrument.Meter.Name} {instrument.Name}"), "chatbot.stream.duration", "chatbot.tool.calls");

        await ChatbotClient.StreamAsync(http, ChatbotClient.AskRequest("What is solar PV?", "rehearsed-2", Alice, (WarmupKey.Header, key.Value)));
        Assert.True(await Eventually.HoldsAsync(() => Task.FromResult(measured.Count == 2)), string.Join(", ", measured));
        await ChatbotClient.StreamAsync(http, ChatbotClient.AskRequest("What is solar PV?", "asked-2", Alice));

        Assert.True(await Eventually.HoldsAsync(() => Task.FromResult(measured.Count == 4)), string.Join(", ", measured));
        Assert.Equal(
            [
                $"{ChatbotMetrics.RehearsalMeterName} chatbot.stream.duration", $"{ChatbotMetrics.RehearsalMeterName} chatbot.tool.calls",
                $"{ChatbotTelemetry.ServiceName} chatbot.stream.duration", $"{ChatbotTelemetry.ServiceName} chatbot.tool.calls",
            ],
            [.. measured.Take(2).Order(), .. measured.Skip(2).Order()]);
        Assert.Contains(factory.Logs.Lines, line => line.Contains("conversation asked-2") && line.Contains("completed"));
        Assert.DoesNotContain(factory.Logs.Lines, line => line.Contains("rehearsed-2"));
    }

    /// <summary>Every measurement of the named instruments this host records (other hosts in the test run have their own meters).</summary>
    private static MeterListener Listen(IMeterFactory host, Action<Instrument, double> measured, params string[] instruments)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, listening) =>
            {
                if (instrument.Meter.Scope == host && instruments.Contains(instrument.Name))
                {
                    listening.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => measured(instrument, value));
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => measured(instrument, value));
        listener.Start();
        return listener;
    }

    [Fact]
    public async Task A_request_that_only_claims_to_be_a_warmup_is_refused_even_where_headers_are_trusted()
    {
        var model = new RecordingChatClient();
        await using var factory = new ApiFactory().WithModel(model);
        using var http = new HttpClient { BaseAddress = KestrelApi.Start(factory) };

        var response = await http.SendAsync(ChatbotClient.AskRequest("What is solar PV?", null, Alice, (WarmupKey.Header, "a-guess")));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(model.Calls);
    }
}
