using System.Net;
using System.Text.Json.Nodes;
using Chatbot.Contracts.Api;

namespace Chatbot.Tests.Providers;

/// <summary>
/// The API on <c>Chatbot:Llm:Provider=bedrock</c> with a model that is not Claude, so through the
/// Converse API, against a fake Bedrock runtime speaking ConverseStream, with dummy AWS credentials.
/// </summary>
public sealed class ConverseRunFixture() : ProviderRunFixture(new FakeConverseServer())
{
    /// <summary>With a ':' as Bedrock's ids have, which the path must carry percent-encoded.</summary>
    public const string ModelId = "amazon.nova-fake-v1:0";

    public new FakeConverseServer Server => (FakeConverseServer)base.Server;

    protected override IReadOnlyDictionary<string, string?> EnvironmentVariables => FakeAws.Environment;

    protected override IEnumerable<KeyValuePair<string, string>> ProviderSettings() =>
    [
        new("Chatbot:Llm:Provider", "bedrock"),
        new("Chatbot:Llm:ModelId", ModelId),
        new("Chatbot:Llm:Bedrock:Region", FakeAws.Region),
        new("Chatbot:Llm:Bedrock:BaseUrl", base.Server.BaseAddress),
    ];
}

[Collection(AwsEnvironmentCollection.Name)]
public sealed class ConverseProviderTests(ConverseRunFixture fixture)
    : ProviderStreamTests<ConverseRunFixture>(fixture), IClassFixture<ConverseRunFixture>
{
    [Fact]
    public void Streams_from_the_configured_model_at_its_converse_stream_path()
    {
        Assert.NotEmpty(Fixture.Server.Requests);
        Assert.All(Fixture.Server.Requests, request =>
        {
            Assert.Equal($"/model/{ConverseRunFixture.ModelId}/converse-stream", request.Path);
            Assert.Equal($"/model/{Uri.EscapeDataString(ConverseRunFixture.ModelId)}/converse-stream", request.RawTarget);
        });
    }

    [Fact]
    public void Signs_every_request_with_sigv4_for_bedrock_in_the_region()
    {
        Assert.NotEmpty(Fixture.Server.Requests);
        Assert.All(Fixture.Server.Requests, request =>
        {
            var authorization = SigV4.Parse(request.Headers["Authorization"]);

            Assert.NotNull(authorization);
            Assert.Equal((FakeAws.AccessKeyId, FakeAws.Region, "bedrock"),
                (authorization.AccessKeyId, authorization.Region, authorization.Service));
            Assert.Superset(new HashSet<string> { "content-type", "host", "x-amz-content-sha256", "x-amz-date" }, authorization.SignedHeaders.ToHashSet());
            Assert.Equal(SigV4.PayloadHash(request), request.Headers["x-amz-content-sha256"]);
            Assert.Equal(SigV4.ExpectedSignature(request, authorization, FakeAws.SecretAccessKey), authorization.Signature);
        });
    }

    [Fact]
    public void Sends_the_signed_reasoning_back_before_the_tool_call_it_led_to()
    {
        var followUp = Assert.Single(Fixture.Server.Requests, request => request.Reply == FakeReply.Answer);
        var assistant = Assert.Single((JsonArray)followUp.Body["messages"]!, message => (string?)message?["role"] == "assistant")!;
        var blocks = (JsonArray)assistant["content"]!;

        var reasoning = blocks[0]?["reasoningContent"]?["reasoningText"];
        Assert.Equal(string.Concat(FakeModelScript.SpecialistReasoning), (string?)reasoning?["text"]);
        Assert.Equal(FakeConverseServer.Signature(SearchCallId), (string?)reasoning?["signature"]);
        Assert.Equal(SearchCallId, (string?)blocks[1]?["toolUse"]?["toolUseId"]);
        Assert.Equal("solar", (string?)blocks[1]?["toolUse"]?["input"]?["query"]);
    }

    [Fact]
    public void Declares_the_tools_with_their_schema_and_keeps_instructions_in_system()
    {
        var search = Fixture.Server.Requests.First(request => request.Reply == FakeReply.SearchCall).Body;

        var spec = search["toolConfig"]?["tools"]?[0]?["toolSpec"];
        Assert.Equal(OfferedSearchTool, (string?)spec?["name"]);
        Assert.NotNull(spec?["inputSchema"]?["json"]?["properties"]?["query"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)search["system"]?[0]?["text"]));
        Assert.DoesNotContain(FakeConverseServer.Blocks(search), block => block.ContainsKey("role"));
        Assert.True((int?)search["inferenceConfig"]?["maxTokens"] > 0);
    }

    [Fact]
    public void Requires_the_manager_to_call_a_tool_on_every_turn()
    {
        var managerTurns = Fixture.Server.Requests.Where(request => request.Reply is FakeReply.Handoff or FakeReply.Finish).ToArray();

        Assert.Single(managerTurns);
        Assert.All(managerTurns, request => Assert.IsType<JsonObject>(request.Body["toolConfig"]?["toolChoice"]?["any"]));
    }

    [Fact]
    public async Task Prewarm_opens_the_connection_to_the_bedrock_runtime()
    {
        var before = Fixture.Server.Unmatched;

        using var response = await Fixture.Http.GetAsync(ChatbotRoutes.Prewarm);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before + 1, Fixture.Server.Unmatched);
    }
}
