using System.Net;
using Chatbot.ApiService.Runs;
using Chatbot.ApiService.Runs.Redis;
using Chatbot.ApiService.Streaming;
using Chatbot.Contracts.Streaming;
using Chatbot.Tests.Api.Support;
using Chatbot.Tests.Memory.Support;
using Chatbot.Tests.Runs.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace Chatbot.Tests.Runs;

/// <summary>
/// Resumable runs on a real Redis (one node or a cluster), and what only Redis does: trimming,
/// expiry, a stream entry per append, an owner's open answers shared by every replica.
/// </summary>
public abstract class RedisRunStoreContract(IRedisFixture redis) : ResumableStreamContract
{
    protected override ApiFactory CreateFactory(int tokenDelayMs = 0) => new ApiFactory()
        .With("ConnectionStrings:redis", redis.ConnectionString)
        .With("Chatbot:Llm:Offline:TokenDelayMs", tokenDelayMs.ToString());

    [Fact]
    public async Task Events_trimmed_by_the_cap_answer_410_instead_of_a_resume_with_a_gap()
    {
        await using var factory = CreateFactory(tokenDelayMs: 5).With("Chatbot:Runs:MaxEvents", "5");
        using var http = factory.CreateClient();
        var (live, events) = await ChatbotClient.StreamAsync(http, ResumableClient.AskRequest(Question));
        var runId = live.Headers.GetValues(StreamHeaders.RunId).Single();
        var firstKept = (await factory.Services.GetRequiredService<IRunStore>().GetAsync(runId, CancellationToken.None))!.FirstKeptSequence;

        var gap = await http.SendAsync(ResumableClient.ResumeRequest(runId, firstKept - 2));
        var (_, tail) = await ResumableClient.ResumeAsync(http, runId, firstKept - 1);

        Assert.InRange(firstKept, 2, events.Count - 4); // trimmed, and at least the newest five kept
        Assert.Equal(HttpStatusCode.Gone, gap.StatusCode);
        Assert.Equal(events.Skip((int)firstKept - 1).Select(e => e.RawData), tail.Select(e => e.RawData));
    }

    [Fact]
    public async Task A_finished_run_expires_after_its_retention()
    {
        await using var factory = CreateFactory().With("Chatbot:Runs:RetainFor", "00:00:01");
        using var http = factory.CreateClient();
        var (live, _) = await ChatbotClient.StreamAsync(http, ResumableClient.AskRequest(Question));
        var runId = live.Headers.GetValues(StreamHeaders.RunId).Single();

        var early = await http.SendAsync(ResumableClient.ResumeRequest(runId, 0));
        Assert.True(await Eventually.HoldsAsync(async () => !await redis.Client.GetDatabase().KeyExistsAsync(RedisRunKeys.Events(runId))));
        var late = await http.SendAsync(ResumableClient.ResumeRequest(runId, 0));

        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, late.StatusCode);
    }

    [Fact]
    public async Task Within_one_window_an_answer_at_a_models_pace_is_three_appends_and_replays_whole()
    {
        await using var factory = CreateFactory(tokenDelayMs: 5).With("Chatbot:Runs:JournalWindow", "01:00:00");
        using var http = factory.CreateClient();
        var (live, events) = await ChatbotClient.StreamAsync(http, ResumableClient.AskRequest(Question));
        var runId = live.Headers.GetValues(StreamHeaders.RunId).Single();

        var entries = await redis.Client.GetDatabase().StreamLengthAsync(RedisRunKeys.Events(runId));
        var (_, replay) = await ResumableClient.ResumeAsync(http, runId, lastEventId: 0);

        Assert.Equal(3, entries); // the start, the first token, then the rest with the complete event
        Assert.True(events.Count > 10, $"{events.Count} events");
        Assert.Equal(events.Select(e => e.RawData), replay.Select(e => e.RawData));
    }

    [Fact]
    public async Task Stores_on_one_redis_share_each_owners_open_answer_limit_and_a_refused_run_leaves_nothing()
    {
        var replicaA = await StoreAsync();
        var replicaB = await StoreAsync();
        var owner = $"/open-limit-{Guid.NewGuid():N}";

        var first = await OpenAsync(replicaA, owner);
        var second = await OpenAsync(replicaB, owner);
        var third = await OpenAsync(replicaA, owner);
        var someoneElse = await OpenAsync(replicaB, $"{owner}-other");
        await replicaA.AppendAsync(first.Run, [Complete(2)], CancellationToken.None);
        var afterTheEnd = await OpenAsync(replicaB, owner);

        Assert.True(first.Opened && second.Opened && someoneElse.Opened && afterTheEnd.Opened);
        Assert.False(third.Opened);
        Assert.Null(await replicaB.GetAsync(third.Run.RunId, CancellationToken.None));
        Assert.Equal(RunState.Running, (await replicaA.GetAsync(second.Run.RunId, CancellationToken.None))!.State);
    }

    private async Task<RedisRunStore> StoreAsync()
    {
        var options = Microsoft.Extensions.Options.Options.Create(new ResumableRunOptions());
        var store = new RedisRunStore(redis.Client, new RunCancellations(), options, TimeProvider.System, NullLogger<RedisRunStore>.Instance);
        await store.ConnectAsync(CancellationToken.None);
        return store;
    }

    private static async Task<(RunRecord Run, bool Opened)> OpenAsync(RedisRunStore store, string owner)
    {
        var run = RunRecord.Started(RunGroup.NewRunId(owner), "conversation", owner, DateTimeOffset.UtcNow);
        StreamEvent[] start = [StreamEvent.Started(run.ConversationId, run.RunId, "question") with { Sequence = 1 }];
        return (run, await store.OpenAsync(run, start, openLimit: 2, CancellationToken.None));
    }

    private static StreamEvent Complete(long sequence) =>
        StreamEvent.Completed(new RunStatistics(InputTokens: 1, OutputTokens: 1, TimeToFirstTokenMs: 1, DurationMs: 1)) with { Sequence = sequence };
}
