using Chatbot.LocalServers;
using Chatbot.Tests.Browser;

namespace Chatbot.Tests.Configuration;

/// <summary>
/// The built services as their own processes exit at start on a setting they cannot run with: exit
/// code 1 and one line on stderr that names the key, no stack trace (every rule of the API's is in
/// <see cref="OptionsValidationTests"/>).
/// </summary>
public sealed class StartupRefusalTests
{
    [Theory]
    [InlineData("Chatbot:Runs:Lease", "Chatbot__Runs__Lease=00:00:01", "Chatbot__Runs__FollowPollInterval=00:00:02")]
    [InlineData("Chatbot:Streaming:HeartbeatSeconds", "Chatbot__Streaming__HeartbeatSeconds=0")]
    [InlineData("Chatbot:Auth:Jwt:Audience", "Chatbot__Auth__Mode=jwt", "Chatbot__Auth__Jwt__Authority=https://login.example.com/")]
    [InlineData("Chatbot:Llm:ModelId", "Chatbot__Llm__Provider=openai", "Chatbot__Llm__ModelId=")]
    [InlineData("Chatbot:Portfolio:BaseAddress", "Chatbot__Portfolio__Source=http")]
    public async Task The_api_exits_naming_the_key(string key, params string[] variables) =>
        AssertRefused(key, await StartFailureAsync("Chatbot.ApiService", variables));

    [Theory]
    [InlineData("Chatbot:Identity:SessionLifetime", "Chatbot__Identity__SessionLifetime=-00:00:01")]
    [InlineData("Chatbot:Api:BaseAddress", "Chatbot__Api__BaseAddress=apiservice")]
    [InlineData("Chatbot:Identity:Mode", "Chatbot__Identity__Mode=nonsense")]
    [InlineData("Chatbot:ForwardedHeaders:KnownNetworks", "Chatbot__ForwardedHeaders__KnownNetworks__0=not-a-network")]
    public async Task The_web_exits_naming_the_key(string key, params string[] variables) =>
        AssertRefused(key, await StartFailureAsync("Chatbot.Web", variables));

    [Fact]
    public async Task Every_bad_setting_gets_its_own_line()
    {
        var exited = await StartFailureAsync("Chatbot.ApiService",
            ["Chatbot__Streaming__HeartbeatSeconds=0", "Chatbot__Runs__Lease=00:00:01", "Chatbot__Runs__FollowPollInterval=00:00:02"]);

        Assert.Equal(1, exited.ExitCode);
        Assert.Equal(2, Lines(exited.StandardError).Length);
        Assert.Contains(Lines(exited.StandardError), line => line.Contains("Chatbot:Streaming:HeartbeatSeconds"));
        Assert.Contains(Lines(exited.StandardError), line => line.Contains("Chatbot:Runs:Lease"));
    }

    private static void AssertRefused(string key, ServiceExitedException exited)
    {
        Assert.Equal(1, exited.ExitCode);
        Assert.Contains(key, Assert.Single(Lines(exited.StandardError)));
        Assert.DoesNotMatch(@"(?m)^\s+at ", exited.Output); // a stack trace's frames
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>How a service ended that exited instead of becoming healthy.</summary>
    private static async Task<ServiceExitedException> StartFailureAsync(string project, string[] variables)
    {
        var environment = variables.Select(variable => variable.Split('=', 2)).ToDictionary(pair => pair[0], pair => pair[1]);
        return await Assert.ThrowsAsync<ServiceExitedException>(async () =>
        {
            await using var service = await ServiceProcess.StartAsync(project, FreePort.Next(), environment);
        });
    }
}
