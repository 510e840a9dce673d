using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using Chatbot.ApiService;
using Chatbot.ApiService.Identity;
using Chatbot.ApiService.Memory;
using Chatbot.ApiService.Prewarm;
using Chatbot.ApiService.Telemetry;
using Chatbot.Contracts.Api;
using Chatbot.Tests.Api.Support;
using Chatbot.Tests.Hardening.Support;
using Chatbot.Tests.Memory.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Trace;

namespace Chatbot.Tests.Prewarm;

/// <summary>
/// The warm-up's one round of rehearsals, on real Kestrel: through the server's own HTTP pipeline
/// before readiness, answered offline, stored nowhere, counted on a meter of their own, logged
/// only if something goes wrong, and absent from the exported traces and HTTP metrics. The key
/// that proves them opens nothing else.
/// </summary>
public sealed class RehearsalTests
{
    private const string Secret = "rehearsal-tests-gateway-secret";
    private const string AskRoute = "/api/v1/chatbot/ask_stream";

    [Fact]
    public async Task Readiness_waits_for_one_round_through_the_servers_own_http_pipeline_on_the_offline_model()
    {
        var model = new RecordingChatClient();
        await using var factory = new ApiFactory().WithModel(model);
        using var http = new HttpClient { BaseAddress = KestrelApi.Start(factory) };

        Assert.True(await Eventually.HoldsAsync(async () => await (await http.GetAsync("/health")).Content.ReadAsStringAsync() == "Healthy"));

        var round = Assert.Single(factory.Services.GetRequiredService<PrewarmService>().Last!.Components, component => component.Name == "http");
        Assert.True(round.Ok, round.Detail);
        Assert.StartsWith($"{Rehearsal.Questions.Length} questions over 127.0.0.1:", round.Detail);
        Assert.Empty(model.Calls);
    }

    [Fact]
    public async Task The_round_asks_no_more_questions_than_a_user_may_ask_a_minute()
    {
        await using var factory = new ApiFactory().With("Chatbot:Prewarm:OnStartup", "false").With("Chatbot:RateLimits:QuestionsPerMinute", "2");
        KestrelApi.Start(factory);

        var report = await factory.Services.GetRequiredService<PrewarmService>().WarmAsync();

        var round = Assert.Single(report.Components, component => component.Name == "http");
        Assert.True(round.Ok, round.Detail);
        Assert.StartsWith("2 questions", round.Detail);
    }

    [Fact]
    public async Task A_rehearsal_stores_nothing_and_counts_on_its_own_meter()
    {
        await using var factory = new ApiFactory().With("Chatbot:Prewarm:OnStartup", "false");
        KestrelApi.Start(factory);
        using var users = Collector(factory.Services, "Chatbot", "chatbot.stream.duration");
        using var rehearsals = Collector(factory.Services, RehearsalAnswers.MeterName, "chatbot.stream.duration");

        await factory.Services.GetRequiredService<PrewarmService>().WarmAsync();

        Assert.Equal(Rehearsal.Questions.Length, rehearsals.GetMeasurementSnapshot().Count);
        Assert.Empty(users.GetMeasurementSnapshot());
        var rehearser = CallerIdentity.Of(factory.Services.GetRequiredService<Rehearsal>().Rehearser);
        var stored = await factory.Services.GetRequiredService<IConversationStore>().ListAsync(rehearser.Owner, new PageRequest(1, 20), CancellationToken.None);
        Assert.Equal(0, stored.Total);
    }

    [Fact]
    public async Task A_rehearsal_logs_no_warning_and_leaves_no_trace_or_http_metric_a_users_question_does()
    {
        var spans = new List<Activity>();
        await using var api = new ApiFactory().With("Chatbot:Prewarm:OnStartup", "false")
            .With("Chatbot:Auth:Mode", "gateway").With("Chatbot:Auth:GatewaySecret", Secret);
        await using var factory = api.WithWebHostBuilder(web => web.ConfigureTestServices(services =>
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans))));
        using var http = new HttpClient { BaseAddress = StartOnKestrel(factory) };
        using var requests = Collector(factory.Services, "Microsoft.AspNetCore.Hosting", "http.server.request.duration");
        var warningsBefore = Warnings(api).Length;

        await factory.Services.GetRequiredService<PrewarmService>().WarmAsync();
        Assert.Empty(Warnings(api).Skip(warningsBefore));
        (await http.SendAsync(ChatbotClient.AskRequest("What is solar PV?", "users-question", CallerHeaders.User("alice"), CallerHeaders.GatewaySecret(Secret))))
            .EnsureSuccessStatusCode();

        // Both are recorded as a request ends, a moment after its client has the answer: wait for the user's.
        Assert.True(await Eventually.HoldsAsync(() => Task.FromResult(UsersRun(spans) is not null && requests.GetMeasurementSnapshot().Any(IsQuestion))));
        Assert.Single(requests.GetMeasurementSnapshot(), IsQuestion);
        // The process records every host's spans in a test run: the rehearsals' are those under the round's requests to this server.
        var usersTrace = UsersRun(spans)!.TraceId;
        var round = Snapshot(spans).Where(span => span.Kind == ActivityKind.Client && Equals(span.GetTagItem("server.port"), http.BaseAddress.Port)
            && span.TraceId != usersTrace).ToArray();
        Assert.Equal(Rehearsal.Questions.Length, round.Length);
        Assert.DoesNotContain(Snapshot(spans), span => round.Any(request => request.TraceId == span.TraceId)
            && (span.Kind == ActivityKind.Server || span.OperationName == "chat run"));
        Assert.Contains(Snapshot(spans), span => span.TraceId == usersTrace && span.Kind == ActivityKind.Server);
    }

    private static Activity? UsersRun(List<Activity> spans) => Snapshot(spans).SingleOrDefault(span =>
        span.OperationName == "chat run" && (string?)span.GetTagItem(ChatbotActivities.ConversationIdTag) == "users-question");

    private static bool IsQuestion(CollectedMeasurement<double> measurement) => Equals(measurement.Tags["http.route"], AskRoute);

    [Fact]
    public async Task The_key_proves_a_question_and_nothing_else()
    {
        var model = new RecordingChatClient();
        await using var factory = new ApiFactory().WithModel(model).With("Chatbot:Prewarm:OnStartup", "false")
            .With("Chatbot:Auth:Mode", "gateway").With("Chatbot:Auth:GatewaySecret", Secret);
        using var http = new HttpClient { BaseAddress = KestrelApi.Start(factory) };
        var key = (Rehearsal.KeyHeader, factory.Services.GetRequiredService<Rehearsal>().Key);

        var question = await http.SendAsync(ChatbotClient.AskRequest("What is solar PV?", null, key));
        var guessed = await http.SendAsync(ChatbotClient.AskRequest("What is solar PV?", null, (Rehearsal.KeyHeader, "a-guess")));
        var conversations = await http.SendAsync(ChatbotClient.WithHeaders(new HttpRequestMessage(HttpMethod.Get, ChatbotRoutes.Conversations), key));
        var prewarm = await http.SendAsync(ChatbotClient.WithHeaders(new HttpRequestMessage(HttpMethod.Get, ChatbotRoutes.Prewarm), key));

        Assert.Equal(HttpStatusCode.OK, question.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, guessed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, conversations.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, prewarm.StatusCode);
        Assert.Empty(model.Calls);
    }

    private static Uri StartOnKestrel(WebApplicationFactory<ApiServiceAssembly> factory)
    {
        factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        return new Uri(factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
    }

    private static MetricCollector<double> Collector(IServiceProvider services, string meter, string instrument) =>
        new(services.GetRequiredService<IMeterFactory>(), meter, instrument);

    private static string[] Warnings(ApiFactory factory) =>
        [.. factory.Logs.Lines.Where(line => line.StartsWith("Warning", StringComparison.Ordinal) || line.StartsWith("Error", StringComparison.Ordinal) || line.StartsWith("Critical", StringComparison.Ordinal))];

    private static Activity[] Snapshot(List<Activity> spans)
    {
        lock (spans)
        {
            return [.. spans];
        }
    }
}
