using System.Net;
using Chatbot.Contracts.Streaming;
using Chatbot.Contracts.Streams;
using Chatbot.Tests.Api.Support;
using Chatbot.Tests.Memory.Support;
using Chatbot.Tests.Runs.Support;

namespace Chatbot.Tests.Runs;

/// <summary>Redis killed under resumable runs: answers go on, only resuming is lost.</summary>
public sealed class RunStoreOutageTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private const string Question = "Explain how the prewarm endpoint works and why streaming matters";

    [Fact]
    public async Task With_redis_down_a_resumable_question_is_answered_as_an_ordinary_stream()
    {
        await using var factory = Api(tokenDelayMs: 0);
        using var http = factory.CreateClient();
        redis.Kill();
        try
        {
            var (response, events) = await ChatbotClient.StreamAsync(http, ResumableClient.AskRequest(Question));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.False(response.Headers.Contains(StreamHeaders.ResumableRun));
            Assert.Equal(StreamEventTypes.Complete, events[^1].Type);
        }
        finally
        {
            await redis.StartAsync();
        }
    }

    [Fact]
    public async Task Redis_dying_mid_answer_leaves_the_live_answer_going_to_its_end()
    {
        await using var factory = Api(tokenDelayMs: 30);
        using var http = factory.CreateClient();
        var (_, uninterrupted) = await ChatbotClient.StreamAsync(http, ResumableClient.AskRequest(Question));
        var response = await http.SendAsync(ResumableClient.AskRequest(Question), HttpCompletionOption.ResponseHeadersRead);
        var events = new List<SseEvent>();
        try
        {
            await foreach (var streamEvent in ChatStreamReader.ReadAsync(response))
            {
                events.Add(SseEvent.From(streamEvent));
                if (events.Count == 3)
                {
                    redis.Kill();
                }
            }
        }
        finally
        {
            await redis.StartAsync();
        }

        Assert.Equal(StreamEventTypes.Complete, events[^1].Type);
        Assert.Equal(ChatbotClient.Answer(uninterrupted), ChatbotClient.Answer(events));
        Assert.Contains(factory.Logs.Lines, line => line.Contains("can no longer be resumed"));
    }

    [Fact]
    public async Task With_redis_down_a_users_open_answers_are_still_limited_on_each_replica()
    {
        await using var factory = Api(tokenDelayMs: 200).With("Chatbot:RateLimits:ConcurrentStreamsPerUser", "1");
        using var http = factory.CreateClient();
        redis.Kill();
        try
        {
            using var open = await http.SendAsync(ResumableClient.AskRequest(Question), HttpCompletionOption.ResponseHeadersRead);
            using var refused = await http.SendAsync(ResumableClient.AskRequest(Question));
            using var someoneElse = await http.SendAsync(ResumableClient.AskRequest(Question, null, CallerHeaders.User($"other-{Guid.NewGuid():N}")), HttpCompletionOption.ResponseHeadersRead);

            Assert.Equal(HttpStatusCode.OK, open.StatusCode);
            Assert.False(open.Headers.Contains(StreamHeaders.ResumableRun));
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.Equal(HttpStatusCode.OK, someoneElse.StatusCode);
        }
        finally
        {
            await redis.StartAsync();
        }
    }

    private ApiFactory Api(int tokenDelayMs) => new ApiFactory()
        .With("ConnectionStrings:redis", redis.ConnectionString)
        .With("Chatbot:Llm:Offline:TokenDelayMs", tokenDelayMs.ToString());
}
