using System.Net;
using Chatbot.ApiService.Tools.Portfolio;
using Chatbot.Contracts.Streaming;
using Chatbot.LocalServers;
using Chatbot.Tests.Api.Support;
using Chatbot.Tests.Portfolio.Support;

namespace Chatbot.Tests.Portfolio;

/// <summary>
/// A platform that is slow, down, refuses the token, fails or answers nonsense gives a clear answer
/// and a complete stream, never a failed one, and a warning in the log without the token.
/// </summary>
public sealed class PlatformOutageTests : FakePlatformTest
{
    [Theory]
    [InlineData(HttpStatusCode.Unauthorized, PlatformPortfolio.Refused)]
    [InlineData(HttpStatusCode.Forbidden, PlatformPortfolio.Refused)]
    [InlineData(HttpStatusCode.InternalServerError, PlatformPortfolio.Unreachable)]
    [InlineData(HttpStatusCode.ServiceUnavailable, PlatformPortfolio.Unreachable)]
    [InlineData(HttpStatusCode.NotFound, PlatformPortfolio.Unreachable)]
    public async Task A_platform_answering_an_error_gives_a_clear_answer_and_a_complete_stream(HttpStatusCode status, string expected)
    {
        Platform.Status = status;
        await using var api = PortfolioApi.Over(Platform);

        await AssertClearAnswerAsync(api, expected);
    }

    [Fact]
    public async Task A_platform_slower_than_the_timeout_gives_a_clear_answer_and_a_complete_stream()
    {
        Platform.Delay = TimeSpan.FromMinutes(2);
        await using var api = PortfolioApi.Over(Platform).With("Chatbot:Portfolio:Timeout", "00:00:01");

        await AssertClearAnswerAsync(api, PlatformPortfolio.Unreachable);
    }

    [Fact]
    public async Task A_platform_that_is_down_gives_a_clear_answer_and_a_complete_stream()
    {
        await using var api = PortfolioApi.Over(Platform).With("Chatbot:Portfolio:BaseAddress", $"http://127.0.0.1:{FreePort.Next()}/platform/v1");

        await AssertClearAnswerAsync(api, PlatformPortfolio.Unreachable);
    }

    [Theory]
    [InlineData("<html>maintenance</html>")]
    [InlineData("""{"assets": []}""")]
    [InlineData("[{\"id\": \"PV-001\"")]
    public async Task A_platform_answering_something_other_than_assets_gives_a_clear_answer(string body)
    {
        Platform.Assets = body;
        await using var api = PortfolioApi.Over(Platform);

        await AssertClearAnswerAsync(api, PlatformPortfolio.Unreachable);
    }

    [Fact]
    public async Task A_failing_platform_is_tried_again_by_the_frameworks_retry()
    {
        Platform.Status = HttpStatusCode.InternalServerError;
        await using var api = PortfolioApi.Over(Platform);
        using var http = api.CreateClient();

        await ChatbotClient.StreamAsync(http, ChatbotClient.AskRequest("Show me my assets", null, PortfolioApi.Headers(PortfolioApi.Hamburg)));

        Assert.Equal(3, Platform.UserCalls.Count); // the first try and two retries
    }

    private static async Task AssertClearAnswerAsync(ApiFactory api, string expected)
    {
        using var http = api.CreateClient();

        var (_, events) = await ChatbotClient.StreamAsync(http, ChatbotClient.AskRequest("Show me my assets", null, PortfolioApi.Headers(PortfolioApi.Hamburg)));

        Assert.Contains(expected, ChatbotClient.Answer(events));
        Assert.Equal(StreamEventTypes.Complete, events[^1].Type);
        Assert.DoesNotContain(events, e => e.Type == StreamEventTypes.Error);
        Assert.Contains("The platform's asset API", api.Logs.All);
        Assert.DoesNotContain(PortfolioApi.Token, api.Logs.All);
    }
}
