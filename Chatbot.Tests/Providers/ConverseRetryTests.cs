using System.Net.Http.Json;
using Chatbot.Contracts.Api;
using Chatbot.Contracts.Streaming;

namespace Chatbot.Tests.Providers;

/// <summary>
/// Converse's retries (<see cref="ProviderRetryTests{TFixture}"/>) and its faults inside the stream:
/// throttling before the first token is retried like a 429; any error after it ends the answer
/// with an <c>error</c> event, keeps the partial answer, and is never retried.
/// </summary>
[Collection(AwsEnvironmentCollection.Name)]
public sealed class ConverseRetryTests(ConverseRunFixture fixture)
    : ProviderRetryTests<ConverseRunFixture>(fixture), IClassFixture<ConverseRunFixture>
{
    [Fact]
    public async Task Throttling_inside_the_stream_before_the_first_token_is_retried()
    {
        Fixture.Server.ThrottleInStreamNext(1);

        var result = await AskAsync();

        AssertAnswered(result);
        Assert.Equal(2, Fixture.Server.Requests.Count(request => request.Reply == FakeReply.Handoff));
        Assert.Single(Fixture.Clock.Waits);
    }

    [Theory]
    [InlineData(FakeConverseServer.ThrottlingInStream)]
    [InlineData("modelStreamErrorException")]
    public async Task An_error_after_the_first_token_ends_with_an_error_keeps_the_partial_answer_and_is_not_retried(string exceptionType)
    {
        Fixture.Server.FailAfterFirstAnswerToken(exceptionType);
        var conversationId = "partial-" + Guid.NewGuid().ToString("N");

        var result = await AskAsync(conversationId);

        var partial = FakeModelScript.AnswerDeltas[0];
        Assert.Equal([partial], result.OfType(StreamEventTypes.Token).Select(token => token.Text(StreamEventFields.Content)));
        Assert.Equal(StreamEventTypes.Error, result.Events[^1].Type);
        Assert.Single(Fixture.Server.Requests, request => request.Reply == FakeReply.Answer);
        Assert.Empty(Fixture.Clock.Waits);
        var answer = (await TurnsAsync(conversationId)).Last();
        Assert.Equal((TurnResponse.AssistantRole, partial, true), (answer.Role, answer.Content, answer.Incomplete));
    }

    private async Task<IReadOnlyList<TurnResponse>> TurnsAsync(string conversationId) =>
        (await Fixture.Http.GetFromJsonAsync<ConversationResponse>(ChatbotRoutes.Conversation(conversationId)))!.Turns;
}
