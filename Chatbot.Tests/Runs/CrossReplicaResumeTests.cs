using System.Net;
using Chatbot.AppHost.Infrastructure;
using Chatbot.Tests.Api.Support;
using Chatbot.Tests.Browser;
using Chatbot.Tests.Memory.Support;
using Chatbot.Tests.Runs.Support;

namespace Chatbot.Tests.Runs;

/// <summary>
/// Two API instances sharing one real redis-server, as replicas behind a load balancer: a run
/// started on one resumes and stops through the other, and a run whose process dies ends in an
/// <c>interrupted</c> error for its followers instead of a hang.
/// </summary>
public sealed class CrossReplicaResumeTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private const string Question = "Explain how the prewarm endpoint works and why streaming matters";

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
        Assert.Equal("complete", all[^1].Type);
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
        Assert.Equal(("error", "cancelled"), (rest[^1].Type, rest[^1].Text("code")));
    }

    [Fact]
    public async Task A_run_whose_process_was_killed_ends_for_its_followers_with_an_interrupted_error()
    {
        await using var producer = await ServiceProcess.StartAsync("Chatbot.ApiService", FreePort.Next(), new Dictionary<string, string>
        {
            ["ConnectionStrings__redis"] = redis.ConnectionString,
            ["Chatbot__Llm__Offline__TokenDelayMs"] = "100",
            ["Chatbot__Runs__Lease"] = "00:00:01.5",
        });
        await using var survivor = Replica();
        using var toProducer = new HttpClient { BaseAddress = new Uri(producer.BaseUrl) };
        using var toSurvivor = survivor.CreateClient();
        var (runId, before, _) = await ResumableClient.ReadThenDropAsync(toProducer, ResumableClient.AskRequest(Question), count: 3);

        await producer.DisposeAsync(); // kills the process: no drain, no terminal event
        var (response, after) = await ResumableClient.ResumeAsync(toSurvivor, runId, lastEventId: 3).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        List<SseEvent> all = [.. before, .. after];
        Assert.Equal(Enumerable.Range(1, all.Count).Select(i => (long)i), ResumableClient.Sequences(all));
        Assert.Equal(("error", "interrupted"), (all[^1].Type, all[^1].Text("code")));
        Assert.Single(all, e => e.Type is "error" or "complete");
        var (_, again) = await ResumableClient.ResumeAsync(toSurvivor, runId, lastEventId: 0);
        Assert.Equal(all.Select(e => e.RawData), again.Select(e => e.RawData));
    }

    private ApiFactory Replica(int tokenDelayMs = 0) => new ApiFactory()
        .With("ConnectionStrings:redis", redis.ConnectionString)
        .With("Chatbot:Llm:Offline:TokenDelayMs", tokenDelayMs.ToString());
}
