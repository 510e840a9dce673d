using System.Net;
using Chatbot.ApiService.Answers;
using Chatbot.ApiService.Runs.Redis;
using Chatbot.Contracts.Streaming;
using Chatbot.LocalServers;
using Chatbot.Tests.Api.Support;
using Chatbot.Tests.Browser;
using Chatbot.Tests.Memory.Support;
using Chatbot.Tests.Runs.Support;
using StackExchange.Redis;

namespace Chatbot.Tests.Runs;

/// <summary>
/// Two API instances sharing one real Redis (a node or a cluster), as replicas behind a load
/// balancer: a run started on one resumes and stops through the other, a run whose process dies
/// ends in an <c>interrupted</c> error for its followers instead of a hang, and a user's open
/// answers are limited across both.
/// </summary>
public abstract class CrossReplicaResumeContract(IRedisFixture redis)
{
    private const string Question = "Explain how the prewarm endpoint works and why streaming matters";
    private const string OpenAnswerLimit = $"{RateLimitOptions.Section}:{nameof(RateLimitOptions.ConcurrentStreamsPerUser)}";
    private const string OpenAnswerLimitVariable = "Chatbot__RateLimits__ConcurrentStreamsPerUser";

    /// <summary>A user of this test alone: a run another test left behind never holds its slots.</summary>
    private readonly (string Name, string Value) _user = CallerHeaders.User($"limited-{Guid.NewGuid():N}");

    [Fact]
    public async Task A_run_started_on_one_replica_resumes_on_the_other_without_gap_or_duplicate()
    {
        await using var first = Replica(tokenDelayMs: 20);
        await using var second = Replica(tokenDelayMs: 20);
        using var one = first.CreateClient();
        using var two = second.CreateClient();

        var (runId, before, _) = await ResumableClient.ReadThenDropAsync(one, ResumableClient.AskRequest(Question), count: 4);
        var (response, after) = await ResumableClient.ResumeAsync(two, runId, lastEventId: 4);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        List<SseEvent> all = [.. before, .. after];
        Assert.Equal(Enumerable.Range(1, all.Count).Select(i => (long)i), ResumableClient.Sequences(all));
        Assert.Equal(StreamEventTypes.Complete, all[^1].Type);
        Assert.DoesNotContain(second.Logs.Lines, line => line.Contains($"Run {runId} completed"));
        Assert.Contains(first.Logs.Lines, line => line.Contains($"Run {runId} completed"));
    }

    [Fact]
    public async Task A_stop_sent_to_another_replica_cancels_the_model_call_where_the_run_is()
    {
        var model = new RecordingChatClient(tokenDelayMs: 50) { HoldAfterFirstToken = true };
        await using var first = Replica().WithModel(model);
        await using var second = Replica();
        using var one = first.CreateClient();
        using var two = second.CreateClient();
        var (runId, _, _) = await ResumableClient.ReadThenDropAsync(one, ResumableClient.AskRequest(Question), count: 2);

        var cancel = await two.SendAsync(ResumableClient.CancelRequest(runId));
        await model.Cancelled.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var (_, rest) = await ResumableClient.ResumeAsync(two, runId, lastEventId: 2);

        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        Assert.Equal((StreamEventTypes.Error, StreamErrorCodes.Cancelled), (rest[^1].Type, rest[^1].Text(StreamEventFields.Code)));
    }

    [Fact]
    public async Task A_run_whose_process_was_killed_ends_for_its_followers_with_an_interrupted_error()
    {
        await using var producer = await ProducerProcessAsync(tokenDelayMs: 100);
        await using var survivor = Replica();
        using var toProducer = new HttpClient { BaseAddress = new Uri(producer.BaseUrl) };
        using var toSurvivor = survivor.CreateClient();
        var (runId, before, _) = await ResumableClient.ReadThenDropAsync(toProducer, ResumableClient.AskRequest(Question), count: 3);

        await producer.DisposeAsync(); // kills the process: no drain, no terminal event
        var (response, after) = await ResumableClient.ResumeAsync(toSurvivor, runId, lastEventId: 3).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        List<SseEvent> all = [.. before, .. after];
        Assert.Equal(Enumerable.Range(1, all.Count).Select(i => (long)i), ResumableClient.Sequences(all));
        Assert.Equal((StreamEventTypes.Error, StreamErrorCodes.Interrupted), (all[^1].Type, all[^1].Text(StreamEventFields.Code)));
        Assert.Single(all, e => e.Type is StreamEventTypes.Error or StreamEventTypes.Complete);
        var (_, again) = await ResumableClient.ResumeAsync(toSurvivor, runId, lastEventId: 0);
        Assert.Equal(all.Select(e => e.RawData), again.Select(e => e.RawData));
    }

    [Fact]
    public async Task A_user_at_the_open_answer_limit_on_one_replica_is_refused_on_the_other_until_the_run_stops()
    {
        var model = new RecordingChatClient(tokenDelayMs: 50) { HoldAfterFirstToken = true };
        await using var first = Replica().WithModel(model).With(OpenAnswerLimit, "1");
        await using var second = Replica().With(OpenAnswerLimit, "1");
        using var one = first.CreateClient();
        using var two = second.CreateClient();
        var (runId, _, _) = await ResumableClient.ReadThenDropAsync(one, ResumableClient.AskRequest(Question, null, _user), count: 2);

        var refused = await two.SendAsync(ResumableClient.AskRequest(Question, null, _user));
        var otherUser = await AdmitsAsync(two, CallerHeaders.User($"other-{Guid.NewGuid():N}"));
        await two.SendAsync(ResumableClient.CancelRequest(runId, _user));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.True(otherUser);
        Assert.True(await Eventually.HoldsAsync(() => AdmitsAsync(two, _user)), "the stopped run's slot was not given back");
    }

    [Fact]
    public async Task A_finished_run_gives_its_slot_back_at_once_not_after_its_lease()
    {
        await using var first = Replica().With(OpenAnswerLimit, "1").With("Chatbot:Runs:Lease", "01:00:00");
        await using var second = Replica().With(OpenAnswerLimit, "1").With("Chatbot:Runs:Lease", "01:00:00");
        using var one = first.CreateClient();
        using var two = second.CreateClient();

        var (_, events) = await ChatbotClient.StreamAsync(one, ResumableClient.AskRequest(Question, null, _user));

        Assert.Equal(StreamEventTypes.Complete, events[^1].Type);
        Assert.True(await Eventually.HoldsAsync(() => AdmitsAsync(two, _user)), "the finished run's slot was not given back");
    }

    [Fact]
    public async Task A_running_answer_keeps_its_slot_past_its_lease_by_renewing_it()
    {
        var model = new RecordingChatClient(tokenDelayMs: 50) { HoldAfterFirstToken = true };
        await using var first = Replica().WithModel(model).With(OpenAnswerLimit, "1").With("Chatbot:Runs:Lease", "00:00:01.5");
        await using var second = Replica().With(OpenAnswerLimit, "1");
        using var one = first.CreateClient();
        using var two = second.CreateClient();
        var (runId, _, _) = await ResumableClient.ReadThenDropAsync(one, ResumableClient.AskRequest(Question, null, _user), count: 2);
        var slots = redis.Client.GetDatabase();
        var key = RedisRunKeys.OpenAnswers($"/{_user.Value}");
        var admittedUntil = (await slots.SortedSetScoreAsync(key, runId))!.Value;

        var renewedPastTheFirstLease = await Eventually.HoldsAsync(async () => await slots.SortedSetScoreAsync(key, runId) > admittedUntil + 1_500);
        var refused = await two.SendAsync(ResumableClient.AskRequest(Question, null, _user));
        await two.SendAsync(ResumableClient.CancelRequest(runId, _user));

        Assert.True(renewedPastTheFirstLease);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
    }

    [Fact]
    public async Task A_killed_producers_slot_is_given_back_after_its_lease()
    {
        await using var producer = await ProducerProcessAsync(tokenDelayMs: 500, (OpenAnswerLimitVariable, "1"));
        await using var survivor = Replica().With(OpenAnswerLimit, "1");
        using var toProducer = new HttpClient { BaseAddress = new Uri(producer.BaseUrl) };
        using var toSurvivor = survivor.CreateClient();
        await ResumableClient.ReadThenDropAsync(toProducer, ResumableClient.AskRequest(Question, null, _user), count: 2);
        var refusedWhileItRuns = await toSurvivor.SendAsync(ResumableClient.AskRequest(Question, null, _user));

        await producer.DisposeAsync(); // kills the process: its slot is never given back, only lapses

        Assert.Equal(HttpStatusCode.TooManyRequests, refusedWhileItRuns.StatusCode);
        Assert.True(await Eventually.HoldsAsync(() => AdmitsAsync(toSurvivor, _user)), "the dead producer's slot did not lapse");
    }

    private ApiFactory Replica(int tokenDelayMs = 0) => new ApiFactory()
        .With("ConnectionStrings:redis", redis.ConnectionString)
        .With("Chatbot:Llm:Offline:TokenDelayMs", tokenDelayMs.ToString());

    /// <summary>An API as its own process, to be killed as a crash would; its lease is short.</summary>
    private Task<ServiceProcess> ProducerProcessAsync(int tokenDelayMs, params (string Name, string Value)[] settings)
    {
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__redis"] = redis.ConnectionString,
            ["Chatbot__Llm__Offline__TokenDelayMs"] = tokenDelayMs.ToString(),
            ["Chatbot__Runs__Lease"] = "00:00:01.5",
        };
        foreach (var (name, value) in settings)
        {
            environment[name] = value;
        }
        return ServiceProcess.StartAsync("Chatbot.ApiService", FreePort.Next(), environment);
    }

    /// <summary>Asks a resumable question and, if it was admitted, stops the run again.</summary>
    private static async Task<bool> AdmitsAsync(HttpClient http, (string Name, string Value) user)
    {
        using var response = await http.SendAsync(ResumableClient.AskRequest(Question, null, user), HttpCompletionOption.ResponseHeadersRead);
        if (!response.IsSuccessStatusCode)
        {
            return false;
        }
        await http.SendAsync(ResumableClient.CancelRequest(response.Headers.GetValues(StreamHeaders.RunId).Single(), user));
        return true;
    }
}
