using System.Net;
using Chatbot.ApiService.Runs;
using Chatbot.Contracts.Streaming;
using Chatbot.Tests.Api.Support;
using Chatbot.Tests.Memory.Support;
using Chatbot.Tests.Runs.Support;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace Chatbot.Tests.Runs;

/// <summary>
/// Resumable runs on a real Redis (one node or a cluster), and what only Redis does: trimming,
/// expiry, a stream entry per append.
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
        Assert.True(await Eventually.HoldsAsync(async () => !await redis.Client.GetDatabase().KeyExistsAsync($"chatbot:run:{{{runId}}}:events")));
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

        var entries = await redis.Client.GetDatabase().StreamLengthAsync((RedisKey)$"chatbot:run:{{{runId}}}:events");
        var (_, replay) = await ResumableClient.ResumeAsync(http, runId, lastEventId: 0);

        Assert.Equal(3, entries); // the start, the first token, then the rest with the complete event
        Assert.True(events.Count > 10, $"{events.Count} events");
        Assert.Equal(events.Select(e => e.RawData), replay.Select(e => e.RawData));
    }
}
