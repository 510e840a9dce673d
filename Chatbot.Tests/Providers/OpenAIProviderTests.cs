using System.Text.Json.Nodes;

namespace Chatbot.Tests.Providers;

/// <summary>The API on <c>Chatbot:Llm:Provider=openai</c> against a fake OpenAI-compatible server.</summary>
public sealed class OpenAIRunFixture() : ProviderRunFixture(new FakeOpenAIServer())
{
    public const string ModelId = "fake-reasoner";
    public const string ApiKey = "sk-fake-provider-test";

    protected override IEnumerable<KeyValuePair<string, string>> ProviderSettings() =>
    [
        new("Chatbot:Llm:Provider", "openai"),
        new("Chatbot:Llm:ModelId", ModelId),
        new("Chatbot:Llm:OpenAI:Endpoint", Server.BaseAddress + "/v1"),
        new("Chatbot:Llm:OpenAI:ApiKey", ApiKey),
    ];
}

public sealed class OpenAIProviderTests(OpenAIRunFixture fixture)
    : ProviderStreamTests<OpenAIRunFixture>(fixture), IClassFixture<OpenAIRunFixture>
{
    [Fact]
    public void Streams_chat_completions_from_the_configured_model_with_the_api_key()
    {
        Assert.NotEmpty(Fixture.Server.Requests);
        Assert.All(Fixture.Server.Requests, request =>
        {
            Assert.Equal(FakeOpenAIServer.ChatCompletionsPath, request.Path);
            Assert.Equal(OpenAIRunFixture.ModelId, (string?)request.Body["model"]);
            Assert.Equal($"Bearer {OpenAIRunFixture.ApiKey}", request.Headers["Authorization"]);
        });
    }

    [Fact]
    public void Requires_the_manager_to_call_a_function_on_every_turn()
    {
        var managerTurns = Fixture.Server.Requests.Where(request => request.Reply is FakeReply.Handoff or FakeReply.Finish).ToArray();

        Assert.Single(managerTurns);
        Assert.All(managerTurns, request => Assert.Equal("required", (string?)request.Body["tool_choice"]));
    }
}
