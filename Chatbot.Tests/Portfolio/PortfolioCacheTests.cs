using Chatbot.ApiService.Tools.Portfolio;
using Chatbot.Tests.Api.Support;
using Chatbot.Tests.Portfolio.Support;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Chatbot.Tests.Portfolio;

/// <summary>
/// A user's read of the platform is kept for <c>Chatbot:Portfolio:CacheFor</c>: the tool calls of one
/// answer ask the platform once, a later answer within the time asks no more, and once the time is
/// over (the cache's clock moved, not waited for) the next answer asks again. Another user asks for
/// themselves.
/// </summary>
public sealed class PortfolioCacheTests : FakePlatformTest
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private ApiFactory _api = null!;
    private HttpClient _http = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _api = PortfolioApi.Over(Platform).With("Chatbot:Portfolio:CacheFor", "00:00:30").WithModel(new TwoPortfolioToolsChatClient());
        _http = _api.WithWebHostBuilder(web => web.ConfigureTestServices(services =>
            services.AddKeyedSingleton<TimeProvider>(PortfolioCache.ClockKey, _clock))).CreateClient();
    }

    public override async Task DisposeAsync()
    {
        _http.Dispose();
        await _api.DisposeAsync();
        await Platform.DisposeAsync();
    }

    [Fact]
    public async Task Two_portfolio_tools_in_one_answer_ask_the_platform_once()
    {
        var answer = await AskAsync(PortfolioApi.Headers(PortfolioApi.Hamburg));

        Assert.Contains("You have 2 assets.", answer);
        Assert.Contains("Here is your asset.", answer);
        Assert.Single(Platform.UserCalls);
    }

    [Fact]
    public async Task The_read_is_kept_for_its_time_and_asked_again_after()
    {
        await AskAsync(PortfolioApi.Headers(PortfolioApi.Hamburg));
        _clock.Advance(TimeSpan.FromSeconds(29));
        await AskAsync(PortfolioApi.Headers(PortfolioApi.Hamburg));
        Assert.Single(Platform.UserCalls);

        _clock.Advance(TimeSpan.FromSeconds(2));
        await AskAsync(PortfolioApi.Headers(PortfolioApi.Hamburg));

        Assert.Equal(2, Platform.UserCalls.Count);
    }

    [Fact]
    public async Task Another_user_or_another_token_is_not_served_from_the_cache()
    {
        await AskAsync(PortfolioApi.Headers(PortfolioApi.Hamburg));
        await AskAsync(PortfolioApi.Headers(PortfolioApi.Hamburg with { UserId = "u-101" }));
        await AskAsync(PortfolioApi.Headers(PortfolioApi.Hamburg, "a-new-token-of-u-100"));

        Assert.Equal(["Bearer " + PortfolioApi.Token, "Bearer " + PortfolioApi.Token, "Bearer a-new-token-of-u-100"],
            Platform.UserCalls.Select(call => call["Authorization"]));
    }

    [Fact]
    public async Task A_failed_read_is_not_kept()
    {
        Platform.Status = System.Net.HttpStatusCode.Unauthorized;
        await AskAsync(PortfolioApi.Headers(PortfolioApi.Hamburg));
        Platform.Status = System.Net.HttpStatusCode.OK;

        var answer = await AskAsync(PortfolioApi.Headers(PortfolioApi.Hamburg));

        Assert.Contains("You have 2 assets.", answer);
    }

    private async Task<string> AskAsync((string, string)[] headers) =>
        ChatbotClient.Answer((await ChatbotClient.StreamAsync(_http, ChatbotClient.AskRequest("Show me my assets", null, headers))).Events);
}
