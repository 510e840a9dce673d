using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Chatbot.Tests.Aspire;

/// <summary>
/// Every AppHost parameter takes the value configuration gives it (<c>--Parameters:name=…</c>, as
/// the README's "Pointing it at a model" and "Pointing it at your data" do) and its default otherwise.
/// </summary>
public sealed class ParameterTests
{
    public static TheoryData<string, string> Defaults => new()
    {
        { "llm-provider", "offline" },
        { "llm-model", "" },
        { "bedrock-region", "eu-west-1" },
        { "openai-endpoint", "" },
        { "openai-api-key", "" },
        { "web-identity-mode", "demo" },
        { "oidc-authority", "" },
        { "oidc-client-id", "" },
        { "oidc-client-secret", "" },
        { "oidc-scopes", "openid profile" },
        { "session-keys-certificate", "" },
        { "forwarded-networks", "10.0.0.0/8,172.16.0.0/12,192.168.0.0/16,100.64.0.0/10" },
        { "platform-api", "" },
        { "documents-path", "" },
    };

    public static TheoryData<string, string> DataSettings => new()
    {
        { "platform-api", "Chatbot__Portfolio__BaseAddress" },
        { "documents-path", "Chatbot__Knowledge__DocumentsPath" },
    };

    [Theory]
    [MemberData(nameof(Defaults))]
    public async Task A_parameter_takes_the_configured_value(string parameter, string _)
    {
        await using var builder = await CreateAsync($"Parameters:{parameter}=configured-{parameter}");

        Assert.Equal($"configured-{parameter}", await ValueAsync(builder, parameter));
    }

    [Theory]
    [MemberData(nameof(Defaults))]
    public async Task Unconfigured_a_parameter_takes_its_default(string parameter, string defaultValue)
    {
        await using var builder = await CreateAsync();

        Assert.Equal(defaultValue, await ValueAsync(builder, parameter));
    }

    [Theory]
    [MemberData(nameof(DataSettings))]
    public async Task A_data_parameter_is_the_apis_setting(string parameter, string variable)
    {
        await using var builder = await CreateAsync();
        var api = builder.Resources.OfType<ProjectResource>().Single(resource => resource.Name == "apiservice");

        // As azd deploys it: the variable names the parameter whose value it gets.
        var configuration = await ExecutionConfigurationBuilder.Create(api)
            .WithEnvironmentVariablesConfig()
            .BuildAsync(new DistributedApplicationExecutionContext(DistributedApplicationOperation.Publish), NullLogger.Instance, CancellationToken.None);

        Assert.Equal($"{{{parameter}.value}}", configuration.EnvironmentVariables.ToDictionary()[variable]);
    }

    private static Task<IDistributedApplicationTestingBuilder> CreateAsync(params string[] settings) =>
        DistributedApplicationTestingBuilder.CreateAsync<Projects.Chatbot_AppHost>(["Chatbot:Infrastructure=local", .. settings]);

    private static async Task<string?> ValueAsync(IDistributedApplicationTestingBuilder builder, string parameter) =>
        await builder.Resources.OfType<ParameterResource>().Single(resource => resource.Name == parameter).GetValueAsync(CancellationToken.None);
}
