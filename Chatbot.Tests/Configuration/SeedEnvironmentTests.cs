using Chatbot.Contracts.Streaming;
using Chatbot.LocalServers;
using Chatbot.Tests.Api.Support;
using Chatbot.Tests.Browser;
using Chatbot.Tests.Providers;

namespace Chatbot.Tests.Configuration;

/// <summary>
/// The seed's environment variables on the API as its own process: the AWS credentials and region
/// reach the AWS credential chain (a fake Bedrock runtime checks the signature), with a warning that
/// names the chain's own variables; ours win where both are set.
/// </summary>
public sealed class SeedEnvironmentTests
{
    private const string SeedAccessKey = "AKIASEEDNAMEDACCESSKEY";
    private const string StandardAccessKey = "AKIASTANDARDACCESSKEY";
    private const string SeedRegion = "eu-west-1";

    [Fact]
    public async Task The_seeds_aws_variables_sign_bedrock_calls_and_a_warning_names_the_standard_ones()
    {
        await using var bedrock = new FakeConverseServer();
        await bedrock.StartAsync();
        var environment = Bedrock(bedrock.BaseAddress, ConverseRunFixture.ModelId);
        environment["PROJECT_NAME"] = "Seed Chatbot";

        await using var api = await ServiceProcess.StartAsync("Chatbot.ApiService", FreePort.Next(), environment);
        await AskAsync(api);

        var signature = SignatureOf(bedrock);
        Assert.Equal((SeedAccessKey, SeedRegion), (signature.AccessKeyId, signature.Region));
        Assert.Contains(api.Output.Split('\n'), line => line.Contains("AWS_ACCESS_KEY_ID") && line.Contains("AWS_SECRET_ACCESS_KEY"));
        Assert.Equal("""{"service":"Seed Chatbot"}""", await new HttpClient { BaseAddress = new Uri(api.BaseUrl) }.GetStringAsync("/"));
        Assert.Contains("PROJECT_NAME (the seed's name) sets Chatbot:Service:Name", api.Output);
    }

    public static TheoryData<string> BedrockApis => new() { ConverseRunFixture.ModelId, BedrockRunFixture.ModelId };

    [Theory]
    [MemberData(nameof(BedrockApis))]
    public async Task Our_region_and_the_standard_access_key_win_over_the_seeds(string modelId)
    {
        await using FakeModelServer bedrock = modelId == BedrockRunFixture.ModelId ? new FakeBedrockServer() : new FakeConverseServer();
        await bedrock.StartAsync();
        var environment = Bedrock(bedrock.BaseAddress, modelId);
        environment["Chatbot__Llm__Bedrock__Region"] = "us-west-2";
        environment["AWS_ACCESS_KEY_ID"] = StandardAccessKey;

        await using var api = await ServiceProcess.StartAsync("Chatbot.ApiService", FreePort.Next(), environment);
        await AskAsync(api);

        var signature = SignatureOf(bedrock);
        Assert.Equal((StandardAccessKey, "us-west-2"), (signature.AccessKeyId, signature.Region));
        Assert.Contains("AWS_ACCESS_KEY (the seed's name) is ignored because AWS_ACCESS_KEY_ID is set", api.Output);
    }

    /// <summary>Bedrock at the fake runtime, with AWS credentials under the seed's names only.</summary>
    private static Dictionary<string, string> Bedrock(string baseUrl, string modelId) => new()
    {
        ["Chatbot__Llm__Provider"] = "bedrock",
        ["Chatbot__Llm__ModelId"] = modelId,
        ["Chatbot__Llm__Bedrock__BaseUrl"] = baseUrl,
        ["Chatbot__Llm__Offline__TokenDelayMs"] = "0",
        ["AWS_ACCESS_KEY"] = SeedAccessKey,
        ["AWS_SECRET_ACCESS_KEY"] = FakeAws.SecretAccessKey,
        ["AWS_REGION"] = SeedRegion,
        // Empty is unset, whatever this test process has in its environment.
        ["AWS_ACCESS_KEY_ID"] = "",
        ["AWS_SESSION_TOKEN"] = "",
        ["AWS_BEARER_TOKEN_BEDROCK"] = "",
        ["AWS_DEFAULT_REGION"] = "",
        ["AWS_EC2_METADATA_DISABLED"] = "true",
    };

    private static async Task AskAsync(ServiceProcess api)
    {
        using var http = new HttpClient { BaseAddress = new Uri(api.BaseUrl) };
        var (response, events) = await ChatbotClient.StreamAsync(http, ChatbotClient.AskRequest(ProviderRunFixture.Question));
        Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode}\n{api.Output}");
        Assert.True(events[^1].Type == StreamEventTypes.Complete, $"{events[^1].RawData}\n{api.Output}");
    }

    private static SigV4.Authorization SignatureOf(FakeModelServer bedrock)
    {
        var request = Assert.Single(bedrock.Requests.Take(1));
        return SigV4.Parse(request.Headers["Authorization"]) ?? throw new InvalidOperationException("The model request was not signed with SigV4.");
    }
}
