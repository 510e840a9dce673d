using Chatbot.ApiService.Llm.Retries;
using Chatbot.Contracts.Streaming;

namespace Chatbot.Tests.Providers;

/// <summary>
/// The one retry layer against each provider's fake, through its real SDK: a throttled call is
/// attempted exactly <see cref="ProviderRunFixture.MaxAttempts"/> times in all (counted at the
/// server; an SDK that retried on its own would multiply them), and each retry waits what
/// <c>Retry-After</c> asks (seconds or an HTTP date, capped), else the backoff. The waits are read
/// from the fixture's clock, never slept.
/// </summary>
public abstract class ProviderRetryTests<TFixture> where TFixture : ProviderRunFixture
{
    private static readonly ModelRetryOptions Defaults = new();

    protected ProviderRetryTests(TFixture fixture)
    {
        Fixture = fixture;
        fixture.Server.Reset();
        fixture.Clock.Reset();
    }

    protected TFixture Fixture { get; }

    [Fact]
    public async Task A_call_throttled_every_time_is_attempted_exactly_max_attempts_times_then_ends_with_an_error()
    {
        Fixture.Server.ThrottleNext(int.MaxValue);

        var result = await AskAsync();

        Assert.Equal(ProviderRunFixture.MaxAttempts, Fixture.Server.Throttled);
        Assert.Empty(Fixture.Server.Requests);
        Assert.Equal(ProviderRunFixture.MaxAttempts - 1, Fixture.Clock.Waits.Count);
        Assert.Empty(result.OfType(StreamEventTypes.Token));
        Assert.Equal(StreamEventTypes.Error, result.Events[^1].Type);
    }

    [Fact]
    public async Task Retry_after_in_seconds_is_waited_before_each_retry()
    {
        Fixture.Server.ThrottleNext(2, "7");

        var result = await AskAsync();

        AssertAnswered(result);
        Assert.Equal(2, Fixture.Server.Throttled);
        Assert.Equal([TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(7)], Fixture.Clock.Waits);
    }

    [Fact]
    public async Task Retry_after_as_an_http_date_is_waited_until()
    {
        Fixture.Server.ThrottleNext(1, RetryClock.Now.AddSeconds(12).ToString("R"));

        var result = await AskAsync();

        AssertAnswered(result);
        Assert.Equal([TimeSpan.FromSeconds(12)], Fixture.Clock.Waits);
    }

    [Fact]
    public async Task Retry_after_beyond_the_maximum_delay_waits_the_maximum()
    {
        Fixture.Server.ThrottleNext(1, "3600");

        var result = await AskAsync();

        AssertAnswered(result);
        Assert.Equal([Defaults.MaxDelay], Fixture.Clock.Waits);
    }

    [Fact]
    public async Task Without_retry_after_the_first_retry_waits_the_first_delay_with_jitter()
    {
        Fixture.Server.ThrottleNext(1);

        var result = await AskAsync();

        AssertAnswered(result);
        var wait = Assert.Single(Fixture.Clock.Waits);
        Assert.InRange(wait, Defaults.FirstDelay * 0.5, Defaults.FirstDelay * 1.5);
    }

    protected Task<AskStreamResult> AskAsync(string? conversationId = null) =>
        Fixture.AskAsync(ProviderRunFixture.Question, conversationId ?? "retries-" + Guid.NewGuid().ToString("N"));

    protected static void AssertAnswered(AskStreamResult result)
    {
        Assert.Equal(StreamEventTypes.Complete, result.Events[^1].Type);
        Assert.Equal(FakeModelScript.Answer, string.Concat(result.OfType(StreamEventTypes.Token).Select(token => token.Text(StreamEventFields.Content))));
    }
}

[Collection(AwsEnvironmentCollection.Name)]
public sealed class BedrockRetryTests(BedrockRunFixture fixture)
    : ProviderRetryTests<BedrockRunFixture>(fixture), IClassFixture<BedrockRunFixture>;

public sealed class OpenAIRetryTests(OpenAIRunFixture fixture)
    : ProviderRetryTests<OpenAIRunFixture>(fixture), IClassFixture<OpenAIRunFixture>;
