using System.Net.Http.Json;
using Chatbot.ApiService.Memory;
using Chatbot.Contracts.Api;
using Chatbot.Contracts.Identity;
using Chatbot.Contracts.Streaming;
using Chatbot.Tests.Api.Support;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace Chatbot.Tests.Api;

/// <summary>Answers are saved after complete and the next question sees them.</summary>
public sealed class ConversationMemoryApiTests
{
    [Fact]
    public async Task The_full_answer_is_saved_after_complete()
    {
        await using var factory = new ApiFactory();
        using var http = factory.CreateClient();

        var (_, events) = await ChatbotClient.StreamAsync(http, ChatbotClient.AskRequest("What is OPEX?", "mem-1"));

        var store = factory.Services.GetRequiredService<IConversationStore>();
        var turns = await store.GetTurnsAsync(new ConversationKey(new AltecoContext().Owner, "mem-1"), CancellationToken.None);
        Assert.Equal([ConversationTurn.User, ConversationTurn.Assistant], turns.Select(t => t.Role));
        Assert.Equal("What is OPEX?", turns[0].Content);
        Assert.Equal(ChatbotClient.Answer(events), turns[1].Content);
        Assert.Equal("knowledge", turns[1].Agent);
        Assert.Equal(events[0].Text(StreamEventFields.RunId), turns[1].RunId);
    }

    [Fact]
    public async Task A_follow_up_question_reaches_the_model_with_the_previous_turns()
    {
        var model = new RecordingChatClient();
        await using var factory = new ApiFactory().WithModel(model);
        using var http = factory.CreateClient();

        const string first = "What is the payback of a 100000 EUR investment saving 15000 EUR a year?";
        await http.PostAsJsonAsync(ChatbotRoutes.AskStream, new QuestionRequest(first, "follow-1"));
        var followUp = await http.PostAsJsonAsync(ChatbotRoutes.AskStream, new QuestionRequest("And if it saves 20000 a year?", "follow-1"));
        var answer = (await followUp.Content.ReadFromJsonAsync<QuestionResponse>())!.Answer;

        Assert.Contains("Payback: 5.0 years (CAPEX 100,000 EUR, net annual saving 20,000 EUR)", answer);
        var lastCall = model.Calls.Last();
        Assert.Contains(lastCall, m => m.Role == ChatRole.User && m.Text == first);
        Assert.Contains(lastCall, m => m.Role == ChatRole.Assistant && m.Text.Contains("Payback: 6.7 years"));
    }

    [Fact]
    public async Task Two_conversations_in_one_process_never_share_turns()
    {
        var model = new RecordingChatClient();
        await using var factory = new ApiFactory().WithModel(model);
        using var http = factory.CreateClient();

        await http.SendAsync(Ask("What is OPEX?", "first-conversation", "alice"));
        await http.SendAsync(Ask("What is LCOE?", "second-conversation", "alice"));

        Assert.DoesNotContain(model.Calls.Last(), m => m.Text.Contains("OPEX"));
    }

    /// <summary>Ids are per owner: the same id is bob's own new conversation, with none of alice's turns.</summary>
    [Fact]
    public async Task Another_owner_asking_under_the_same_id_is_answered_in_a_conversation_of_their_own()
    {
        var model = new RecordingChatClient();
        await using var factory = new ApiFactory().WithModel(model);
        using var http = factory.CreateClient();

        await http.SendAsync(Ask("What is OPEX?", "shared-id", "alice"));
        var bob = await http.SendAsync(Ask("What is LCOE?", "shared-id", "bob"));

        Assert.Equal(System.Net.HttpStatusCode.OK, bob.StatusCode);
        Assert.DoesNotContain(model.Calls.Last(), message => message.Text.Contains("OPEX"));
        var store = factory.Services.GetRequiredService<IConversationStore>();
        Assert.Equal(["What is OPEX?"], await QuestionsAsync(store, "alice", "shared-id"));
        Assert.Equal(["What is LCOE?"], await QuestionsAsync(store, "bob", "shared-id"));
    }

    private static async Task<IEnumerable<string>> QuestionsAsync(IConversationStore store, string user, string conversationId)
    {
        var turns = await store.GetTurnsAsync(new ConversationKey(new AltecoContext { UserId = user }.Owner, conversationId), CancellationToken.None);
        return turns.Where(turn => turn.Role == ConversationTurn.User).Select(turn => turn.Content);
    }

    private static HttpRequestMessage Ask(string question, string conversationId, string user)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, ChatbotRoutes.AskStream) { Content = JsonContent.Create(new QuestionRequest(question, conversationId)) };
        return ChatbotClient.WithHeaders(request, CallerHeaders.User(user));
    }
}
