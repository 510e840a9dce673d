using Chatbot.Contracts.Streaming;
using Chatbot.Tests.Api.Support;

namespace Chatbot.Tests.Api;

/// <summary>
/// The server's default stream level (the seed sets its level on the server: L1 in production, L2
/// for debugging): what a request that names no level or events gets; a request still chooses.
/// </summary>
public sealed class DefaultStreamLevelTests
{
    private const string PaybackQuestion = "What is the payback of a 100000 EUR investment saving 15000 EUR a year?";

    private static readonly string[] LevelTwo =
    [
        StreamEventTypes.AgentStart, StreamEventTypes.Complete, StreamEventTypes.Start,
        StreamEventTypes.Thinking, StreamEventTypes.Token, StreamEventTypes.ToolEnd, StreamEventTypes.ToolStart,
    ];

    private static readonly string[] TokensOnly = [StreamEventTypes.Complete, StreamEventTypes.Start, StreamEventTypes.Token];

    [Fact]
    public async Task A_request_that_names_no_level_gets_the_configured_default_level()
    {
        await using var api = new ApiFactory().With("Chatbot:Streaming:DefaultLevel", "2");

        Assert.Equal(LevelTwo, await EventTypesAsync(api));
    }

    [Fact]
    public async Task A_request_that_names_a_level_still_chooses_it()
    {
        await using var api = new ApiFactory().With("Chatbot:Streaming:DefaultLevel", "2");

        Assert.Equal(TokensOnly, await EventTypesAsync(api, (StreamHeaders.Level, "1")));
    }

    [Fact]
    public async Task Configured_default_events_win_over_the_default_level_and_a_request_still_chooses()
    {
        await using var api = new ApiFactory()
            .With("Chatbot:Streaming:DefaultLevel", "2")
            .With("Chatbot:Streaming:DefaultEvents:0", StreamEventTypes.ToolStart);

        Assert.Equal([StreamEventTypes.Complete, StreamEventTypes.Start, StreamEventTypes.Token, StreamEventTypes.ToolStart], await EventTypesAsync(api));
        Assert.Equal([StreamEventTypes.Complete, StreamEventTypes.Start, StreamEventTypes.Token, StreamEventTypes.ToolEnd],
            await EventTypesAsync(api, (StreamHeaders.Events, StreamEventTypes.ToolEnd)));
    }

    [Fact]
    public async Task The_default_level_stays_within_the_allowed_events()
    {
        await using var api = new ApiFactory()
            .With("Chatbot:Streaming:DefaultLevel", "2")
            .With("Chatbot:Streaming:AllowedEvents:0", StreamEventTypes.Token)
            .With("Chatbot:Streaming:AllowedEvents:1", StreamEventTypes.ToolEnd);

        Assert.Equal([StreamEventTypes.Complete, StreamEventTypes.Start, StreamEventTypes.Token, StreamEventTypes.ToolEnd], await EventTypesAsync(api));
    }

    private static async Task<string[]> EventTypesAsync(ApiFactory api, params (string Name, string Value)[] headers)
    {
        using var http = api.CreateClient();
        var (_, events) = await ChatbotClient.StreamAsync(http, ChatbotClient.AskRequest(PaybackQuestion, null, headers));
        return events.Select(e => e.Type).Distinct().Order(StringComparer.Ordinal).ToArray();
    }
}
