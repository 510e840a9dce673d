using Chatbot.Tests.Api.Support;

namespace Chatbot.Tests.Configuration;

/// <summary>
/// The real API refuses to start on a setting it cannot run with, and the error names the key: every
/// options class is validated as the host starts, not when a request first reads it.
/// </summary>
public sealed class OptionsValidationTests
{
    [Theory]
    [InlineData("Chatbot:Streaming:HeartbeatSeconds", "Chatbot:Streaming:HeartbeatSeconds=0")]
    [InlineData("Chatbot:Streaming:DefaultLevel", "Chatbot:Streaming:DefaultLevel=3")]
    [InlineData("Chatbot:Streaming:AllowedEvents", "Chatbot:Streaming:AllowedEvents:0=tool-start")]
    [InlineData("Chatbot:Streaming:DefaultEvents", "Chatbot:Streaming:AllowedEvents:0=token", "Chatbot:Streaming:DefaultEvents:0=thinking")]
    [InlineData("Chatbot:Memory:Ttl", "Chatbot:Memory:Ttl=-00:00:01")]
    [InlineData("Chatbot:Memory:MaxHotTurns", "Chatbot:Memory:MaxHotTurns=0")]
    [InlineData("Chatbot:Memory:RetentionDays", "Chatbot:Memory:RetentionDays=0")]
    [InlineData("Chatbot:Memory:Collection", "Chatbot:Memory:Collection=")]
    [InlineData("Chatbot:Runs:Lease", "Chatbot:Runs:Lease=00:00:01", "Chatbot:Runs:FollowPollInterval=00:00:02")]
    [InlineData("Chatbot:Runs:FollowPollInterval", "Chatbot:Runs:FollowPollInterval=00:00:00")]
    [InlineData("Chatbot:Runs:RetainFor", "Chatbot:Runs:RetainFor=-01:00:00")]
    [InlineData("Chatbot:Runs:MaxEvents", "Chatbot:Runs:MaxEvents=0")]
    [InlineData("Chatbot:Llm:Provider", "Chatbot:Llm:Provider=gpt")]
    [InlineData("Chatbot:Llm:Offline:TokenDelayMs", "Chatbot:Llm:Offline:TokenDelayMs=-1")]
    [InlineData("Chatbot:Llm:OpenAI:Endpoint", "Chatbot:Llm:OpenAI:Endpoint=localhost:11434/v1")]
    [InlineData("Chatbot:Limits:MaxQuestionLength", "Chatbot:Limits:MaxQuestionLength=0")]
    [InlineData("Chatbot:RateLimits:QuestionsPerMinute", "Chatbot:RateLimits:QuestionsPerMinute=0")]
    [InlineData("Chatbot:Budget:MaxRunTime", "Chatbot:Budget:MaxRunTime=00:00:00")]
    [InlineData("Chatbot:Shutdown:DrainTime", "Chatbot:Shutdown:DrainTime=00:01:00")]
    [InlineData("Chatbot:Service:RoutePrefix", "Chatbot:Service:RoutePrefix=api/v2/")]
    [InlineData("Chatbot:Prewarm:OnStartup", "Chatbot:Prewarm:OnStartup=maybe")]
    [InlineData("Chatbot:Prewarm:RewarmWhenQuietFor", "Chatbot:Prewarm:RewarmWhenQuietFor=-00:00:01")]
    [InlineData("Chatbot:Prewarm:RetryDelay", "Chatbot:Prewarm:RetryDelay=00:00:00")]
    [InlineData("Chatbot:Prewarm:MaxRetryDelay", "Chatbot:Prewarm:MaxRetryDelay=00:00:00")]
    [InlineData("Chatbot:Auth:Mode", "Chatbot:Auth:Mode=everyone")]
    [InlineData("Chatbot:Auth:Jwt:Audience", "Chatbot:Auth:Mode=jwt", "Chatbot:Auth:Jwt:SigningKey=" + TestTokens.SigningKey)]
    [InlineData("Chatbot:Auth:Jwt:Audience", "Chatbot:Auth:Mode=jwt", "Chatbot:Auth:Jwt:Authority=https://login.example.com/", "Chatbot:Auth:Jwt:Audience= ")]
    [InlineData("Chatbot:Portfolio:Source", "Chatbot:Portfolio:Source=file")]
    [InlineData("Chatbot:Portfolio:BaseAddress", "Chatbot:Portfolio:Source=http")]
    [InlineData("Chatbot:Portfolio:BaseAddress", "Chatbot:Portfolio:BaseAddress=platform.example.com/api")]
    [InlineData("Chatbot:Portfolio:BaseAddress", "Chatbot:Portfolio:BaseAddress=ftp://platform.example.com/")]
    [InlineData("Chatbot:Portfolio:Timeout", "Chatbot:Portfolio:Timeout=00:00:00")]
    [InlineData("Chatbot:Portfolio:CacheFor", "Chatbot:Portfolio:CacheFor=-00:00:01")]
    public async Task The_api_refuses_to_start_naming_the_key(string key, params string[] settings)
    {
        await using var api = new ApiFactory();
        foreach (var setting in settings)
        {
            var (name, value) = (setting[..setting.IndexOf('=')], setting[(setting.IndexOf('=') + 1)..]);
            api.With(name, value);
        }

        var failure = Record.Exception(() => api.CreateClient());

        Assert.NotNull(failure);
        // WebApplicationFactory can lose a race with the failed host's disposal and throw
        // ObjectDisposedException in place of the host's error, which the host has logged by then.
        Assert.Contains(key, failure is ObjectDisposedException ? api.Logs.All : failure.ToString());
    }

    [Fact]
    public async Task The_defaults_start()
    {
        await using var api = new ApiFactory();

        using var http = api.CreateClient();

        Assert.True((await http.GetAsync("/alive")).IsSuccessStatusCode);
    }
}
