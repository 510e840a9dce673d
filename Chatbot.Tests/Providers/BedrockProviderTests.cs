using System.Text.Json.Nodes;

namespace Chatbot.Tests.Providers;

/// <summary>
/// The API on <c>Chatbot:Llm:Provider=bedrock</c> with a Claude model, so through the Anthropic
/// SDK, against a fake Bedrock runtime, with extended thinking on and dummy AWS credentials.
/// </summary>
public sealed class BedrockRunFixture() : ProviderRunFixture(new FakeBedrockServer())
{
    public const string ModelId = "anthropic.claude-fake-v1:0";

    protected override IReadOnlyDictionary<string, string?> EnvironmentVariables => FakeAws.Environment;

    protected override IEnumerable<KeyValuePair<string, string>> ProviderSettings() =>
    [
        new("Chatbot:Llm:Provider", "bedrock"),
        new("Chatbot:Llm:ModelId", ModelId),
        new("Chatbot:Llm:Bedrock:Region", FakeAws.Region),
        new("Chatbot:Llm:Bedrock:BaseUrl", Server.BaseAddress),
        new("Chatbot:Llm:Bedrock:EnableThinking", "true"),
    ];
}

[Collection(AwsEnvironmentCollection.Name)]
public sealed class BedrockProviderTests(BedrockRunFixture fixture)
    : ProviderStreamTests<BedrockRunFixture>(fixture), IClassFixture<BedrockRunFixture>
{
    [Fact]
    public void Asks_for_extended_thinking_on_every_call()
    {
        Assert.NotEmpty(Fixture.Server.Requests);
        Assert.All(Fixture.Server.Requests, request =>
        {
            var thinking = Assert.IsType<JsonObject>(request.Body["thinking"]);
            Assert.Equal("enabled", (string?)thinking["type"]);
            var budget = (long?)thinking["budget_tokens"];
            Assert.True(budget > 0, $"thinking budget {budget}");
            Assert.True((long?)request.Body["max_tokens"] > budget, "max_tokens must exceed the thinking budget");
        });
    }

    [Fact]
    public void Lets_thinking_claude_choose_its_hand_off_as_it_refuses_a_forced_tool_choice_while_thinking()
    {
        var managerTurns = Fixture.Server.Requests.Where(request => request.Reply is FakeReply.Handoff or FakeReply.Finish).ToArray();

        Assert.Single(managerTurns);
        Assert.All(managerTurns, request => Assert.Contains((string?)request.Body["tool_choice"]?["type"], new string?[] { null, "auto" }));
    }

    [Fact]
    public void Streams_from_the_configured_model_with_signed_requests()
    {
        Assert.NotEmpty(Fixture.Server.Requests);
        Assert.All(Fixture.Server.Requests, request =>
        {
            Assert.Equal($"/model/{BedrockRunFixture.ModelId}/invoke-with-response-stream", request.Path);
            Assert.StartsWith($"AWS4-HMAC-SHA256 Credential={FakeAws.AccessKeyId}/", request.Headers["Authorization"]);
            Assert.Contains($"/{FakeAws.Region}/", request.Headers["Authorization"]);
        });
    }
}
