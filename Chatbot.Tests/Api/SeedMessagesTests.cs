using System.Net.Http.Json;
using Chatbot.ApiService.Answers;
using Chatbot.Contracts.Api;
using Chatbot.Contracts.Identity;
using Chatbot.Contracts.Streaming;
using Chatbot.Tests.Api.Support;

namespace Chatbot.Tests.Api;

/// <summary>What the seed says and logs where an answer or a request is not what it should be.</summary>
public sealed class SeedMessagesTests
{
    [Fact]
    public async Task A_model_that_says_nothing_answers_with_the_seeds_apology_streamed_and_stored()
    {
        await using var factory = new ApiFactory().WithModel(new SilentChatClient());
        using var http = factory.CreateClient();

        var (_, events) = await ChatbotClient.StreamAsync(http, ChatbotClient.AskRequest("What is OPEX?", "silent-1"));
        var stored = await http.GetFromJsonAsync<ConversationResponse>(ChatbotRoutes.Conversation("silent-1"));

        Assert.Equal(StreamEventTypes.Complete, events[^1].Type);
        Assert.Equal(ChatTurnRunner.EmptyAnswerMessage, ChatbotClient.Answer(events));
        Assert.Equal(ChatTurnRunner.EmptyAnswerMessage, stored!.Turns.Single(turn => turn.Role == TurnResponse.AssistantRole).Content);
        Assert.Contains(factory.Logs.Lines, line => line.StartsWith("Warning") && line.Contains("streamed no answer"));
    }

    [Fact]
    public async Task A_request_without_a_tenant_is_a_warning_that_names_no_user()
    {
        const string user = "u-tenantless-4711";
        await using var factory = new ApiFactory();
        using var http = factory.CreateClient();

        await ChatbotClient.StreamAsync(http, ChatbotClient.AskRequest("What is OPEX?", null, CallerHeaders.User(user)));
        var warnings = NoTenantWarnings(factory);
        await ChatbotClient.StreamAsync(http, ChatbotClient.AskRequest("What is OPEX?", null, CallerHeaders.User(user), CallerHeaders.Field(IdentityHeaders.TenantId, "t-100")));

        var warning = Assert.Single(warnings);
        Assert.DoesNotContain(user, warning);
        Assert.Single(NoTenantWarnings(factory));
    }

    private static string[] NoTenantWarnings(ApiFactory factory) =>
        [.. factory.Logs.Lines.Where(line => line.StartsWith("Warning") && line.Contains("names no tenant"))];
}
