using System.Text.Json.Nodes;

namespace Chatbot.Tests.Providers;

/// <summary>
/// The API on <c>Chatbot:Llm:Provider=bedrock</c> against a fake Bedrock runtime, with extended
/// thinking on. Credentials are dummies from the environment; instance metadata is disabled so
/// nothing leaves the loopback interface.
/// </summary>
public sealed class BedrockRunFixture() : ProviderRunFixture(new FakeBedrockServer())
{
    public const string ModelId = "anthropic.claude-fake-v1:0";
    public const string Region = "us-east-1";
    public const string AccessKeyId = "AKIAFAKEPROVIDERTEST";

    private static readonly Dictionary<string, string?> AwsEnvironment = new()
    {
        ["AWS_ACCESS_KEY_ID"] = AccessKeyId,
        ["AWS_SECRET_ACCESS_KEY"] = "fake-secret-access-key-for-tests",
        ["AWS_REGION"] = Region,
        ["AWS_EC2_METADATA_DISABLED"] = "true",
        ["AWS_SESSION_TOKEN"] = null,
        ["AWS_BEARER_TOKEN_BEDROCK"] = null,
    };

    private readonly Dictionary<string, string?> _saved = [];

    protected override IEnumerable<KeyValuePair<string, string>> ProviderSettings() =>
    [
        new("Chatbot:Llm:Provider", "bedrock"),
        new("Chatbot:Llm:ModelId", ModelId),
        new("Chatbot:Llm:Bedrock:Region", Region),
        new("Chatbot:Llm:Bedrock:BaseUrl", Server.BaseAddress),
        new("Chatbot:Llm:Bedrock:EnableThinking", "true"),
    ];

    protected override void BeforeApiStarts()
    {
        foreach (var (name, value) in AwsEnvironment)
        {
            _saved[name] = Environment.GetEnvironmentVariable(name);
            Environment.SetEnvironmentVariable(name, value);
        }
    }

    protected override void AfterApiStopped()
    {
        foreach (var (name, value) in _saved)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }
}

public sealed class BedrockProviderTests(BedrockRunFixture fixture)
    : ProviderStreamTests<BedrockRunFixture>(fixture), IClassFixture<BedrockRunFixture>
{
    protected override string SearchCallId => "toolu_search";

    protected override IReadOnlyList<SentToolResult> ToolResultsIn(RecordedModelRequest request) =>
        FakeBedrockServer.ToolResults(request.Body)
            .Select(block => new SentToolResult((string?)block["tool_use_id"] ?? "", Text(block["content"])))
            .ToArray();

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
    public void Streams_from_the_configured_model_with_signed_requests()
    {
        Assert.NotEmpty(Fixture.Server.Requests);
        Assert.All(Fixture.Server.Requests, request =>
        {
            Assert.Equal($"/model/{BedrockRunFixture.ModelId}/invoke-with-response-stream", request.Path);
            Assert.StartsWith($"AWS4-HMAC-SHA256 Credential={BedrockRunFixture.AccessKeyId}/", request.Headers["Authorization"]);
            Assert.Contains($"/{BedrockRunFixture.Region}/", request.Headers["Authorization"]);
        });
    }

    /// <summary>A tool_result's content: a string, or text blocks.</summary>
    private static string Text(JsonNode? content) => content switch
    {
        JsonValue value => (string?)value ?? "",
        JsonArray blocks => string.Concat(blocks.Select(block => (string?)block?["text"])),
        _ => "",
    };
}
